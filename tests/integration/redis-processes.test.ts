/**
 * Two app processes on one PostgreSQL database and one Redis (REDIS_URL): one hall spread over
 * both behaves as on one process. Real Redis at 127.0.0.1:6379 (TEST_REDIS_URL), a key prefix per
 * test; real PostgreSQL, a fresh database per test. Where a control helps show a test can fail,
 * a third process without Redis does what today's single process would.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SubmissionView } from '$lib/domain/submission';
import { createRateLimiter } from '$lib/server/services/rate-limit';
import { openCluster } from '$lib/server/cluster/cluster';
import { DISPLAY_KEY } from './harness';
import { eventually, forgetPrefix, nextMessage, REDIS_URL, startProcesses, testPrefix } from './redis-processes';

let forum: Awaited<ReturnType<typeof startProcesses>> | undefined;
afterEach(async () => {
	await forum?.close();
	forum = undefined;
});

describe('one hall over two processes', () => {
	it("brings an item sent through A to a phone and a screen on B, and B's item to A's", async () => {
		forum = await startProcesses();
		const [a, b] = forum.processes;
		const phoneOnB = await b.connected({ token: await forum.join(b, 0) });
		const screenOnB = await b.connected({ displayKey: DISPLAY_KEY });
		const phoneOnA = await a.connected({ token: await forum.join(a, 1) });

		const heardOnB = nextMessage<SubmissionView>(phoneOnB, 'submission:added');
		const screenHeard = nextMessage<SubmissionView>(screenOnB, 'submission:added');
		const ack = await phoneOnA.emitWithAck('submission:submit', forum.item('Sân chơi cho trẻ em ở xã'));
		expect(ack.ok).toBe(true);
		expect((await heardOnB).text).toBe('Sân chơi cho trẻ em ở xã');
		expect((await screenHeard).text).toBe('Sân chơi cho trẻ em ở xã');

		const heardOnA = nextMessage<SubmissionView>(phoneOnA, 'submission:added');
		expect((await phoneOnB.emitWithAck('submission:submit', forum.item('Đèn đường trên lối đi học'))).ok).toBe(true);
		expect((await heardOnA).text).toBe('Đèn đường trên lối đi học');
	});

	it("answers present() on A for an organiser's console on B, and closes it from A when they sign out everywhere", async () => {
		forum = await startProcesses();
		const [a, b] = forum.processes;
		const organisers = { kind: 'organisers', eventId: forum.event.id } as const;
		expect(await a.app.publisher.present(organisers)).toBe(false);
		const organiser = await forum.staffMember(a, 'organiser');
		const console = await b.connected({ staff: { token: organiser.token, eventId: forum.event.id } });
		expect(await eventually(() => a.app.publisher.present(organisers))).toBe(true);

		const closed = new Promise<string>((resolve) => console.once('disconnect', (reason) => resolve(reason)));
		await a.app.staffAuth.logoutEverywhere(organiser.userId);
		expect(await closed).toBe('io server disconnect');
		expect(await eventually(async () => !(await a.app.publisher.present(organisers)))).toBe(true);
	});

	it("cuts off a screen on B when A revokes the screen's link", async () => {
		forum = await startProcesses();
		const [a, b] = forum.processes;
		const screen = await b.connected({ displayKey: DISPLAY_KEY });
		const organiser = await forum.staffMember(a, 'organiser');
		const actor = (await a.app.staffAuth.resume(organiser.token))!.actor;
		const closed = new Promise<string>((resolve) => screen.once('disconnect', (reason) => resolve(reason)));
		expect((await a.app.eventSetup.rotateDisplayKey(actor, forum.event.id)).ok).toBe(true);
		expect(await closed).toBe('io server disconnect');
		// B knows the old link is gone (its handshake reads the database).
		expect((await b.outcome({ displayKey: DISPLAY_KEY })).result).toBe('unknown_event');
	});
});

describe('limits across processes', () => {
	it("refuses on B a child's item once they used up their items on A", async () => {
		forum = await startProcesses();
		const [a, b] = forum.processes;
		const token = await forum.join(a);
		const onA = await a.connected({ token });
		const onB = await b.connected({ token });
		// 10 items a minute per child (rate-limit.ts).
		for (let i = 0; i < 10; i++) expect((await onA.emitWithAck('submission:submit', forum.item(`Ý kiến số ${i + 1} về trường học`))).ok).toBe(true);
		const refused = await onB.emitWithAck('submission:submit', forum.item('Một ý kiến nữa về trường học'));
		expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
	});

	it('shares one count per key among limiters of two processes, and keeps the two deployments of two prefixes apart', async () => {
		const prefix = testPrefix();
		const clusters = [openCluster(REDIS_URL, { prefix }), openCluster(REDIS_URL, { prefix }), openCluster(REDIS_URL, { prefix: testPrefix() })];
		try {
			for (const cluster of clusters) expect(await cluster.ready()).toBe('ok');
			const [onA, onB, elsewhere] = clusters.map((cluster) => createRateLimiter({ join: { points: 3, duration: 60 } }, cluster));
			for (let i = 0; i < 3; i++) expect(await onA.allow('join', 'hall-address')).toBe(true);
			expect(await onB.exhausted('join', 'hall-address')).toBe(true);
			expect(await onB.allow('join', 'hall-address')).toBe(false);
			expect(await elsewhere.allow('join', 'hall-address')).toBe(true);
		} finally {
			for (const cluster of clusters) await cluster.close();
			for (const cluster of clusters) await forgetPrefix(REDIS_URL, cluster.prefix);
		}
	});

	it("makes a guesser who failed three times on A wait on B too (a process without Redis would let them in)", async () => {
		// A still clock: the wait after three failures (1 s) never runs out during the test.
		const now = () => Date.parse('2026-12-01T09:00:00Z');
		forum = await startProcesses({ now });
		const [a, b] = forum.processes;
		const staff = await forum.staffMember(a, 'moderator');
		for (let i = 0; i < 3; i++) expect(await a.app.staffAuth.login(staff.username, 'sai-mat-khau-roi', `10.0.0.${i}`)).toMatchObject({ ok: false, error: { code: 'login_failed' } });
		expect(await b.app.staffAuth.login(staff.username, 'mat-khau-du-dai', '10.0.0.9')).toMatchObject({ ok: false, error: { code: 'login_wait' } });
		const alone = await forum.add({ alone: true, now });
		expect((await alone.app.staffAuth.login(staff.username, 'mat-khau-du-dai', '10.0.0.9')).ok).toBe(true);
	});

	it("caps one child's sockets over both processes, and frees a place on A when a socket on B closes", async () => {
		forum = await startProcesses({ socketCaps: { perSession: 2, perAddress: 1000 } });
		const [a, b] = forum.processes;
		const token = await forum.join(a);
		await a.connected({ token });
		const onB = await b.connected({ token });
		expect((await a.outcome({ token })).result).toBe('too_many_connections');
		expect((await b.outcome({ token })).result).toBe('too_many_connections');
		onB.disconnect();
		expect(await eventually(async () => (await a.outcome({ token })).result === 'connected')).toBe(true);
	});
});

describe('the event-setup cache across processes', () => {
	it("shows on B the title A's organiser just changed, where a process without Redis keeps the old one", async () => {
		forum = await startProcesses();
		const [a, b] = forum.processes;
		const alone = await forum.add({ alone: true });
		const organiser = await forum.staffMember(a, 'organiser');
		const actor = (await a.app.staffAuth.resume(organiser.token))!.actor;
		const titleOn = async (p: typeof a) => (await p.app.eventSetup.formOf(actor, forum!.event.id))!.title;
		// Both read (and cache) the setup first.
		const before = await titleOn(b);
		expect(await titleOn(alone)).toBe(before);

		const form = (await a.app.eventSetup.formOf(actor, forum.event.id))!;
		expect((await a.app.eventSetup.update(actor, forum.event.id, { ...form, title: 'Diễn đàn trẻ em huyện Đăk Hà' })).ok).toBe(true);
		expect(await eventually(async () => (await titleOn(b)) === 'Diễn đàn trẻ em huyện Đăk Hà')).toBe(true);
		// The control: its cache was never told, so the cache this test relies on is real.
		expect(await titleOn(alone)).toBe(before);
	});
});
