import { sortFeed, upsert, withCounts } from '$lib/domain/feed';
import { isPublic, type SubmissionView } from '$lib/domain/submission';
import type { Counters, DisplaySnapshot, PollView, StageView } from '$lib/realtime/protocol';
import { ACK_TIMEOUT_MS, connectForum, type ConnectionState } from './socket';

/** The projection screen's live state: read-only, keeps its last picture while reconnecting. */
export class DisplayRoom {
	connection = $state<ConnectionState>('connecting');
	submissions = $state<SubmissionView[]>([]);
	participantCount = $state(0);
	stage = $state<StageView>({ onScreen: null, onScreenSince: null, next: [], agenda: null, review: null });
	counters = $state<Counters | null>(null);
	polls = $state<PollView[]>([]);
	top = $derived(sortFeed(this.submissions, 'votes'));
	/** The poll whose results the MC shows (one at a time), and a poll children may answer now. */
	shownPoll = $derived(this.polls.find((p) => p.resultsShown) ?? null);
	openPoll = $derived(this.polls.findLast((p) => p.status === 'open') ?? null);

	constructor(snapshot: DisplaySnapshot) {
		this.#apply(snapshot);
	}

	connect(displayKey: string): () => void {
		const socket = connectForum({ role: 'display', displayKey });
		socket.on('connect', async () => {
			this.connection = 'online';
			const synced = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('display:sync', {}).catch(() => null);
			if (synced?.ok) this.#apply(synced.data);
		});
		socket.on('disconnect', () => (this.connection = 'connecting'));
		socket.on('connect_error', (error) => {
			// The link was revoked: reload to show that this screen's link no longer works.
			if (error.message === 'unknown_event') return location.reload();
			this.connection = 'connecting';
			// A handshake the server refused is not retried by the client on its own.
			if (!socket.active) setTimeout(() => socket.connect(), 5000);
		});
		const receive = (s: SubmissionView) => {
			// An item merged, withdrawn or taken back leaves the screen's lists.
			this.submissions = isPublic(s.status) ? upsert(this.submissions, s) : this.submissions.filter((x) => x.id !== s.id);
		};
		socket.on('submission:added', receive);
		socket.on('submission:updated', receive);
		socket.on('votes:counted', (counts) => (this.submissions = withCounts(this.submissions, counts)));
		socket.on('participant:joined', ({ participantCount }) => (this.participantCount = participantCount));
		socket.on('stage:changed', (stage) => (this.stage = stage));
		socket.on('counters:changed', (counters) => (this.counters = counters));
		socket.on('poll:changed', (poll) => (this.polls = upsert(this.polls, poll)));
		return () => socket.disconnect();
	}

	#apply(snapshot: DisplaySnapshot) {
		this.submissions = snapshot.submissions;
		this.participantCount = snapshot.participantCount;
		this.stage = snapshot.stage;
		this.counters = snapshot.counters;
		this.polls = snapshot.polls;
	}
}
