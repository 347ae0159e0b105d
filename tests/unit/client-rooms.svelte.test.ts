/**
 * The three rooms the hall's screens run (phone, projection screen, MC's console), the real
 * classes compiled for the browser (browser-runes.ts), on a fake socket the test speaks for the
 * server through: the vote count on stage moves with every tick, every list and the stage show
 * the same count, an item broadcast never puts back an older count, and a resync replaces state.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleRoom } from '$lib/client/console-room.svelte';
import { DisplayRoom } from '$lib/client/display-room.svelte';
import { RETRY_REFUSED_MS } from '$lib/client/live-connection';
import { ParticipantRoom } from '$lib/client/participant-room.svelte';
import type { ForumSocket } from '$lib/client/socket';
import { REJECTION_REASONS, type SubmissionView } from '$lib/domain/submission';
import type {
	Counters,
	DisplaySnapshot,
	HandshakeAuth,
	ParticipantSnapshot,
	StaffSubmissionView,
	StaffSnapshot,
	StageView,
	VoteCount
} from '$lib/realtime/protocol';

type Listener = (...args: unknown[]) => void;

/** Socket.IO's client as the rooms use it; the test plays the server. */
class FakeSocket {
	connected = false;
	active = true;
	connects = 0;
	readonly auth: HandshakeAuth;
	readonly #listeners = new Map<string, Listener[]>();
	readonly #waiting: { command: string; input: unknown; answer: (result: unknown) => void; fail: (error: Error) => void }[] = [];

	constructor(auth: HandshakeAuth) {
		this.auth = auth;
	}

	on(event: string, listener: Listener) {
		this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
		return this;
	}

