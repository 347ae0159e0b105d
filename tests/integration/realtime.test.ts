import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DISPLAY_KEY, collect, eventMatching, delivered, nextEvent, sleep, until, startTestServer, type TestServer, type TestSocket } from './harness';
import { VOTE_TICK_MS } from '$lib/server/services/vote-ticker';
import { createRateLimiter } from '$lib/server/services/rate-limit';

let server: TestServer;

const question = (topicId: string, text = 'Vì sao trường em chưa có sân chơi?') => ({
	id: crypto.randomUUID(),
	kind: 'question' as const,
	topicId,
	agencyId: null,
	text
});

describe('the live loop over real sockets', () => {
	let a: TestSocket;
	let b: TestSocket;
	let screen: TestSocket;

	beforeEach(async () => {
		server = await startTestServer();
		a = await server.connected({ token: (await server.join(0)).token });
		b = await server.connected({ token: (await server.join(1)).token });
		screen = await server.connected({ displayKey: DISPLAY_KEY });
	});
	afterEach(() => server.close());

	it("delivers one child's question to the other phones and the screen", async () => {
		const onB = nextEvent(b, 'submission:added');
		const onScreen = nextEvent(screen, 'submission:added');
		const ack = await a.emitWithAck('submission:submit', question(server.event.topics[0].id));

		expect(ack.ok).toBe(true);
		const [seenByB, seenByScreen] = await Promise.all([onB, onScreen]);
		expect(seenByB.text).toBe('Vì sao trường em chưa có sân chơi?');
		expect(seenByScreen.id).toBe(seenByB.id);
		expect(seenByB.delegationId).toBe(server.event.delegations[0].id);
		expect(seenByB).not.toHaveProperty('participantId');
	});

	it('counts a vote once everywhere, and withdraws it', async () => {
		const submitted = await a.emitWithAck('submission:submit', question(server.event.topics[0].id));
		if (!submitted.ok) throw new Error('submit failed');
		const submissionId = submitted.data.id;
		const countsOnA = collect(a, 'votes:counted');
		const countsOnScreen = collect(screen, 'votes:counted');

		const first = await b.emitWithAck('vote:set', { submissionId, voted: true });
		const again = await b.emitWithAck('vote:set', { submissionId, voted: true });
		expect(first).toEqual({ ok: true, data: { submissionId, votes: 1, voted: true } });
		expect(again).toEqual({ ok: true, data: { submissionId, votes: 1, voted: true } });
		// Counts are announced once per tick (VOTE_TICK_MS): let this one go out before the next.
		await until(() => countsOnA.length === 1 && countsOnScreen.length === 1);

		const withdrawn = await b.emitWithAck('vote:set', { submissionId, voted: false });
		expect(withdrawn).toEqual({ ok: true, data: { submissionId, votes: 0, voted: false } });
		await until(() => countsOnA.length === 2 && countsOnScreen.length === 2);
		await sleep(VOTE_TICK_MS * 2);
		expect(countsOnA).toEqual([[{ submissionId, votes: 1 }], [{ submissionId, votes: 0 }]]);
		expect(countsOnScreen).toEqual([[{ submissionId, votes: 1 }], [{ submissionId, votes: 0 }]]);
		expect((await server.app.repos.submissions.findById(submissionId))?.votes).toBe(0);
	});

	it('refuses a vote on your own item and on an item that does not exist', async () => {
		const submitted = await a.emitWithAck('submission:submit', question(server.event.topics[0].id));
		if (!submitted.ok) throw new Error('submit failed');
		expect(await a.emitWithAck('vote:set', { submissionId: submitted.data.id, voted: true })).toEqual({
			ok: false,
			error: { code: 'own_submission' }
		});
		expect(await a.emitWithAck('vote:set', { submissionId: crypto.randomUUID(), voted: true })).toEqual({
			ok: false,
			error: { code: 'unknown_submission' }
		});
	});

	it('stores a resent item once and announces it once', async () => {
		const seenByB = collect(b, 'submission:added');
		const payload = question(server.event.topics[1].id);
		const acks = await Promise.all([
			a.emitWithAck('submission:submit', payload),
			a.emitWithAck('submission:submit', payload),
			a.emitWithAck('submission:submit', payload)
		]);
		const later = await a.emitWithAck('submission:submit', payload);

		for (const ack of [...acks, later]) expect(ack).toMatchObject({ ok: true, data: { id: payload.id } });
		await delivered(b);
		expect(seenByB).toHaveLength(1);
		const stored = await server.app.repos.submissions.listByParticipant(
			(await server.app.repos.submissions.findById(payload.id))!.participantId!
		);
		expect(stored).toHaveLength(1);
	});

	it('refuses another child reusing an id', async () => {
		const payload = question(server.event.topics[0].id);
		await a.emitWithAck('submission:submit', payload);
		expect(await b.emitWithAck('submission:submit', { ...payload, text: 'hijack' })).toEqual({
			ok: false,
			error: { code: 'id_conflict' }
		});
		expect((await server.app.repos.submissions.findById(payload.id))?.text).not.toBe('hijack');
	});

	it('answers bad input with a coded error and changes nothing', async () => {
		const topicId = server.event.topics[0].id;
		const cases: [unknown, string][] = [
			[{ ...question(topicId), text: '   ' }, 'text_empty'],
			[{ ...question(topicId), text: 'a'.repeat(501) }, 'text_too_long'],
			[{ ...question(topicId), topicId: 'no-such-topic' }, 'unknown_topic'],
			[{ ...question(topicId), agencyId: 'no-such-agency' }, 'unknown_agency'],
			[null, 'invalid_payload'],
			['hello', 'invalid_payload'],
			[{ ...question(topicId), kind: 'complaint' }, 'invalid_payload'],
			[{ ...question(topicId), status: 'on_screen' }, 'invalid_payload']
		];
		for (const [payload, code] of cases) {
			expect(await a.emitWithAck('submission:submit', payload as never)).toEqual({ ok: false, error: { code } });
		}
		expect(await a.emitWithAck('vote:set', { submissionId: 'x', voted: 1 } as never)).toEqual({
			ok: false,
			error: { code: 'invalid_payload' }
		});
		// A callback is always answered, even when the payload is missing or followed by more.
		const loose = a as unknown as { emitWithAck: (...args: unknown[]) => Promise<unknown> };
		expect(await loose.emitWithAck('participant:sync')).toEqual({ ok: false, error: { code: 'invalid_payload' } });
		expect(await loose.emitWithAck('submission:submit', question(topicId), 'extra')).toEqual({ ok: false, error: { code: 'invalid_payload' } });
		const snapshot = await a.emitWithAck('participant:sync', {});
		expect(snapshot).toMatchObject({ ok: true, data: { submissions: [], mine: [] } });
	});

	it('keeps serving after an oversized frame and commands without an ack', async () => {
		const dropped = new Promise((resolve) => a.once('disconnect', resolve));
		(a as unknown as { emit: (...args: unknown[]) => void }).emit('submission:submit', {
			...question(server.event.topics[0].id),
			text: 'x'.repeat(20_000)
		});
		await dropped; // over the message size limit: the server closes that one connection

		(b as unknown as { emit: (...args: unknown[]) => void }).emit('submission:submit', question(server.event.topics[0].id));
		(b as unknown as { emit: (...args: unknown[]) => void }).emit('vote:set');
		const ack = await b.emitWithAck('submission:submit', question(server.event.topics[0].id, 'Vẫn chạy chứ?'));
		expect(ack).toMatchObject({ ok: true, data: { text: 'Vẫn chạy chứ?' } });
		expect(await server.app.repos.submissions.listByStatus(server.event.id, ['approved'])).toHaveLength(1);
	});

	it('resyncs a reconnecting phone from the server', async () => {
		const { token } = await server.join(2);
		const c = await server.connected({ token });
		const submitted = await a.emitWithAck('submission:submit', question(server.event.topics[0].id));
		if (!submitted.ok) throw new Error('submit failed');
		await c.emitWithAck('vote:set', { submissionId: submitted.data.id, voted: true });
		c.disconnect();

		const again = await server.connected({ token });
		const snapshot = await again.emitWithAck('participant:sync', {});
		expect(snapshot).toMatchObject({
			ok: true,
			data: { submissions: [{ id: submitted.data.id, votes: 1 }], votedIds: [submitted.data.id] }
		});
	});
});

