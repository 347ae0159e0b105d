/**
 * Once-only work with several processes: two apps on one PostgreSQL database and the machine's
 * real Redis (a key prefix of their own per test), each with a recording publisher standing in for
 * its Socket.IO server. Votes, answers and joins arrive on both; only the event's tick owner
 * announces, with the figures the database holds; when the owner goes (closed, or dead with its
 * lease and half-done work left in Redis) the other takes over within a few seconds and nothing
 * recorded meanwhile is lost. Always on PostgreSQL, so it runs once, in the node project (as the
 * other redis-* tests).
 */
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { EventDetails } from '$lib/domain/event';
import type { Participant } from '$lib/domain/participant';
import { createForumApp, openPostgresStorage, type ForumApp } from '$lib/server/app';
import type { TickLeases } from '$lib/server/cluster/count-funnel';
import { demoEvent } from '$lib/server/demo-event';
import type { Audience, Publisher } from '$lib/server/services/publisher';
import { unlimited } from '$lib/server/services/rate-limit';
import { freshPostgres, type FreshPostgres } from './postgres';
import { forgetPrefix } from './redis-processes';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Sent {
	audience: Audience;
	event: string;
	payload: unknown;
}

function recorder() {
	const sent: Sent[] = [];
	const publisher: Publisher = {
		publish: (audience, event, ...payload) => void sent.push({ audience, event, payload: payload[0] }),
		evict: () => {},
		present: async () => false
	};
	return {
		sent,
		publisher,
		/** Every vote count announced, in order. */
		counts: () => sent.filter((s) => s.event === 'votes:counted').flatMap((s) => s.payload as { submissionId: string; votes: number }[])
	};
}

let database: FreshPostgres | null = null;
const apps: ForumApp[] = [];
const prefixes: string[] = [];
const admin = new Redis(REDIS_URL, { lazyConnect: true });

afterEach(async () => {
	for (const app of apps.splice(0)) await app.close();
	for (const prefix of prefixes.splice(0)) await forgetPrefix(REDIS_URL, prefix);
	await database?.drop();
	database = null;
});

async function forum(tickLeases: Partial<TickLeases> & { keyPrefix: string }) {
	database ??= await freshPostgres({ migrated: true });
	const app = createForumApp({ storage: await openPostgresStorage(database.url), limiter: unlimited, tickLeases: { redisUrl: REDIS_URL, ...tickLeases } });
	apps.push(app);
	const recording = recorder();
	app.publisher.connect(recording.publisher);
	await app.tickOwner!.ready();
	return { app, ...recording };
}

async function twoProcesses(settings: Partial<TickLeases> = {}) {
	const keyPrefix = `test:ticks:${crypto.randomUUID()}:`;
	prefixes.push(keyPrefix);
	const a = await forum({ keyPrefix, ...settings });
	const b = await forum({ keyPrefix, ...settings });
	const seed = demoEvent(() => crypto.randomUUID(), 'test-display-key-0123456789');
	await a.app.repos.events.create({ ...seed, moderation: false });
	const event = (await a.app.repos.events.findById(seed.id)) as EventDetails;
	return { a, b, event, keyPrefix };
}

async function join(app: ForumApp, event: EventDetails): Promise<Participant> {
	const joined = await app.sessions.join(event, { delegationId: event.delegations[0].id, nickname: null, showNickname: false }, 'test');
	if (!joined.ok) throw new Error(joined.error.code);
	return joined.data.participant;
}

async function submit(app: ForumApp, event: EventDetails, author: Participant, text: string) {
	const item = await app.submissions.submit(author, { id: crypto.randomUUID(), kind: 'question', topicId: event.topics[0].id, agencyId: null, text });
	if (!item.ok) throw new Error(item.error.code);
	return item.data.id;
}

async function vote(app: ForumApp, voter: Participant, submissionId: string) {
	const voted = await app.votes.setVote(voter, { submissionId, voted: true });
	if (!voted.ok) throw new Error(voted.error.code);
}

