/**
 * Backups of the live database and retention of children's identities, through the same functions
 * the command-line scripts run (scripts/maintenance.js), and through the scripts themselves.
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention, backupDatabase, openExisting, planRetention } from '../../scripts/maintenance.js';
import { createForumApp } from '$lib/server/app';
import { demoEvent } from '$lib/server/demo-event';
import { unlimited } from '$lib/server/services/rate-limit';
import type { EventDetails } from '$lib/domain/event';
import { until, startTestServer, type TestServer, type TestSocket } from './harness';

const run = promisify(execFile);
const SCRIPTS = resolve('scripts');
const DAY_MS = 24 * 60 * 60 * 1000;

let server: TestServer;
let dir: string;

beforeEach(async () => {
	server = await startTestServer();
	dir = mkdtempSync(join(tmpdir(), 'dien-dan-backup-'));
});
afterEach(async () => {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
});

interface Phone {
	socket: TestSocket;
	token: string;
	participantId: string;
}

/** What the server acknowledged: item id → text, and `item|child` for every vote. */
interface Acked {
	items: Map<string, string>;
	votes: Set<string>;
}

async function phones(n: number): Promise<Phone[]> {
	return Promise.all(
		Array.from({ length: n }, async (_, i) => {
			const joined = await server.join(i % server.event.delegations.length);
			return { socket: await server.connected({ token: joined.token }), token: joined.token, participantId: joined.participant.id };
		})
	);
}

/** Children send items and vote on each other's, recording every acknowledgement. */
function createTraffic(children: Phone[]) {
	const acked: Acked = { items: new Map(), votes: new Set() };
	const authors = new Map<string, string>();
	let sent = 0;

	async function submit(phone: Phone) {
		const text = `Câu hỏi số ${++sent}: vì sao trường em chưa có sân chơi?`;
		const ack = await phone.socket.emitWithAck('submission:submit', {
			id: crypto.randomUUID(),
			kind: 'question',
			topicId: server.event.topics[sent % server.event.topics.length].id,
			agencyId: null,
			text
		});
		if (!ack.ok) throw new Error(ack.error.code);
		acked.items.set(ack.data.id, text);
		authors.set(ack.data.id, phone.participantId);
	}

	async function vote(phone: Phone) {
		const target = [...authors].find(([id, author]) => author !== phone.participantId && !acked.votes.has(`${id}|${phone.participantId}`));
		if (!target) return;
		const ack = await phone.socket.emitWithAck('vote:set', { submissionId: target[0], voted: true });
		if (!ack.ok) throw new Error(ack.error.code);
		acked.votes.add(`${target[0]}|${phone.participantId}`);
	}

	async function round() {
		await Promise.all(children.map((phone) => submit(phone)));
		await Promise.all(children.map((phone) => vote(phone)));
	}

	/** Keeps the phones busy until `stop()`, which resolves once the last write is acknowledged. */
	function keepWriting() {
		let running = true;
		const loop = (async () => {
			while (running) await round();
		})();
		return async () => {
			running = false;
			await loop;
		};
	}

	const snapshot = (): Acked => ({ items: new Map(acked.items), votes: new Set(acked.votes) });
	const total = () => acked.items.size + acked.votes.size;
	return { acked, round, keepWriting, snapshot, total };
}

