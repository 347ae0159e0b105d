import { upsert } from '$lib/domain/feed';
import type { Result } from '$lib/domain/result';
import { isPublic } from '$lib/domain/submission';
import type {
	ClientToServerEvents,
	Counters,
	PollView,
	SafeguardingAlert,
	SafeguardingNotice,
	StaffSubmissionView,
	StaffSnapshot,
	StageView
} from '$lib/realtime/protocol';
import { goLive, type OpenSocket } from './live-connection';
import { ACK_TIMEOUT_MS, type ConnectionState, type ForumSocket } from './socket';
import { countedStage, stageItems, VoteCounts } from './vote-counts.svelte';

export type Command = keyof ClientToServerEvents;
export type InputOf<C extends Command> = Parameters<ClientToServerEvents[C]>[0];
export type DataOf<C extends Command> =
	Parameters<Parameters<ClientToServerEvents[C]>[1]>[0] extends Result<infer T> ? T : never;

/**
 * A staff console's live state: every item this role may see, the queue, the stage, the counters
 * and (for organisers) safeguarding alerts. Resyncs from the server on every (re)connect, so two
 * moderators and a dropped laptop Wi-Fi all converge on the server's view.
 */
export class ConsoleRoom {
	connection = $state<ConnectionState>('connecting');
	queue = $state<string[]>([]);
	counters = $state<Counters | null>(null);
	alerts = $state<SafeguardingAlert[]>([]);
	/** Alerts waiting for an organiser, as a count only, and whether one is connected. */
	safeguarding = $state<SafeguardingNotice>({ waiting: 0, organiserOnline: false });
	canModerate = $state(false);
	/** Recent votes from phones that joined seconds before, in bulk (from each sync). */
	bulkJoinVotes = $state(0);
	/** The event's polls with live results (for those who run the room). */
	polls = $state<PollView[]>([]);
	/** The session ended elsewhere (logout everywhere): the page asks to sign in again. */
	signedOut = $state(false);
	readonly counts = new VoteCounts();
	#items = $state.raw<StaffSubmissionView[]>([]);
	#stage = $state.raw<StageView>({ onScreen: null, onScreenSince: null, next: [], agenda: null, review: null });
	#socket: ForumSocket | null = null;

	/** Every item this role may see, and the stage, with the same counts (vote-counts.svelte.ts). */
	items = $derived(this.#items.map(this.counts.of));
	stage = $derived(countedStage(this.counts, this.#stage));
	byId = $derived(new Map(this.items.map((item) => [item.id, item])));

	connect(eventId: string, open?: OpenSocket): () => void {
		const live = goLive(
			{ role: 'staff', eventId },
			'staff:sync',
			{
				synced: (snapshot) => snapshot && this.#apply(snapshot),
				state: (connection) => (this.connection = connection),
				refused: (reason) => (reason === 'session_invalid' || reason === 'forbidden') && (this.signedOut = true),
				// Signed out everywhere: the server closed this console's connection.
				closed: () => (this.signedOut = true)
			},
			open
		);
		this.#socket = live.socket;
		live.on('moderation:updated', (item) => this.#receive(item));
		// Leaders and follow-up officers hear of public items only, as children see them.
		const receivePublic = (item: Parameters<typeof this.receivePublic>[0]) => this.receivePublic(item);
		live.on('submission:added', receivePublic);
		live.on('submission:updated', receivePublic);
		live.on('votes:counted', (counts) => this.counts.counted(counts));
		live.on('queue:changed', ({ queue }) => (this.queue = queue));
		live.on('stage:changed', (stage) => this.#setStage(stage));
		live.on('counters:changed', (counters) => (this.counters = counters));
		live.on('poll:changed', (poll) => this.receivePoll(poll));
		live.on('safeguarding:waiting', (notice) => (this.safeguarding = notice));
		live.on('safeguarding:alert', (alert) => {
			this.alerts = [...this.alerts.filter((a) => a.item.id !== alert.item.id), alert];
		});
		return live.close;
	}

	/** Sends one command and waits for its ack; a lost connection reads as a server fault. */
	async send<C extends Command>(command: C, input: InputOf<C>): Promise<Result<DataOf<C>>> {
		const socket = this.#socket;
		if (!socket?.connected) return { ok: false, error: { code: 'server_error' } };
		const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(c: C, i: InputOf<C>): Promise<Result<DataOf<C>>> };
		const result = await timed.emitWithAck(command, input).catch(
			(): Result<DataOf<C>> => ({ ok: false, error: { code: 'server_error' } })
		);
		// The ack carries the changed item: apply it at once rather than wait for the broadcast.
		if (result.ok && command === 'queue:set') this.queue = result.data as string[];
		if (result.ok && (command === 'poll:create' || command === 'poll:set')) this.receivePoll(result.data as PollView);
		if (result.ok && (command === 'stage:show' || command === 'stage:next' || command === 'agenda:start' || command === 'stage:review'))
			this.#setStage(result.data as StageView);
		return result;
	}

	receivePublic(item: Omit<StaffSubmissionView, 'heldReason' | 'mergedInto' | 'originalText' | 'decidedBy' | 'enteredBy' | 'originLabel' | 'preSubmitted'>) {
		// Moderators get the fuller staff view through moderation:updated; don't overwrite it with less.
		if (this.canModerate) return;
		this.#receive({ heldReason: null, mergedInto: null, originalText: null, decidedBy: null, enteredBy: null, originLabel: null, preSubmitted: false, ...item });
	}

	receivePoll(poll: PollView) {
		this.polls = upsert(this.polls, poll);
	}

	#receive(item: StaffSubmissionView) {
		const visible = this.canModerate ? item.status !== 'safeguarding' : isPublic(item.status);
		this.counts.introduce([item]);
		this.#items = visible ? upsert(this.#items, item) : this.#items.filter((x) => x.id !== item.id);
	}

	#setStage(stage: StageView) {
		this.counts.introduce(stageItems(stage));
		this.#stage = stage;
	}

	#apply(snapshot: StaffSnapshot) {
		this.counts.reset(snapshot.items);
		this.#items = snapshot.items;
		this.queue = snapshot.queue;
		this.#setStage(snapshot.stage);
		this.counters = snapshot.counters;
		this.bulkJoinVotes = snapshot.bulkJoinVotes ?? 0;
		this.alerts = snapshot.alerts;
		this.safeguarding = snapshot.safeguarding;
		this.canModerate = snapshot.canModerate;
		this.polls = snapshot.polls;
	}
}
