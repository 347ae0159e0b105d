/**
 * The phone's resync (ParticipantRoom, compiled for the browser): it names the cursor of what it
 * has, moves the cursor with the versioned broadcasts it hears, and applies a delta on top of its
 * view: changed items replaced, items missing from the counts dropped, every count corrected.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ParticipantRoom } from '$lib/client/participant-room.svelte';
import type { ForumSocket } from '$lib/client/socket';
import type { SubmissionView } from '$lib/domain/submission';
import type { ParticipantDelta, ParticipantSnapshot } from '$lib/realtime/protocol';

type Listener = (...args: unknown[]) => void;

/** Just enough of Socket.IO's client for a sync: the test plays the server. */
class FakeSocket {
	connected = false;
	active = true;
	readonly listeners = new Map<string, Listener[]>();
	readonly sent: { command: string; input: unknown; answer: (result: unknown) => void }[] = [];
	on(event: string, listener: Listener) {
		this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
		return this;
	}
	timeout() {
		return { emitWithAck: (command: string, input: unknown) => new Promise((answer) => this.sent.push({ command, input, answer })) };
	}
	connect() {
		this.connected = true;
		this.fire('connect');
	}
	drop() {
		this.connected = false;
		this.fire('disconnect', 'transport close');
	}
	disconnect() {
		this.connected = false;
	}
	fire(event: string, ...args: unknown[]) {
		for (const listener of this.listeners.get(event) ?? []) listener(...args);
	}
	async answerSync(data: unknown) {
		const at = this.sent.findIndex((s) => s.command === 'participant:sync');
		const [sync] = this.sent.splice(at, 1);
		sync.answer({ ok: true, data });
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	lastSyncInput() {
		return this.sent.filter((s) => s.command === 'participant:sync').at(-1)?.input;
	}
}

const item = (id: string, votes: number, version: number, extra: Partial<SubmissionView> = {}): SubmissionView => ({
	id,
	kind: 'question',
	topicId: 't1',
	agencyId: null,
	delegationId: 'd1',
	text: `Câu hỏi ${id}`,
	authorName: null,
	status: 'approved',
	votes,
	createdAt: version,
	rejectionReason: null,
	answerSummary: null,
	version,
	...extra
});
const snapshot = (submissions: SubmissionView[], version: number): ParticipantSnapshot => ({
	submissions,
	mine: [],
	votedIds: [],
	onScreen: null,
	polls: [],
	pollAnswers: {},
	cursor: { epoch: 'e1', version }
});

beforeEach(() => {
	vi.stubGlobal('navigator', { onLine: true });
	vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
	vi.stubGlobal('addEventListener', () => {});
	vi.stubGlobal('removeEventListener', () => {});
	vi.stubGlobal('location', { reload: () => {} });
});
afterEach(() => vi.unstubAllGlobals());

describe('the phone resyncs with a cursor', () => {
	it('names the page’s cursor, then the newest version it heard; applies the delta on top', async () => {
		const room = new ParticipantRoom('ev', 'p1', snapshot([item('a', 1, 1), item('b', 0, 2), item('c', 4, 3)], 3));
		let socket!: FakeSocket;
		room.connect(() => (socket = new FakeSocket()) as unknown as ForumSocket);
		socket.connect();
		expect(socket.lastSyncInput()).toEqual({ since: { epoch: 'e1', version: 3 } });
		await socket.answerSync({ delta: true, cursor: { epoch: 'e1', version: 3 }, changed: [], counts: [
			{ submissionId: 'a', votes: 1 },
			{ submissionId: 'b', votes: 0 },
			{ submissionId: 'c', votes: 4 }
		], mine: [], votedIds: [], onScreen: null, polls: [], pollAnswers: {} } satisfies ParticipantDelta);

		// A live item moves the cursor; the connection drops; the next sync names it.
		socket.fire('submission:added', item('d', 0, 7));
		socket.drop();
		socket.connect();
		expect(socket.lastSyncInput()).toEqual({ since: { epoch: 'e1', version: 7 } });

		// Meanwhile: b was answered, c withdrawn (gone from the counts), a got votes, e is new.
		await socket.answerSync({
			delta: true,
			cursor: { epoch: 'e1', version: 10 },
			changed: [item('b', 0, 8, { status: 'answered', answerSummary: 'Có' }), item('e', 2, 10)],
			counts: [
				{ submissionId: 'a', votes: 5 },
				{ submissionId: 'b', votes: 0 },
				{ submissionId: 'd', votes: 1 },
				{ submissionId: 'e', votes: 2 }
			],
			mine: [],
			votedIds: ['a'],
			onScreen: null,
			polls: [],
			pollAnswers: {}
		} satisfies ParticipantDelta);
		const feed = Object.fromEntries(room.feed.map((s) => [s.id, { votes: s.votes, status: s.status }]));
		expect(feed).toEqual({
			a: { votes: 5, status: 'approved' },
			b: { votes: 0, status: 'answered' },
			d: { votes: 1, status: 'approved' },
			e: { votes: 2, status: 'approved' }
		});
		expect(room.votedIds).toEqual({ a: true });

		// A full snapshot (the server could not continue the cursor) replaces everything, cursor too.
		socket.drop();
		socket.connect();
		expect(socket.lastSyncInput()).toEqual({ since: { epoch: 'e1', version: 10 } });
		await socket.answerSync(snapshot([item('z', 0, 1)], 1));
		expect(room.feed.map((s) => s.id)).toEqual(['z']);
		socket.drop();
		socket.connect();
		expect(socket.lastSyncInput()).toEqual({ since: { epoch: 'e1', version: 1 } });
	});

	it('a page without a cursor asks for the whole view', async () => {
		const { cursor: _none, ...old } = snapshot([item('a', 0, 1)], 1);
		const room = new ParticipantRoom('ev', 'p1', old);
		let socket!: FakeSocket;
		room.connect(() => (socket = new FakeSocket()) as unknown as ForumSocket);
		socket.connect();
		expect(socket.lastSyncInput()).toEqual({});
	});
});