async function storedVotes(app: ForumApp, ids: string[]) {
	return Object.fromEntries((await app.repos.votes.countsOf(ids)).map((c) => [c.submissionId, c.votes]));
}

/** The last count announced per item. */
function lastCounts(counts: { submissionId: string; votes: number }[]) {
	return Object.fromEntries(counts.map((c) => [c.submissionId, c.votes]));
}

function neverBackwards(counts: { submissionId: string; votes: number }[]) {
	const seen = new Map<string, number>();
	for (const { submissionId, votes } of counts) {
		expect(votes, `a count of ${submissionId} went backwards`).toBeGreaterThanOrEqual(seen.get(submissionId) ?? 0);
		seen.set(submissionId, votes);
	}
}

describe('ticks with several processes', () => {
	it('announces each event’s counts from one process only, with the database’s figures, never going backwards', async () => {
		// An owner keeps its lease while idle here: a slow machine must not hand it over mid-test.
		const { a, b, event } = await twoProcesses({ idleMs: 60_000 });
		const author = await join(a.app, event);
		const items: string[] = [];
		for (const text of ['Em muốn có thêm sân chơi', 'Trường em cần thêm sách', 'Xin thêm giờ thể thao']) items.push(await submit(a.app, event, author, text));
		// Half the hall on each process.
		const voters = await Promise.all(Array.from({ length: 24 }, (_, i) => join(i % 2 ? a.app : b.app, event)));
		await Promise.all(voters.flatMap((voter, i) => items.map((item) => vote(i % 2 ? a.app : b.app, voter, item))));

		const stored = await storedVotes(a.app, items);
		expect(stored).toEqual(Object.fromEntries(items.map((id) => [id, 24])));
		await expect.poll(() => lastCounts([...a.counts(), ...b.counts()]), { timeout: 5000 }).toEqual(stored);

		const owners = [a, b].filter((p) => p.app.tickOwner!.owned().includes(event.id));
		expect(owners).toHaveLength(1);
		const [owner] = owners;
		const other = owner === a ? b : a;
		// Only the owner announced: counts, and the joins (whoever's phones they were).
		expect(other.sent.filter((s) => s.event === 'votes:counted' || s.event === 'participant:joined')).toEqual([]);
		neverBackwards(owner.counts());
		const joins = () => owner.sent.filter((s) => s.event === 'participant:joined').map((s) => (s.payload as { participantCount: number }).participantCount);
		await expect.poll(() => joins().at(-1), { timeout: 3000 }).toBe(25);
		// Coalesced: far fewer messages than the 72 votes.
		expect(owner.sent.filter((s) => s.event === 'votes:counted').length).toBeLessThan(72);
	});

	it('hands the ticks to the other process when the owner closes, and the votes cast meanwhile arrive', async () => {
		const { a, b, event } = await twoProcesses({ idleMs: 60_000 });
		const author = await join(a.app, event);
		const item = await submit(a.app, event, author, 'Đề nghị lắp đèn đường ra trường');
		const voters = await Promise.all(Array.from({ length: 20 }, () => join(b.app, event)));
		// A marks first, so A owns the event.
		await vote(a.app, voters[0], item);
		expect(a.app.tickOwner!.owned()).toEqual([event.id]);
		await expect.poll(() => lastCounts(a.counts())[item], { timeout: 5000 }).toBe(1);

		const storm = (async () => {
			for (const voter of voters.slice(1)) await vote(b.app, voter, item);
		})();
		await a.app.close();
		apps.splice(apps.indexOf(a.app), 1);
		const sentByA = a.sent.length;
		await storm;

		const started = Date.now();
		await expect.poll(() => lastCounts(b.counts())[item], { timeout: 6000 }).toBe(20);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(b.app.tickOwner!.owned()).toEqual([event.id]);
		// Closed, A announced nothing more: the votes it had not yet announced came from B.
		expect(a.sent.length).toBe(sentByA);
		neverBackwards([...a.counts(), ...b.counts()]);
	});

	it('takes over from an owner that died between draining and announcing, within a few seconds, losing nothing', async () => {
		// An idle owner lets go after 0.5 s here, so the event starts without one.
		const { a, b, event, keyPrefix } = await twoProcesses({ idleMs: 500 });
		const author = await join(b.app, event);
		const [drainedItem, markedItem, laterItem, unmarkedItem] = [
			await submit(b.app, event, author, 'Câu hỏi thứ nhất về sân chơi'),
			await submit(b.app, event, author, 'Câu hỏi thứ hai về thư viện'),
			await submit(b.app, event, author, 'Câu hỏi thứ ba về giờ học'),
			await submit(b.app, event, author, 'Câu hỏi thứ tư về xe buýt')
		];
		const voters = await Promise.all(Array.from({ length: 3 }, () => join(b.app, event)));
		await expect.poll(() => [...a.app.tickOwner!.owned(), ...b.app.tickOwner!.owned()], { timeout: 5000 }).toEqual([]);
		// What a SIGKILLed owner leaves: its lease (until it expires), one item drained into its work
		// set but never announced, another one marked, and votes committed just before the kill that
		// were never marked at all; the votes themselves are in the database.
		await admin.connect().catch(() => undefined);
		for (const voter of voters) {
			await b.app.repos.votes.set(drainedItem, voter.id, true);
			await b.app.repos.votes.set(markedItem, voter.id, true);
			await b.app.repos.votes.set(unmarkedItem, voter.id, true);
		}
		await admin
			.multi()
			.set(`${keyPrefix}lease:${event.id}`, 'dead-process', 'PX', 2500)
			.sadd(`${keyPrefix}work:${event.id}:votes`, drainedItem)
			.sadd(`${keyPrefix}dirty:${event.id}:votes`, markedItem)
			.sadd(`${keyPrefix}wanted`, event.id)
			.exec();
		const died = Date.now();
		a.sent.length = 0;
		b.sent.length = 0;
		// A vote on B meanwhile: marked, but B does not tick an event it does not own.
		await vote(b.app, voters[0], laterItem);
		expect(b.app.tickOwner!.owned()).toEqual([]);

		// Either process may claim the event: the first to renew after the dead lease expired.
		const counts = () => lastCounts([...a.counts(), ...b.counts()]);
		// The new owner announces every count once on taking over: the unmarked votes show too.
		await expect.poll(counts, { timeout: 8000 }).toEqual({ [drainedItem]: 3, [markedItem]: 3, [laterItem]: 1, [unmarkedItem]: 3 });
		expect([...a.app.tickOwner!.owned(), ...b.app.tickOwner!.owned()]).toEqual([event.id]);
		expect([a, b].filter((p) => p.counts().length)).toHaveLength(1);
		// Within the lease's time to live and one renewal (3 s + 1 s here), not before it expired.
		const tookOver = Date.now() - died;
		expect(tookOver).toBeGreaterThanOrEqual(2000);
		expect(tookOver).toBeLessThan(6000);
		expect(await admin.get(`${keyPrefix}lease:${event.id}`)).toMatch(new RegExp(`:${process.pid}:`));
		await expect.poll(async () => admin.exists(`${keyPrefix}work:${event.id}:votes`, `${keyPrefix}dirty:${event.id}:votes`), { timeout: 2000 }).toBe(0);
		admin.disconnect();
	});

	it('keeps announcing from this process, with the database’s figures, while Redis cannot be reached', async () => {
		const errors: unknown[] = [];
		const log = console.error;
		console.error = (...args: unknown[]) => void errors.push(args);
		try {
			// Nothing listens on port 1: every mark fails at once (fail fast) and is ticked here.
			const p = await (async () => {
				database ??= await freshPostgres({ migrated: true });
				const app = createForumApp({ storage: await openPostgresStorage(database.url), limiter: unlimited, tickLeases: { redisUrl: 'redis://127.0.0.1:1', keyPrefix: 'unused:' } });
				apps.push(app);
				const recording = recorder();
				app.publisher.connect(recording.publisher);
				return { app, ...recording };
			})();
			const seed = demoEvent(() => crypto.randomUUID(), 'test-display-key-0123456789');
			await p.app.repos.events.create({ ...seed, moderation: false });
			const event = (await p.app.repos.events.findById(seed.id)) as EventDetails;
			const author = await join(p.app, event);
			const item = await submit(p.app, event, author, 'Em muốn có thêm giờ đọc sách');
			const voters = await Promise.all(Array.from({ length: 5 }, () => join(p.app, event)));
			for (const voter of voters) await vote(p.app, voter, item);
			// Another process's vote, straight into the database: the local tick reads it too.
			const elsewhere = await join(p.app, event);
			await p.app.repos.votes.set(item, elsewhere.id, true);
			const late = await join(p.app, event);
			await vote(p.app, late, item);

			await expect.poll(() => lastCounts(p.counts())[item], { timeout: 3000 }).toBe(7);
			await expect.poll(() => p.sent.filter((s) => s.event === 'participant:joined').length, { timeout: 3000 }).toBeGreaterThan(0);
			expect(p.app.tickOwner!.owned()).toEqual([]);
			expect(errors.some((e) => String(e).includes('ticking locally'))).toBe(true);
		} finally {
			console.error = log;
		}
	});

	it('ticks locally while Redis restarts, and goes back to one owner once it is back', async () => {
		// A private Redis on its own port, so stopping it touches nobody else's.
		const port = String(6395);
		const startRedis = () => execFileSync('redis-server', ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes']);
		const stopRedis = () => execFileSync('redis-cli', ['-p', port, 'shutdown', 'nosave'], { stdio: 'ignore' });
		const answers = () => {
			try {
				return execFileSync('redis-cli', ['-p', port, 'ping'], { stdio: 'pipe' }).toString().trim() === 'PONG';
			} catch {
				return false;
			}
		};
		const log = console.error;
		console.error = () => {};
		startRedis();
		try {
			await expect.poll(answers, { timeout: 5000 }).toBe(true);
			const { a, b, event } = await twoProcesses({ redisUrl: `redis://127.0.0.1:${port}`, idleMs: 60_000 });
			const author = await join(a.app, event);
			const item = await submit(a.app, event, author, 'Em muốn sân trường có nhiều cây xanh hơn');
			const voters = await Promise.all(Array.from({ length: 9 }, (_, i) => join(i % 2 ? a.app : b.app, event)));
			await vote(a.app, voters[0], item);
			await expect.poll(() => lastCounts([...a.counts(), ...b.counts()])[item], { timeout: 3000 }).toBe(1);

			stopRedis();
			await expect.poll(answers, { timeout: 5000 }).toBe(false);
			await expect.poll(() => a.app.tickOwner!.owned(), { timeout: 3000 }).toEqual([]);
			// Redis away: each process ticks its own votes, figures from the database.
			await vote(b.app, voters[1], item);
			await vote(a.app, voters[2], item);
			await expect.poll(() => lastCounts(a.counts())[item], { timeout: 3000 }).toBe(3);
			await expect.poll(() => lastCounts(b.counts())[item], { timeout: 3000 }).toBeGreaterThanOrEqual(2);

			startRedis();
			await expect.poll(answers, { timeout: 5000 }).toBe(true);
			await Promise.all([a.app.tickOwner!.ready(), b.app.tickOwner!.ready()]);
			const [sentA, sentB] = [a.counts().length, b.counts().length];
			for (const [i, voter] of voters.slice(3).entries()) await vote(i % 2 ? a.app : b.app, voter, item);
			await expect.poll(() => lastCounts([...a.counts().slice(sentA), ...b.counts().slice(sentB)])[item], { timeout: 5000 }).toBe(9);
			// One owner again: only one of them announced the votes after Redis came back.
			expect([a.counts().length > sentA, b.counts().length > sentB].filter(Boolean)).toHaveLength(1);
			expect((await storedVotes(a.app, [item]))[item]).toBe(9);
		} finally {
			console.error = log;
			try {
				stopRedis();
			} catch {
				// Already stopped.
			}
		}
	}, 30_000);
});
