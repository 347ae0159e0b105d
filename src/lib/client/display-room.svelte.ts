import { sortFeed, upsert } from '$lib/domain/feed';
import { isPublic, type SubmissionView } from '$lib/domain/submission';
import type { Counters, DisplaySnapshot, PollView, StageView } from '$lib/realtime/protocol';
import { goLive, type OpenSocket } from './live-connection';
import type { ConnectionState } from './socket';
import { countedStage, stageItems, VoteCounts } from './vote-counts.svelte';

/** The projection screen's live state: read-only, keeps its last picture while reconnecting. */
export class DisplayRoom {
	connection = $state<ConnectionState>('connecting');
	participantCount = $state(0);
	counters = $state<Counters | null>(null);
	polls = $state<PollView[]>([]);
	readonly counts = new VoteCounts();
	#submissions = $state.raw<SubmissionView[]>([]);
	#stage = $state.raw<StageView>({ onScreen: null, onScreenSince: null, next: [], agenda: null, review: null });
	/** The public items, the question on stage and the next ones, all with the same counts. */
	submissions = $derived(this.#submissions.map(this.counts.of));
	stage = $derived(countedStage(this.counts, this.#stage));
	top = $derived(sortFeed(this.submissions, 'votes'));
	/** The poll whose results the MC shows (one at a time), and a poll children may answer now. */
	shownPoll = $derived(this.polls.find((p) => p.resultsShown) ?? null);
	openPoll = $derived(this.polls.findLast((p) => p.status === 'open') ?? null);

	constructor(snapshot: DisplaySnapshot) {
		this.#apply(snapshot);
	}

	connect(displayKey: string, open?: OpenSocket): () => void {
		const live = goLive(
			{ role: 'display', displayKey },
			'display:sync',
			{
				synced: (snapshot) => snapshot && this.#apply(snapshot),
				state: (connection) => (this.connection = connection),
				// The link was revoked: reload to show that this screen's link no longer works.
				refused: (reason) => reason === 'unknown_event' && (location.reload(), true)
			},
			open
		);
		const receive = (s: SubmissionView) => {
			this.counts.introduce([s]);
			// An item merged, withdrawn or taken back leaves the screen's lists.
			this.#submissions = isPublic(s.status) ? upsert(this.#submissions, s) : this.#submissions.filter((x) => x.id !== s.id);
		};
		live.on('submission:added', receive);
		live.on('submission:updated', receive);
		live.on('votes:counted', (counts) => this.counts.counted(counts));
		live.on('participant:joined', ({ participantCount }) => (this.participantCount = participantCount));
		live.on('stage:changed', (stage) => this.#setStage(stage));
		live.on('counters:changed', (counters) => (this.counters = counters));
		live.on('poll:changed', (poll) => (this.polls = upsert(this.polls, poll)));
		return live.close;
	}

	#setStage(stage: StageView) {
		this.counts.introduce(stageItems(stage));
		this.#stage = stage;
	}

	#apply(snapshot: DisplaySnapshot) {
		this.counts.reset(snapshot.submissions);
		this.#submissions = snapshot.submissions;
		this.#setStage(snapshot.stage);
		this.participantCount = snapshot.participantCount;
		this.counters = snapshot.counters;
		this.polls = snapshot.polls;
	}
}
