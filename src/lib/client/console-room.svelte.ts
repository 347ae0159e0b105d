import { upsert, withCounts } from '$lib/domain/feed';
import type { Result } from '$lib/domain/result';
import { isPublic } from '$lib/domain/submission';
import type {
	ClientToServerEvents,
	Counters,
	PollView,
	SafeguardingAlert,
	StaffItemView,
	StaffSnapshot,
	StageView
} from '$lib/realtime/protocol';
import { ACK_TIMEOUT_MS, connectForum, type ConnectionState, type ForumSocket } from './socket';

type Command = keyof ClientToServerEvents;
type InputOf<C extends Command> = Parameters<ClientToServerEvents[C]>[0];
type DataOf<C extends Command> =
	Parameters<Parameters<ClientToServerEvents[C]>[1]>[0] extends Result<infer T> ? T : never;

/**
 * A staff console's live state: every item this role may see, the queue, the stage, the counters
 * and (for organisers) safeguarding alerts. Resyncs from the server on every (re)connect, so two
 * moderators and a dropped laptop Wi-Fi all converge on the server's view.
 */
export class ConsoleRoom {
	connection = $state<ConnectionState>('connecting');
	items = $state<StaffItemView[]>([]);
	queue = $state<string[]>([]);
	stage = $state<StageView>({ onScreen: null, onScreenSince: null, next: [], agenda: null, review: null });
	counters = $state<Counters | null>(null);
	alerts = $state<SafeguardingAlert[]>([]);
	canModerate = $state(false);
	/** The event's polls with live results (for those who run the room). */
	polls = $state<PollView[]>([]);
	/** The session ended elsewhere (logout everywhere): the page asks to sign in again. */
	signedOut = $state(false);
	#socket: ForumSocket | null = null;

	byId = $derived(new Map(this.items.map((item) => [item.id, item])));

	connect(eventId: string): () => void {
		const socket = connectForum({ role: 'staff', eventId });
		this.#socket = socket;
		socket.on('connect', async () => {
			this.connection = 'online';
			const synced = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('staff:sync', {}).catch(() => null);
			if (synced?.ok) this.#apply(synced.data);
		});
		socket.on('disconnect', (reason) => {
			this.connection = 'connecting';
			if (reason === 'io server disconnect') this.signedOut = true;
		});
		socket.on('connect_error', (error) => {
			this.connection = 'connecting';
			if (error.message === 'session_invalid' || error.message === 'forbidden') this.signedOut = true;
			else if (!socket.active) setTimeout(() => socket.connect(), 3000);
		});
		socket.on('item:changed', (item) => this.#receive(item));
		// Leaders and follow-up officers hear of public items only, as children see them.
		const receivePublic = (item: Parameters<typeof this.receivePublic>[0]) => this.receivePublic(item);
		socket.on('submission:added', receivePublic);
		socket.on('submission:updated', receivePublic);
		socket.on('votes:counted', (counts) => (this.items = withCounts(this.items, counts)));
		socket.on('queue:changed', ({ queue }) => (this.queue = queue));
		socket.on('stage:changed', (stage) => (this.stage = stage));
		socket.on('counters:changed', (counters) => (this.counters = counters));
		socket.on('poll:changed', (poll) => this.receivePoll(poll));
		socket.on('safeguarding:alert', (alert) => {
			this.alerts = [...this.alerts.filter((a) => a.item.id !== alert.item.id), alert];
		});
		return () => socket.disconnect();
	}

	/** Sends one command and waits for its ack; a lost connection reads as a server fault. */
	async send<C extends Command>(command: C, input: InputOf<C>): Promise<Result<DataOf<C>>> {
		const socket = this.#socket;
		if (!socket?.connected) return { ok: false, error: { code: 'server_error' } };
		const emit = socket.timeout(ACK_TIMEOUT_MS).emitWithAck as (c: C, i: InputOf<C>) => Promise<Result<DataOf<C>>>;
		const result = await emit.call(socket.timeout(ACK_TIMEOUT_MS), command, input).catch(
			(): Result<DataOf<C>> => ({ ok: false, error: { code: 'server_error' } })
		);
		// The ack carries the changed item: apply it at once rather than wait for the broadcast.
		if (result.ok && command === 'queue:set') this.queue = result.data as string[];
		if (result.ok && (command === 'poll:create' || command === 'poll:set')) this.receivePoll(result.data as PollView);
		if (result.ok && (command === 'stage:show' || command === 'stage:next' || command === 'agenda:start' || command === 'stage:review'))
			this.stage = result.data as StageView;
		return result;
	}

	receivePublic(item: Omit<StaffItemView, 'heldReason' | 'mergedInto' | 'originalText' | 'decidedBy' | 'enteredBy' | 'originLabel' | 'preSubmitted'>) {
		// Moderators get the fuller staff view through item:changed; don't overwrite it with less.
		if (this.canModerate) return;
		this.#receive({ heldReason: null, mergedInto: null, originalText: null, decidedBy: null, enteredBy: null, originLabel: null, preSubmitted: false, ...item });
	}

	receivePoll(poll: PollView) {
		this.polls = upsert(this.polls, poll);
	}

	#receive(item: StaffItemView) {
		const visible = this.canModerate ? item.status !== 'safeguarding' : isPublic(item.status);
		this.items = visible ? upsert(this.items, item) : this.items.filter((x) => x.id !== item.id);
	}

	#apply(snapshot: StaffSnapshot) {
		this.items = snapshot.items;
		this.queue = snapshot.queue;
		this.stage = snapshot.stage;
		this.counters = snapshot.counters;
		this.alerts = snapshot.alerts;
		this.canModerate = snapshot.canModerate;
		this.polls = snapshot.polls;
	}
}
