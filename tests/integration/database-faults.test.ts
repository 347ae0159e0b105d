/**
 * The database's faults on the day: another process holding the write lock (a sqlite3 shell, a
 * backup, a retention run) and a full disk. The server keeps answering, says what is wrong on
 * /healthz, acknowledges nothing it did not store, and stores what waited once it can.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { statusOf } from '$lib/server/http/guard';
import { errorMessage } from '$lib/i18n';
import { applyRetention, openExisting } from '../../scripts/maintenance.js';
import { sleep, startTestServer, type TestServer } from './harness';

let server: TestServer;
let other: Database.Database | null = null;

afterEach(async () => {
	if (other?.inTransaction) other.exec('ROLLBACK');
	other?.close();
	other = null;
	await server?.close();
});

/** The longest the event loop was held up while `during` ran, sampled every 10 ms. */
async function eventLoopStall<T>(during: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
	let last = performance.now();
	let stallMs = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		stallMs = Math.max(stallMs, now - last - 10);
		last = now;
	}, 10);
	try {
		return { result: await during(), stallMs };
	} finally {
		clearInterval(timer);
	}
}

describe('another connection holding the write lock', () => {
	it('does not freeze the server: reads answer, health says busy at once, and the waiting write is stored and acknowledged after', async () => {
		server = await startTestServer();
		const { token } = await server.join();
		const phone = await server.connected({ token });
		other = new Database(server.databasePath);
		other.exec('BEGIN IMMEDIATE');

		const { result, stallMs } = await eventLoopStall(async () => {
			const submitted = server.submit(phone, 'Vì sao sân trường không có cây xanh?');
			let ackedEarly = false;
			void submitted.then(() => (ackedEarly = other!.inTransaction));
			await sleep(200);
			// A phone's sync is a read: WAL lets it through while the lock is held.
			const syncStarted = performance.now();
			const sync = await phone.emitWithAck('participant:sync', {});
			const syncMs = performance.now() - syncStarted;
			const healthStarted = performance.now();
			const health = server.app.reads.databaseHealth();
			const healthMs = performance.now() - healthStarted;
			await sleep(1300);
			const stillWaiting = !ackedEarly;
			other!.exec('COMMIT');
			const item = await submitted;
			return { sync, syncMs, health, healthMs, stillWaiting, item };
		});

		expect(result.sync.ok).toBe(true);
		expect(result.syncMs).toBeLessThan(1000);
		expect(result.health).toBe('busy');
		expect(result.healthMs).toBeLessThan(100);
		expect(result.stillWaiting).toBe(true);
		expect(result.item.text).toBe('Vì sao sân trường không có cây xanh?');
		// better-sqlite3 waiting synchronously held the loop for its whole busy timeout (5 s).
		expect(stallMs).toBeLessThan(500);
		expect(server.app.reads.databaseHealth()).toBe('ok');
		const stored = await server.app.repos.submissions.findById(result.item.id);
		expect(stored?.text).toBe(result.item.text);
	});

	it('retries writes that waited in the order they first met the lock', async () => {
		server = await startTestServer();
		other = new Database(server.databasePath);
		other.exec('BEGIN IMMEDIATE');
		const joins = Array.from({ length: 5 }, (_, i) => server.join(i % 2, `ban-${i}`));
		await sleep(300);
		other.exec('COMMIT');
		const joined = await Promise.all(joins);
		const rows = new Database(server.databasePath, { readonly: true });
		try {
			const order = rows.prepare('SELECT nickname FROM participants ORDER BY rowid').pluck().all();
			expect(order).toEqual(joined.map((j) => j.participant.nickname));
		} finally {
			rows.close();
		}
	});
});

describe('a full disk', () => {
	/** SQLite refuses to grow the file past this many pages: SQLITE_FULL, as on a full disk. */
	function fillDisk(full: boolean) {
		const { sqlite } = server.app.database!;
		const pages = sqlite.pragma('page_count', { simple: true }) as number;
		sqlite.pragma(`max_page_count = ${full ? pages : 1_000_000}`);
	}

	it('shows on health, tells a new child the forum cannot take them now, acknowledges nothing unstored, and recovers', async () => {
		server = await startTestServer();
		const { token } = await server.join();
		const phone = await server.connected({ token });
		expect(server.app.reads.databaseHealth()).toBe('ok');
		fillDisk(true);

		// Enough items to need a new page: at least one is refused, none is acknowledged unstored.
		const acks = [];
		for (let i = 0; i < 40; i++) {
			acks.push(
				await phone.emitWithAck('submission:submit', {
					id: crypto.randomUUID(),
					kind: 'question',
					topicId: server.event.topics[0].id,
					agencyId: null,
					text: `Câu hỏi số ${i} về thư viện của trường em, ${'rất dài '.repeat(20)}`
				})
			);
		}
		expect(acks.some((ack) => !ack.ok)).toBe(true);
		for (const ack of acks) {
			if (ack.ok) expect(await server.app.repos.submissions.findById(ack.data.id)).not.toBeNull();
		}
		expect(server.app.reads.databaseHealth()).toBe('failing');

		// New children join until one no longer fits: that one is told why, in a sentence.
		let joined;
		for (let i = 0; i < 500; i++) {
			joined = await server.app.sessions.join(
				server.event,
				{ delegationId: server.event.delegations[0].id, nickname: `Lan ${i}`, showNickname: false },
				'test'
			);
			if (!joined.ok) break;
		}
		expect(joined).toEqual({ ok: false, error: { code: 'forum_unavailable' } });
		expect(statusOf('forum_unavailable')).toBe(503);
		expect(errorMessage('forum_unavailable')).toMatch(/chưa nhận thêm bạn mới/);

		fillDisk(false);
		expect(server.app.reads.databaseHealth()).toBe('failing');
		await server.join();
		expect(server.app.reads.databaseHealth()).toBe('ok');
	});
});

describe('retention in short transactions', () => {
	it('forgets an old event’s children a batch at a time, letting the server write between batches, with one audit entry', async () => {
		server = await startTestServer();
		for (let i = 0; i < 5; i++) await server.join(i % 2, `ban-${i}`);
		other = openExisting(server.databasePath);
		const { sqlite } = server.app.database!;
		let gaps = 0;
		const plan = applyRetention(other, {
			olderThanDays: 30,
			batch: 2,
			// Between two batches the lock is free: the server's own connection takes it.
			between: () => {
				sqlite.exec('BEGIN IMMEDIATE');
				sqlite.exec('ROLLBACK');
				gaps++;
			}
		});
		expect(gaps).toBe(2);
		expect(plan.events).toEqual([expect.objectContaining({ sessions: 5, nicknames: 5 })]);
		expect(other.prepare('SELECT count(*) FROM participants WHERE nickname IS NOT NULL').pluck().get()).toBe(0);
		expect(other.prepare('SELECT count(*) FROM participant_sessions').pluck().get()).toBe(0);
		const log = await server.app.repos.audit.listForEvent(server.event.id, 50);
		expect(log.filter((row) => row.action === 'retention:run')).toHaveLength(1);
	});
});