	timeout() {
		return {
			emitWithAck: (command: string, input: unknown) =>
				new Promise((answer, fail) => this.#waiting.push({ command, input, answer, fail }))
		};
	}

	connect() {
		this.connects++;
		this.connected = true;
		this.active = true;
		this.#fire('connect');
	}

	disconnect() {
		this.connected = false;
		this.active = false;
		this.#fire('disconnect', 'io client disconnect');
	}

	/** The connection dropped (Wi-Fi, a server restart): Socket.IO comes back by itself. */
	drop(reason = 'transport close') {
		this.connected = false;
		for (const pending of this.#waiting.splice(0)) pending.fail(new Error('disconnected'));
		this.#fire('disconnect', reason);
	}

	/** The server refused the handshake: Socket.IO does not retry that on its own. */
	refuse(reason: string) {
		this.active = false;
		this.#fire('connect_error', new Error(reason));
	}

	/** A broadcast from the server. */
	emit(event: string, ...args: unknown[]) {
		this.#fire(event, ...args);
	}

	/** Commands sent and not answered yet, by name. */
	pending(command: string) {
		return this.#waiting.filter((w) => w.command === command);
	}

	/** Answers the oldest command of that name. */
	async answer(command: string, data: unknown) {
		const at = this.#waiting.findIndex((w) => w.command === command);
		if (at === -1) throw new Error(`no ${command} waiting for an answer`);
		const [pending] = this.#waiting.splice(at, 1);
		pending.answer({ ok: true, data });
		await flush();
	}

	#fire(event: string, ...args: unknown[]) {
		for (const listener of this.#listeners.get(event) ?? []) listener(...args);
	}
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let sockets: FakeSocket[] = [];
const open = (auth: HandshakeAuth) => {
	const socket = new FakeSocket(auth);
	sockets.push(socket);
	return socket as unknown as ForumSocket;
};
/** Opens a room's connection on a fake socket and lets it connect and sync. */
async function connected(connect: (o: typeof open) => () => void, sync: string, snapshot: unknown) {
	const close = connect(open);
	const socket = sockets.at(-1)!;
	socket.connect();
	expect(socket.pending(sync)).toHaveLength(1);
	await socket.answer(sync, snapshot);
	return { socket, close };
}

let seq = 0;
function submission(id: string, votes: number, extra: Partial<SubmissionView> = {}): SubmissionView {
	return {
		id,
		kind: 'question',
		topicId: 't1',
		agencyId: null,
		delegationId: 'd1',
		text: `Câu hỏi ${id}`,
		authorName: null,
		status: 'approved',
		votes,
		createdAt: ++seq,
		rejectionReason: null,
		answerSummary: null,
		...extra
	};
}
const staffItem = (id: string, votes: number, extra: Partial<StaffSubmissionView> = {}): StaffSubmissionView => ({
	...submission(id, votes),
	heldReason: null,
	mergedInto: null,
	originalText: null,
	decidedBy: null,
	enteredBy: null,
	originLabel: null,
	preSubmitted: false,
	...extra
});
const stageOf = (onScreen: SubmissionView | null, next: SubmissionView[] = []): StageView => ({
	onScreen,
	onScreenSince: onScreen ? 1000 : null,
	next,
	agenda: null,
	review: null
});
const counters: Counters = {
	received: 0,
	approved: 0,
	answered: 0,
	merged: 0,
	notShown: Object.fromEntries(REJECTION_REASONS.map((reason) => [reason, 0])) as Counters['notShown']
};
const tick = (...counts: [string, number][]): VoteCount[] => counts.map(([submissionId, votes]) => ({ submissionId, votes }));

function displaySnapshot(submissions: SubmissionView[], stage: StageView): DisplaySnapshot {
	return { submissions, participantCount: 3, stage, counters, polls: [] };
}
function staffSnapshot(items: StaffSubmissionView[], stage: StageView, queue: string[] = []): StaffSnapshot {
	return { items, queue, stage, counters, alerts: [], safeguarding: { waiting: 0, organiserOnline: true }, canModerate: true, polls: [] };
}
function participantSnapshot(submissions: SubmissionView[], onScreen: SubmissionView | null, mine: SubmissionView[] = []): ParticipantSnapshot {
	return { submissions, mine, votedIds: [], onScreen, polls: [], pollAnswers: {} };
}

const reload = vi.fn();
beforeEach(() => {
	sockets = [];
	reload.mockClear();
	const stored = new Map<string, string>();
	vi.stubGlobal('location', { reload });
	vi.stubGlobal('navigator', { onLine: true });
	vi.stubGlobal('localStorage', {
		getItem: (key: string) => stored.get(key) ?? null,
		setItem: (key: string, value: string) => stored.set(key, value),
		removeItem: (key: string) => stored.delete(key)
	});
	vi.stubGlobal('addEventListener', () => {});
	vi.stubGlobal('removeEventListener', () => {});
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('the projection screen (DisplayRoom)', () => {
	function screen() {
		const a = submission('a', 2);
		const b = submission('b', 1);
		const c = submission('c', 0);
		const snapshot = displaySnapshot([a, b, c], stageOf(a, [b]));
		return { room: new DisplayRoom(snapshot), snapshot, a, b, c };
	}
	const onStage = (room: DisplayRoom) => room.stage.onScreen?.votes;
	const inTop = (room: DisplayRoom, id: string) => room.top.find((s) => s.id === id)?.votes;
	const inNext = (room: DisplayRoom, id: string) => room.stage.next.find((s) => s.id === id)?.votes;

	it('moves the count of the question on stage with every tick, the same in the top list', async () => {
		const { room, snapshot } = screen();
		const { socket } = await connected((o) => room.connect('key', o), 'display:sync', snapshot);
		expect(socket.auth).toEqual({ role: 'display', displayKey: 'key' });
		expect(room.connection).toBe('online');
		expect(onStage(room)).toBe(2);

		socket.emit('votes:counted', tick(['a', 3]));
		expect(onStage(room)).toBe(3);
		socket.emit('votes:counted', tick(['a', 5], ['b', 4]));
		expect([onStage(room), inTop(room, 'a'), inNext(room, 'b'), inTop(room, 'b')]).toEqual([5, 5, 4, 4]);
		expect(room.top.map((s) => s.id)).toEqual(['a', 'b', 'c']);
		// Seven ▲ on c: it leads the top list.
		socket.emit('votes:counted', tick(['c', 7]));
		expect(room.top.map((s) => [s.id, s.votes])).toEqual([
			['c', 7],
			['a', 5],
			['b', 4]
		]);
	});

	it('redraws only what a tick moved: the other items keep their identity', async () => {
		const { room, snapshot } = screen();
		const { socket } = await connected((o) => room.connect('key', o), 'display:sync', snapshot);
		const before = new Map(room.submissions.map((s) => [s.id, s]));
		socket.emit('votes:counted', tick(['b', 5]));
		const after = new Map(room.submissions.map((s) => [s.id, s]));
		expect(after.get('a')).toBe(before.get('a'));
		expect(after.get('c')).toBe(before.get('c'));
		expect(after.get('b')).not.toBe(before.get('b'));
		socket.emit('votes:counted', tick(['c', 1]));
		expect(room.submissions.find((s) => s.id === 'b')).toBe(after.get('b'));
	});

	it('keeps a newer count when an item or stage broadcast carries an older one', async () => {
		const { room, snapshot, a, b } = screen();
		const { socket } = await connected((o) => room.connect('key', o), 'display:sync', snapshot);
		socket.emit('votes:counted', tick(['a', 6], ['b', 3]));
		// The MC answers the question: the item and the stage were read before the last votes.
		socket.emit('submission:updated', { ...a, status: 'answered', answerSummary: 'Xã sẽ làm', votes: 4 });
		socket.emit('stage:changed', stageOf({ ...a, status: 'answered', votes: 4 }, [{ ...b, votes: 1 }]));
		expect([onStage(room), inTop(room, 'a'), inNext(room, 'b'), inTop(room, 'b')]).toEqual([6, 6, 3, 3]);
		expect(room.stage.onScreen?.status).toBe('answered');
		// A new item brings its own count.
		socket.emit('submission:added', submission('d', 0));
		expect(inTop(room, 'd')).toBe(0);
	});

	it('never shows an older count across a merge: the united count arrives through the ticker', async () => {
		const { room, snapshot, b, c } = screen();
		const { socket } = await connected((o) => room.connect('key', o), 'display:sync', snapshot);
		const seen: (number | undefined)[] = [];
		const look = () => seen.push(onStage(room)) && expect(inTop(room, 'a')).toBe(onStage(room));

		socket.emit('votes:counted', tick(['a', 4], ['c', 2]));
		look();
		// c is merged into a (on stage); the broadcasts carry counts read inside the merge.
		socket.emit('submission:updated', { ...c, status: 'merged', votes: 2 });
		socket.emit('submission:updated', { ...submission('a', 3), createdAt: snapshot.submissions[0].createdAt });
		look();
		socket.emit('stage:changed', stageOf(submission('a', 3), [b]));
		look();
		socket.emit('votes:counted', tick(['a', 5]));
		look();
		expect(seen).toEqual([4, 4, 4, 5]);
		expect(room.submissions.map((s) => s.id)).not.toContain('c');
	});

	it('replaces its state with the server’s on every reconnect, ticks sent meanwhile on top', async () => {
		const { room, snapshot, a, b } = screen();
		const { socket } = await connected((o) => room.connect('key', o), 'display:sync', snapshot);
		socket.emit('votes:counted', tick(['a', 9]));
		socket.drop();
		expect(room.connection).toBe('connecting');
		// The last picture stays while the screen reconnects.
		expect(onStage(room)).toBe(9);

		socket.connect();
		// A tick that arrives while the sync is on its way was sent after the request.
		socket.emit('votes:counted', tick(['b', 8]));
		expect(inNext(room, 'b')).toBe(1);
		const e = submission('e', 1);
		await socket.answer('display:sync', displaySnapshot([a, { ...b, votes: 6 }, e], stageOf({ ...b, votes: 6 }, [])));
		expect(room.submissions.map((s) => s.id)).toEqual(['a', 'b', 'e']);
		expect([onStage(room), inTop(room, 'b'), inTop(room, 'a')]).toEqual([8, 8, 2]);
		expect(room.stage.next).toEqual([]);
	});

	it('retries a refused handshake after the one delay, and reloads when its link was revoked', async () => {
		vi.useFakeTimers();
		const { room } = screen();
		const close = room.connect('key', open);
		const socket = sockets[0];
		socket.refuse('server_error');
		expect(socket.connects).toBe(0);
		vi.advanceTimersByTime(RETRY_REFUSED_MS - 1);
		expect(socket.connects).toBe(0);
		vi.advanceTimersByTime(1);
		expect(socket.connects).toBe(1);
		expect(socket.pending('display:sync')).toHaveLength(1);

		socket.refuse('unknown_event');
		expect(reload).toHaveBeenCalledOnce();
		vi.advanceTimersByTime(RETRY_REFUSED_MS);
		expect(socket.connects).toBe(1);

		// Closed: a refusal's retry left waiting does not reopen it.
		socket.refuse('server_error');
		close();
		vi.advanceTimersByTime(RETRY_REFUSED_MS);
		expect(socket.connects).toBe(1);
	});
});

describe('the MC’s console (ConsoleRoom)', () => {
	function console_() {
		const a = staffItem('a', 2);
		const b = staffItem('b', 1);
		const p = staffItem('p', 0, { status: 'pending' });
		return { room: new ConsoleRoom(), snapshot: staffSnapshot([a, b, p], stageOf(a, [b]), ['b']), a, b };
	}

	it('moves the stage’s count with every tick, the same on the item’s card', async () => {
		const { room, snapshot } = console_();
		const { socket } = await connected((o) => room.connect('event-1', o), 'staff:sync', snapshot);
		expect(socket.auth).toEqual({ role: 'staff', eventId: 'event-1' });
		expect(room.stage.onScreen?.votes).toBe(2);
		socket.emit('votes:counted', tick(['a', 5], ['b', 3]));
		expect([room.stage.onScreen?.votes, room.byId.get('a')?.votes, room.stage.next[0].votes, room.byId.get('b')?.votes]).toEqual([5, 5, 3, 3]);
		expect(room.items.find((i) => i.id === 'a')?.votes).toBe(5);
	});

	it('keeps the neutral safeguarding count from the snapshot and from each notice', async () => {
		const { room, snapshot } = console_();
		const { socket } = await connected((o) => room.connect('event-1', o), 'staff:sync', { ...snapshot, safeguarding: { waiting: 1, organiserOnline: false } });
		expect(room.safeguarding).toEqual({ waiting: 1, organiserOnline: false });
		socket.emit('safeguarding:waiting', { waiting: 1, organiserOnline: true });
		expect(room.safeguarding).toEqual({ waiting: 1, organiserOnline: true });
	});

	it('keeps the newer count over a moderation:updated or a stage ack read before the last tick', async () => {
		const { room, snapshot, a, b } = console_();
		const { socket } = await connected((o) => room.connect('event-1', o), 'staff:sync', snapshot);
		socket.emit('votes:counted', tick(['a', 7]));
		socket.emit('moderation:updated', { ...a, status: 'answered', votes: 3 });
		expect(room.byId.get('a')).toMatchObject({ status: 'answered', votes: 7 });
		expect(room.stage.onScreen?.votes).toBe(7);

		// "Show" b: the ack's stage names b with the count it read.
		socket.emit('votes:counted', tick(['b', 4]));
		const shown = room.send('stage:show', { submissionId: 'b' });
		expect(socket.pending('stage:show')).toHaveLength(1);
		await socket.answer('stage:show', stageOf({ ...b, votes: 1 }, []));
		expect((await shown).ok).toBe(true);
		expect(room.stage.onScreen).toMatchObject({ id: 'b', votes: 4 });
		expect(room.byId.get('b')?.votes).toBe(4);
	});

	it('replaces its items, queue and stage on reconnect', async () => {
		const { room, snapshot, a } = console_();
		const { socket } = await connected((o) => room.connect('event-1', o), 'staff:sync', snapshot);
		socket.emit('votes:counted', tick(['a', 7]));
		socket.drop();
		socket.connect();
		await socket.answer('staff:sync', staffSnapshot([{ ...a, votes: 8 }], stageOf(null), []));
		expect(room.items.map((i) => [i.id, i.votes])).toEqual([['a', 8]]);
		expect(room.queue).toEqual([]);
		expect(room.stage.onScreen).toBeNull();
	});

	it('asks to sign in again when the session is refused or closed, and retries anything else', async () => {
		vi.useFakeTimers();
		const room = new ConsoleRoom();
		room.connect('event-1', open);
		const socket = sockets[0];
		socket.refuse('server_error');
		vi.advanceTimersByTime(RETRY_REFUSED_MS);
		expect(socket.connects).toBe(1);
		expect(room.signedOut).toBe(false);
		socket.refuse('session_invalid');
		expect(room.signedOut).toBe(true);
		vi.advanceTimersByTime(RETRY_REFUSED_MS);
		expect(socket.connects).toBe(1);

		const other = new ConsoleRoom();
		other.connect('event-1', open);
		sockets[1].connect();
		sockets[1].drop('io server disconnect');
		expect(other.signedOut).toBe(true);
	});
});

describe('the child’s phone (ParticipantRoom)', () => {
	function phone() {
		const a = submission('a', 2);
		const b = submission('b', 1);
		const own = submission('own', 0);
		const snapshot = participantSnapshot([a, b, own], a, [own]);
		return { room: new ParticipantRoom('event-1', 'child-1', snapshot), snapshot, a, b, own };
	}

	it('moves the count of the question on the screen with every tick, the same in the feed', async () => {
		const { room, snapshot } = phone();
		const { socket } = await connected((o) => room.connect(o), 'participant:sync', snapshot);
		expect(socket.auth).toEqual({ role: 'participant' });
		socket.emit('votes:counted', tick(['a', 5], ['own', 2]));
		expect(room.onScreen?.votes).toBe(5);
		expect(room.feed.find((s) => s.id === 'a')?.votes).toBe(5);
		expect(room.feed[0].id).toBe('a');
		expect([room.mine[0].votes, room.feed.find((s) => s.id === 'own')?.votes]).toEqual([2, 2]);
	});

	it('keeps the newer count over a stage or item broadcast, and takes its own vote’s ack', async () => {
		const { room, snapshot, a, b } = phone();
		const { socket } = await connected((o) => room.connect(o), 'participant:sync', snapshot);
		socket.emit('votes:counted', tick(['a', 6]));
		socket.emit('submission:updated', { ...a, status: 'answered', votes: 2 });
		socket.emit('stage:changed', stageOf({ ...a, status: 'answered', votes: 2 }));
		expect([room.onScreen?.votes, room.onScreen?.status, room.feed[0].votes]).toEqual([6, 'answered', 6]);

		const voting = room.setVote('b', true);
		await socket.answer('vote:set', { submissionId: 'b', votes: 2, voted: true });
		expect(await voting).toBeNull();
		expect(room.votedIds).toEqual({ b: true });
		expect(room.feed.find((s) => s.id === b.id)?.votes).toBe(2);
	});

	it('replaces its feed, own items and the question on screen on reconnect, then sends what waits', async () => {
		const { room, snapshot, b, own } = phone();
		const { socket } = await connected((o) => room.connect(o), 'participant:sync', snapshot);
		socket.drop();
		room.submit({ id: 'new-1', kind: 'question', topicId: 't1', agencyId: null, text: 'Em hỏi khi mất mạng' });
		expect(socket.pending('submission:submit')).toHaveLength(0);

		socket.connect();
		socket.emit('votes:counted', tick(['b', 4]));
		await socket.answer('participant:sync', participantSnapshot([{ ...b, votes: 3 }, own], b, [own]));
		expect(room.feed.map((s) => [s.id, s.votes])).toEqual([
			['b', 4],
			['own', 0]
		]);
		expect(room.onScreen).toMatchObject({ id: 'b', votes: 4 });
		expect(socket.pending('submission:submit').map((w) => (w.input as { id: string }).id)).toEqual(['new-1']);
	});

	it('reloads when its session is gone, and retries any other refusal after the one delay', async () => {
		vi.useFakeTimers();
		const { room } = phone();
		room.connect(open);
		const socket = sockets[0];
		socket.refuse('rate_limited');
		vi.advanceTimersByTime(RETRY_REFUSED_MS);
		expect(socket.connects).toBe(1);
		socket.refuse('not_joined');
		expect(reload).toHaveBeenCalledOnce();
	});
});