/** Every item and vote acknowledged before the backup is in the copy, exactly once; the copy is whole. */
function expectInCopy(path: string, before: Acked, everAcked: Acked) {
	const copy = new Database(path, { readonly: true, fileMustExist: true });
	try {
		expect(copy.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
		expect(copy.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
		const byId = copy.prepare('SELECT text FROM submissions WHERE id = ?').pluck();
		const byText = copy.prepare('SELECT count(*) FROM submissions WHERE text = ?').pluck();
		for (const [id, text] of before.items) {
			expect(byId.all(id)).toEqual([text]);
			expect(byText.get(text)).toBe(1);
		}
		const vote = copy.prepare('SELECT count(*) FROM votes WHERE submission_id = ? AND participant_id = ?').pluck();
		for (const key of before.votes) expect(vote.get(...key.split('|'))).toBe(1);
		// A snapshot, not a mixture: nothing the server never acknowledged, and every stored count
		// agrees with the votes stored (they are written in one transaction).
		const ids = copy.prepare('SELECT id FROM submissions').pluck().all() as string[];
		expect(ids.filter((id) => !everAcked.items.has(id))).toEqual([]);
		const votes = copy.prepare("SELECT submission_id || '|' || participant_id FROM votes").pluck().all() as string[];
		expect(votes.filter((key) => !everAcked.votes.has(key))).toEqual([]);
		expect(
			copy.prepare('SELECT id FROM submissions s WHERE vote_count <> (SELECT count(*) FROM votes v WHERE v.submission_id = s.id)').all()
		).toEqual([]);
		return { items: ids.length, votes: votes.length };
	} finally {
		copy.close();
	}
}

describe('backup of the live database', () => {
	it('copies it while phones keep writing, and the copy, restored, runs the app', async () => {
		const children = await phones(6);
		const traffic = createTraffic(children);
		for (let i = 0; i < 3; i++) await traffic.round();
		const stop = traffic.keepWriting();
		const started = traffic.total();
		await until(() => traffic.total() > started);

		const before = traffic.snapshot();
		const destination = join(dir, 'backups', 'forum-copy.db');
		const result = await backupDatabase({ source: server.databasePath, destination });
		const atBackupEnd = traffic.total();
		await until(() => traffic.total() > atBackupEnd);
		await stop();
		// The app kept its connection open and kept writing before, during and after the copy.
		expect(traffic.total()).toBeGreaterThan(atBackupEnd);
		expect(result).toMatchObject({ destination, integrity: 'ok' });
		expect(result.counts.submissions).toBeGreaterThanOrEqual(before.items.size);
		expect(result.counts.votes).toBeGreaterThanOrEqual(before.votes.size);
		expect(result.counts.participants).toBe(children.length);
		// One self-contained file: no write-ahead log to carry along.
		expect(existsSync(`${destination}-wal`)).toBe(false);

		const inCopy = expectInCopy(destination, before, traffic.acked);
		expect(inCopy).toEqual({ items: result.counts.submissions, votes: result.counts.votes });

		// Restore as README.md says: the server stopped, the copy over the database path (with no
		// -wal or -shm beside it), start. The app opens it, migrations and all, and carries on.
		const restoredPath = join(dir, 'restored', 'forum.db');
		mkdirSync(dirname(restoredPath));
		copyFileSync(destination, restoredPath);
		const restored = createForumApp({ databasePath: restoredPath, limiter: unlimited });
		try {
			const resumed = await restored.sessions.resume(children[0].token, { renew: false });
			expect(resumed?.participant.id).toBe(children[0].participantId);
			const votesOn = new Map<string, number>();
			for (const key of before.votes) votesOn.set(key.split('|')[0], (votesOn.get(key.split('|')[0]) ?? 0) + 1);
			for (const [id, text] of before.items) {
				const item = await restored.repos.submissions.findById(id);
				expect(item?.text).toBe(text);
				expect(item?.votes).toBeGreaterThanOrEqual(votesOn.get(id) ?? 0);
			}
			const again = await restored.submissions.submit(resumed!.participant, {
				id: crypto.randomUUID(),
				kind: 'message',
				topicId: server.event.topics[0].id,
				agencyId: null,
				text: 'Sau khi khôi phục, em vẫn gửi được.'
			});
			expect(again.ok).toBe(true);
		} finally {
			restored.close();
		}
	});

	it('refuses to overwrite a file or the database itself', async () => {
		await expect(backupDatabase({ source: server.databasePath, destination: server.databasePath })).rejects.toThrow(/cannot overwrite/);
		const destination = join(dir, 'taken.db');
		await backupDatabase({ source: server.databasePath, destination });
		await expect(backupDatabase({ source: server.databasePath, destination })).rejects.toThrow(/already exists/);
		await expect(backupDatabase({ source: join(dir, 'nothing.db'), destination: join(dir, 'x.db') })).rejects.toThrow(/no database/);
		expect(existsSync(join(dir, 'x.db'))).toBe(false);
	});

	it('npm run backup: the script, in its own process, copies the database the server is writing to', async () => {
		const children = await phones(4);
		const traffic = createTraffic(children);
		for (let i = 0; i < 3; i++) await traffic.round();
		const stop = traffic.keepWriting();
		const started = traffic.total();
		await until(() => traffic.total() > started);

		const before = traffic.snapshot();
		// Run from an empty directory with no destination: the default path is under data/backups.
		const cli = run(process.execPath, [join(SCRIPTS, 'backup.js')], {
			cwd: dir,
			env: { ...process.env, DATABASE_PATH: server.databasePath }
		});
		const { stdout } = await cli;
		const atBackupEnd = traffic.total();
		await until(() => traffic.total() > atBackupEnd);
		await stop();
		expect(atBackupEnd).toBeGreaterThan(before.items.size + before.votes.size);
		expect(traffic.total()).toBeGreaterThan(atBackupEnd);

		const [file] = readdirSync(join(dir, 'data', 'backups'));
		expect(file).toMatch(/^forum-\d{8}-\d{6}\.db$/);
		const destination = join(dir, 'data', 'backups', file);
		expect(stdout).toContain(`Backup written to ${destination}`);
		expect(stdout).toMatch(/submissions\s+\d+/);
		expect(stdout).toMatch(/votes\s+\d+/);
		expect(stdout).toContain('Integrity check: ok');
		expectInCopy(destination, before, traffic.acked);
	});
});

describe('retention of children’s identities', () => {
	/** Everything an event's items are: rows compared before and after retention. */
	function itemsOf(eventId: string) {
		const db = openExisting(server.databasePath);
		try {
			return {
				submissions: db.prepare('SELECT * FROM submissions WHERE event_id = ? ORDER BY id').all(eventId),
				votes: db
					.prepare('SELECT v.* FROM votes v JOIN submissions s ON s.id = v.submission_id WHERE s.event_id = ? ORDER BY 1, 2')
					.all(eventId),
				followUps: db.prepare('SELECT * FROM follow_ups WHERE event_id = ? ORDER BY id').all(eventId),
				history: db
					.prepare('SELECT h.* FROM follow_up_history h JOIN follow_ups f ON f.id = h.follow_up_id WHERE f.event_id = ? ORDER BY h.id')
					.all(eventId),
				participants: db.prepare('SELECT id, delegation_id FROM participants WHERE event_id = ? ORDER BY id').all(eventId)
			};
		} finally {
			db.close();
		}
	}

	const retention = (...args: string[]) =>
		run(process.execPath, [join(SCRIPTS, 'retention.js'), ...args], { env: { ...process.env, DATABASE_PATH: server.databasePath } });

	it('forgets the phones and nicknames of an old event’s children, keeps its items, votes and follow-ups, and leaves a recent event alone', async () => {
		// The demo event is dated 15 September 2024; this one took place two days ago.
		const seed = demoEvent(() => crypto.randomUUID(), 'recent-display-key-0123456789');
		await server.app.repos.events.create({ ...seed, code: 'MOI2', startsAt: Date.now() - 2 * DAY_MS });
		const recent = (await server.app.repos.events.findById(seed.id)) as EventDetails;
		const recentChild = await server.app.sessions.join(recent, { delegationId: recent.delegations[0].id, nickname: 'Minh', showNickname: true }, 'test');
		if (!recentChild.ok) throw new Error(recentChild.error.code);

		const lan = await server.join(0, 'Lan');
		const children = [
			{ socket: await server.connected({ token: lan.token }), token: lan.token, participantId: lan.participant.id },
			...(await phones(2))
		];
		const traffic = createTraffic(children);
		await traffic.round();
		await traffic.round();
		const organiser = (await server.app.staffAuth.resume((await server.staffMember('organiser')).token))!.actor;
		const closed = await server.app.followUps.closeSession(organiser, server.event.id);
		expect(closed.ok && closed.data.followUps).toBe(6);
		const old = itemsOf(server.event.id);
		expect(old.submissions.some((s) => (s as { author_name: string | null }).author_name === 'Lan')).toBe(true);
		const recentBefore = itemsOf(recent.id);

		// A dry run, from the library and from the script, changes nothing.
		const db = openExisting(server.databasePath);
		try {
			const plan = planRetention(db, { olderThanDays: 30 });
			expect(plan.events).toEqual([
				expect.objectContaining({ id: server.event.id, code: 'VQ24', participants: 3, sessions: 3, nicknames: 1 })
			]);
		} finally {
			db.close();
		}
		const dry = await retention('--older-than-days', '30');
		expect(dry.stdout).toContain('VQ24');
		expect(dry.stdout).toContain('3 phone sessions and 1 nicknames to remove');
		expect(dry.stdout).toContain('Dry run');
		expect(await server.app.sessions.resume(lan.token, { renew: false })).not.toBeNull();
		await expect(retention()).rejects.toMatchObject({ code: 2 });
		await expect(retention('--older-than-days', 'ba mươi', '--yes')).rejects.toMatchObject({ code: 2 });

		const done = await retention('--older-than-days', '30', '--yes');
		expect(done.stdout).toContain('3 phone sessions and 1 nicknames removed');

		// The old cookies no longer open anything: not the page's session, not the live socket.
		for (const child of children) expect(await server.app.sessions.resume(child.token, { renew: false })).toBeNull();
		const refused = server.connect({ token: lan.token });
		const handshake = new Promise<void>((resolve, reject) => {
			refused.once('connect', () => resolve());
			refused.once('connect_error', reject);
		});
		await expect(handshake).rejects.toThrow('not_joined');
		const after = itemsOf(server.event.id);
		expect(after).toEqual(old);
		const db2 = openExisting(server.databasePath);
		try {
			expect(db2.prepare('SELECT count(*) FROM participants WHERE event_id = ? AND nickname IS NOT NULL').pluck().get(server.event.id)).toBe(0);
			// Run again: nothing left to remove, nothing more logged.
			expect(applyRetention(db2, { olderThanDays: 30 }).events).toEqual([expect.objectContaining({ sessions: 0, nicknames: 0 })]);
		} finally {
			db2.close();
		}
		const log = await server.app.repos.audit.listForEvent(server.event.id, 50);
		expect(log.filter((row) => row.action === 'retention:run')).toEqual([
			expect.objectContaining({ outcome: 'done', detail: 'older than 30 days: 3 phone sessions and 1 nicknames removed' })
		]);

		// The recent event is untouched: its child still resumes, nickname and all.
		expect(itemsOf(recent.id)).toEqual(recentBefore);
		const resumed = await server.app.sessions.resume(recentChild.data.token, { renew: false });
		expect(resumed?.participant).toMatchObject({ id: recentChild.data.participant.id, nickname: 'Minh', showNickname: true });
		expect(await server.app.repos.audit.listForEvent(recent.id, 50)).toEqual([]);
	});
});