describe('handshakes', () => {
	beforeEach(async () => {
		server = await startTestServer();
	});
	afterEach(() => server.close());

	const refusal = (socket: TestSocket) =>
		new Promise<string>((resolve) => socket.once('connect_error', (error) => resolve(error.message)));

	it('refuses a phone without a session, a forged token and an unknown screen key', async () => {
		expect(await refusal(server.connect({}))).toBe('not_joined');
		expect(await refusal(server.connect({ token: 'a'.repeat(32) }))).toBe('not_joined');
		expect(await refusal(server.connect({ displayKey: 'wrong-key-wrong-key-1234' }))).toBe('unknown_event');
	});

	it('refuses pages from a foreign origin', async () => {
		const { token } = await server.join(0);
		const socket = server.connect({ token, origin: 'https://evil.example', transports: ['polling'] });
		expect(await refusal(socket)).toBeTruthy();
		expect(socket.connected).toBe(false);
	});

	it('works over HTTP long-polling as well as websockets', async () => {
		const { token } = await server.join(0);
		const socket = await server.connected({ token, transports: ['polling'] });
		const ack = await socket.emitWithAck('submission:submit', question(server.event.topics[0].id));
		expect(ack.ok).toBe(true);
	});

	it('keeps a screen from sending children’s commands', async () => {
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const reply = await Promise.race([
			screen.timeout(500).emitWithAck('submission:submit', question(server.event.topics[0].id)).catch(() => 'no ack'),
			sleep(1000).then(() => 'no ack')
		]);
		expect(reply).toBe('no ack');
		expect(await server.app.repos.submissions.listByStatus(server.event.id, ['approved'])).toHaveLength(0);
	});
});

describe('flood control', () => {
	afterEach(() => server.close());

	it('slows down one phone flooding submissions without touching another', async () => {
		server = await startTestServer({ limiter: createRateLimiter() });
		const flooder = await server.connected({ token: (await server.join(0)).token });
		const other = await server.connected({ token: (await server.join(1)).token });
		const topicId = server.event.topics[0].id;

		const acks = [];
		for (let i = 0; i < 15; i++) acks.push(await flooder.emitWithAck('submission:submit', question(topicId, `#${i}`)));
		expect(acks.filter((a) => a.ok)).toHaveLength(10);
		expect(acks.at(-1)).toEqual({ ok: false, error: { code: 'rate_limited' } });

		expect((await other.emitWithAck('submission:submit', question(topicId))).ok).toBe(true);
	});
});

describe('moderation on', () => {
	afterEach(() => server.close());

	it('keeps a pending item between its author and the server', async () => {
		server = await startTestServer({ moderation: true });
		const { token } = await server.join(0);
		const author = await server.connected({ token });
		const otherDevice = await server.connected({ token });
		const other = await server.connected({ token: (await server.join(1)).token });
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const leaks = [collect(other, 'submission:added'), collect(screen, 'submission:added')];
		const onOtherDevice = nextEvent(otherDevice, 'submission:added');

		const ack = await author.emitWithAck('submission:submit', question(server.event.topics[0].id));
		expect(ack).toMatchObject({ ok: true, data: { status: 'pending' } });
		expect((await onOtherDevice).status).toBe('pending');
		await delivered(other, screen);
		expect(leaks.flat()).toHaveLength(0);
		const seenByOther = await other.emitWithAck('participant:sync', {});
		expect(seenByOther).toMatchObject({ ok: true, data: { submissions: [] } });
	});
});

describe('join announcements', () => {
	afterEach(() => server.close());

	it('tells the screens how many joined, and spares the phones', async () => {
		server = await startTestServer();
		const phone = await server.connected({ token: (await server.join(0)).token });
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const onPhone = collect(phone, 'participant:joined');
		// Joins are counted once per tick: the first join's count may still be on its way.
		const onScreen = eventMatching(screen, 'participant:joined', (c) => c.participantCount === 2);
		await server.join(1);
		expect(await onScreen).toEqual({ participantCount: 2 });
		await delivered(phone);
		expect(onPhone).toHaveLength(0);
	});

	it('tells a burst of joins as a few counts, the last one right', async () => {
		server = await startTestServer();
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const counts = collect(screen, 'participant:joined');
		const settled = eventMatching(screen, 'participant:joined', (c) => c.participantCount === 30);
		await Promise.all(Array.from({ length: 30 }, (_, i) => server.join(i % 2)));
		await settled;
		await delivered(screen);
		expect(counts.at(-1)).toEqual({ participantCount: 30 });
		expect(counts.length).toBeLessThan(30);
	});
});

describe('revoking the screen link', () => {
	afterEach(() => server.close());

	it('cuts off screens on the old link at once and lets only those who run the screen do it', async () => {
		server = await startTestServer();
		const eventId = server.event.id;
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const cutOff = new Promise<string>((resolve) => screen.once('disconnect', resolve));
		const leader = { userId: 'l', canCreateEvents: false, roles: [{ eventId, role: 'leader' as const, agencyId: 'a' }] };
		const moderator = { userId: 'm', canCreateEvents: false, roles: [{ eventId, role: 'moderator' as const, agencyId: null }] };

		expect(await server.app.eventSetup.rotateDisplayKey(leader, eventId)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(await server.app.eventSetup.rotateDisplayKey(null, eventId)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(screen.connected).toBe(true);

		const rotated = await server.app.eventSetup.rotateDisplayKey(moderator, eventId);
		if (!rotated.ok) throw new Error(rotated.error.code);
		expect(await cutOff).toBe('io server disconnect');

		const refused = server.connect({ displayKey: DISPLAY_KEY });
		expect(await new Promise((resolve) => refused.once('connect_error', (e) => resolve(e.message)))).toBe('unknown_event');
		const fresh = await server.connected({ displayKey: rotated.data.displayKey });
		expect(fresh.connected).toBe(true);
	});
});
