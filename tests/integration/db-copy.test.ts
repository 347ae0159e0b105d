/**
 * `npm run db:copy`: a forum's day on a hall laptop's SQLite, copied into the machine's real
 * PostgreSQL, serves the same children there. Copied again, nothing changes. A server that holds
 * other forums keeps them; a copy that fails half-way leaves nothing; a join code or a username
 * already taken there stops the copy before it writes. Runs in the `node` project only: it opens
 * both engines itself (the laptop through the harness, always SQLite there).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffActor } from '$lib/domain/staff';
import { createForumApp, openPostgresStorage, type ForumApp } from '$lib/server/app';
import { copyForum, CopyRefused, type CopyResult } from '$lib/server/db/copy';
import { openLaptop, openServer } from '$lib/server/db/copy-open';
import { copyPlan } from '$lib/server/db/copy-plan';
import { demoEvent } from '$lib/server/demo-event';
import { unlimited } from '$lib/server/services/rate-limit';
import { startTestServer, type TestServer, type TestSocket } from './harness';
import { freshPostgres, type FreshPostgres } from './postgres';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
	for (const step of cleanup.splice(0).reverse()) await step();
});

async function laptopForum() {
	const laptop = await startTestServer({ moderation: true });
	cleanup.push(() => laptop.close());
	return laptop;
}

async function serverDatabase(options: { migrated?: boolean } = {}) {
	const database = await freshPostgres(options);
	cleanup.push(() => database.drop());
	return database;
}

/** Copies the laptop's file into the database, as the script does. */
async function copy(laptop: TestServer, database: FreshPostgres, options: { update?: boolean } = {}): Promise<CopyResult> {
	const source = openLaptop(laptop.databasePath);
	const target = await openServer(database.url);
	try {
		return await copyForum(source, target.db, options);
	} finally {
		source.close();
		await target.close();
	}
}

async function onServer<T>(database: FreshPostgres, work: (client: pg.Client) => Promise<T>) {
	const client = new pg.Client({ connectionString: database.url });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** Every row of every table, as text: what "nothing changed" compares. */
const everything = (database: FreshPostgres) =>
	onServer(database, async (client) => {
		const tables: Record<string, string[]> = {};
		for (const { name } of copyPlan()) tables[name] = (await client.query(`select row_to_json(t)::text as row from "${name}" t order by 1`)).rows.map((r) => r.row);
		return tables;
	});

const totals = (database: FreshPostgres) =>
	onServer(database, async (client) => {
		const counts: Record<string, number> = {};
		for (const { name } of copyPlan()) counts[name] = Number((await client.query(`select count(*) as n from "${name}"`)).rows[0].n);
		return counts;
	});

const actorOf = async (app: ForumApp, token: string): Promise<StaffActor> => (await app.staffAuth.resume(token))!.actor;

/** A day in the hall: children join, send, vote and answer polls; staff moderate, hand over and follow up. */
async function aDayInTheHall(laptop: TestServer) {
	const { app, event } = laptop;
	const organiserLogin = await laptop.staffMember('organiser');
	const organiser = await actorOf(app, organiserLogin.token);
	const moderator = await actorOf(app, (await laptop.staffMember('moderator')).token);
	const leader = await actorOf(app, (await laptop.staffMember('leader', 1)).token);
	const officer = await actorOf(app, (await laptop.staffMember('follow_up_officer', 1)).token);
	const invited = await app.invitations.invite(organiser, { eventId: event.id, role: 'moderator', agencyId: null });
	if (!invited.ok) throw new Error(invited.error.code);
	expect((await app.invitations.acceptWithNewAccount(invited.data.token, { username: 'mc.moi', displayName: 'MC mới', password: 'mat-khau-du-dai-1' })).ok).toBe(true);
	await app.staffAuth.login('nobody', 'sai-mat-khau-roi', 'test'); // a refusal without an event, in the log

	const joined = await Promise.all([0, 1, 2, 3, 4, 5].map((d) => laptop.join(d % 3, d % 2 ? `Bạn ${d}` : null)));
	const phones: TestSocket[] = await Promise.all(joined.map((j) => laptop.connected({ token: j.token })));
	const items = [];
	for (const [i, phone] of phones.entries()) items.push(await laptop.submit(phone, `Câu hỏi số ${i + 1} của chúng em về trường học`, { topic: 0 }));
	for (const item of items.slice(0, 4)) expect((await app.moderation.decide(moderator, { submissionId: item.id, decision: 'approve' })).ok).toBe(true);
	expect((await app.moderation.decide(moderator, { submissionId: items[4].id, decision: 'reject', reason: REJECTION })).ok).toBe(true);
	for (const [i, phone] of phones.entries())
		for (const [j, item] of items.slice(0, 1 + (i % 4)).entries()) if (j !== i) await phone.emitWithAck('vote:set', { submissionId: item.id, voted: true });

	const single = await app.polls.create(moderator, event.id, { kind: 'single', question: 'Xã nên làm gì trước?', options: 'Sân chơi\nThư viện', scaleMax: 5 });
	const open = await app.polls.create(moderator, event.id, { kind: 'open', question: 'Em mong gì?', options: '', scaleMax: 5 });
	if (!single.ok || !open.ok) throw new Error('poll');
	for (const poll of [single.data, open.data]) await app.polls.set(moderator, event.id, { pollId: poll.id, status: 'open', resultsShown: true });
	for (const [i, phone] of phones.entries()) {
		await phone.emitWithAck('poll:answer', { pollId: single.data.id, answer: { optionId: single.data.options[i % 2].id } });
		await phone.emitWithAck('poll:answer', { pollId: open.data.id, answer: { text: `Một sân chơi an toàn ${i}` } });
	}

	const handedOver = await app.followUps.mark(leader, { submissionId: items[0].id, agencyId: null, dueDate: '', note: 'Trả lời bằng văn bản' });
	if (!handedOver.ok) throw new Error(handedOver.error.code);
	await app.followUps.update(officer, handedOver.data.id, { status: 'in_progress', response: 'Đang làm', reason: '', wayForward: '' });
	expect((await app.followUps.closeSession(organiser, event.id)).ok).toBe(true);
	return { organiserLogin, organiser, child: joined[0], items };
}

const REJECTION = 'off_topic' as const;

/** What the forum shows, read through its services: the same on both engines after the copy. */
async function whatTheForumShows(app: ForumApp, eventId: string, organiser: StaffActor, childToken: string) {
	const child = await app.sessions.resume(childToken, { renew: false });
	const display = await app.submissions.displaySnapshot(eventId);
	return {
		child: child?.participant,
		mine: child && (await app.submissions.participantSnapshot(child.participant)),
		display,
		children: await app.repos.participants.countByEvent(eventId),
		statuses: await app.repos.submissions.countByStatus(eventId),
		tracking: await app.followUps.list(organiser, { eventId }),
		polls: await app.polls.list(eventId, true)
	};
}

describe('npm run db:copy', () => {
	it('copies a forum’s day to PostgreSQL, changes nothing the second time, and serves the same children there', { timeout: 120_000 }, async () => {
		const laptop = await laptopForum();
		const day = await aDayInTheHall(laptop);
		// Six items, and the open poll's six answers, each an item too. An empty database: the copy migrates it first.
		const database = await serverDatabase();

		const first = await copy(laptop, database);
		expect(first.complete).toBe(true);
		for (const table of first.tables) expect(table, table.table).toMatchObject({ onServer: table.laptop, added: table.laptop, updated: 0, serverTotal: table.laptop });
		const laptopRows = Object.fromEntries(first.tables.map((t) => [t.table, t.laptop]));
		expect(laptopRows).toMatchObject({ events: 1, participants: 6, submissions: 12, participant_sessions: 6, staff_invitations: 1, follow_ups: 4 });
		for (const table of ['votes', 'poll_answers', 'audit_log', 'follow_up_history', 'staff_sessions', 'event_roles']) expect(laptopRows[table], table).toBeGreaterThan(0);

		const before = await everything(database);
		const second = await copy(laptop, database);
		expect(second.complete).toBe(true);
		for (const table of second.tables) expect(table, table.table).toMatchObject({ onServer: table.laptop, added: 0, updated: 0 });
		expect(await everything(database)).toEqual(before);

		const onLaptop = await whatTheForumShows(laptop.app, laptop.event.id, day.organiser, day.child.token);
		const storage = await openPostgresStorage(database.url);
		const province = createForumApp({ storage, limiter: unlimited });
		cleanup.push(() => province.close());
		const organiserThere = await actorOf(province, day.organiserLogin.token);
		expect(organiserThere).toEqual(day.organiser);
		const there = await whatTheForumShows(province, laptop.event.id, organiserThere, day.child.token);
		expect(there.child?.id).toBe(day.child.participant.id);
		// Each database numbers its own changes for the phones' resync (the copy leaves them to the
		// server), so everything but those numbers is the same.
		expect(withoutVersions(there)).toEqual(withoutVersions(onLaptop));
		expect(there.tracking).toHaveLength(4);
		// The staff's passwords came across as their hashes: they sign in on the server as on the laptop.
		expect((await province.staffAuth.login('mc.moi', 'mat-khau-du-dai-1', 'test')).ok).toBe(true);
	});

	it('refuses rows changed on one side since an earlier copy, unless told to replace them', { timeout: 60_000 }, async () => {
		const laptop = await laptopForum();
		const { items, organiser } = await aDayInTheHall(laptop);
		const database = await serverDatabase({ migrated: true });
		expect((await copy(laptop, database)).complete).toBe(true);
		await laptop.app.moderation.markAnswered(organiser, { submissionId: items[1].id, summary: 'Đã trả lời tại diễn đàn', answeredBy: null });
		const before = await everything(database);

		const refused = await copy(laptop, database).catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(CopyRefused);
		expect((refused as CopyRefused).reasons.join('\n')).toMatch(/^submissions: 1 row\(s\) already on the server differ/m);
		expect(await everything(database)).toEqual(before);

		const replaced = await copy(laptop, database, { update: true });
		expect(replaced.complete).toBe(true);
		expect(replaced.tables.find((t) => t.table === 'submissions')).toMatchObject({ updated: 1 });
		expect(replaced.tables.find((t) => t.table === 'audit_log')!.added).toBeGreaterThan(0);
		const answered = await onServer(database, (c) => c.query('select status, answer_summary from submissions where id = $1', [items[1].id]));
		expect(answered.rows).toEqual([{ status: 'answered', answer_summary: 'Đã trả lời tại diễn đàn' }]);
	});

	it('keeps the forums already on the server, leaves nothing of a failed copy, and stops on a join code or username taken there', { timeout: 60_000 }, async () => {
		const database = await serverDatabase({ migrated: true });
		// The province server already runs a forum of its own, with the laptop's demo join code and an account "btc".
		const province = createForumApp({ storage: await openPostgresStorage(database.url), limiter: unlimited });
		cleanup.push(() => province.close());
		expect((await province.staffAuth.setupFirstOrganiser({ username: 'btc', displayName: 'BTC tỉnh', password: 'mat-khau-du-dai-1' })).ok).toBe(true);
		await province.staffAuth.login('btc', 'sai-mat-khau-roi', 'test');
		const theirs = demoEvent(() => crypto.randomUUID(), 'province-display-key-0000');
		await province.repos.events.create(theirs);

		const laptop = await laptopForum();
		await aDayInTheHall(laptop);
		const untouched = await everything(database);

		const sameCode = await copy(laptop, database).catch((error: unknown) => error);
		expect(sameCode).toBeInstanceOf(CopyRefused);
		expect((sameCode as CopyRefused).reasons).toEqual([expect.stringMatching(/^events\.code = "[^"]+": already used on the server/)]);
		expect(await everything(database)).toEqual(untouched);
		await onServer(database, (c) => c.query(`update events set code = 'TINH2024' where id = $1`, [theirs.id]));
		const serverBefore = await totals(database);

		// A copy that fails at its last table's first row (a crash, a full disk) leaves none of it.
		await onServer(database, async (c) => {
			await c.query(`create function crash_copy() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
			await c.query(`create trigger crash_copy before insert on poll_answers for each row execute function crash_copy()`);
		});
		await expect(copy(laptop, database)).rejects.toThrow(/^poll_answers: disk full$/);
		expect(await totals(database)).toEqual(serverBefore);
		await onServer(database, (c) => c.query('drop trigger crash_copy on poll_answers'));

		const copied = await copy(laptop, database);
		expect(copied.complete).toBe(true);
		for (const table of copied.tables) expect(table.serverTotal, table.table).toBe(serverBefore[table.table] + table.laptop);
		// The log's serial ids: the laptop's 1, 2, 3… were the province's already; its rows took new ones.
		const ids = await onServer(database, (c) => c.query('select count(distinct id)::int as n, count(*)::int as total from audit_log'));
		expect(ids.rows[0].n).toBe(ids.rows[0].total);
		expect((await province.staffAuth.login('btc', 'mat-khau-du-dai-1', 'test')).ok).toBe(true);
		expect(await province.repos.events.findById(theirs.id)).toMatchObject({ code: 'TINH2024' });

		// A laptop account named like one on the server: two people, one name. Nothing is written.
		expect((await laptop.app.staffAuth.createAccount({ username: 'btc', displayName: 'BTC huyện', password: 'mat-khau-khac-dai' }, false)).ok).toBe(true);
		const afterCopy = await everything(database);
		const sameName = await copy(laptop, database).catch((error: unknown) => error);
		expect((sameName as CopyRefused).reasons).toEqual([expect.stringMatching(/^staff_users\.username = "btc": already used on the server/)]);
		expect(await everything(database)).toEqual(afterCopy);
	});

	it('says plainly what is wrong with the path or the address', async () => {
		const refusal = (work: () => unknown) =>
			Promise.resolve()
				.then(work)
				.then(
					() => 'opened',
					(error: unknown) => (error instanceof CopyRefused ? error.message : `not a refusal: ${error}`)
				);
		expect(await refusal(() => openLaptop('data/no-such-forum.db'))).toMatch(/^--from: data\/no-such-forum\.db does not exist/);
		expect(await refusal(() => openLaptop('package.json'))).toBe('--from: package.json is not a SQLite database');
		expect(await refusal(() => openLaptop('src'))).toBe('--from: src is not a file');
		expect(await refusal(() => openServer('mysql://forum@localhost/forum'))).toMatch(/^--to: mysql:.* is not a postgres:\/\/ address$/);
		expect(await refusal(() => openServer('postgres://postgres:secret@127.0.0.1:1/forum'))).toBe('--to: cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED)');
		const missing = await refusal(() => openServer('postgres://postgres:secret@127.0.0.1:5432/t_no_such_database'));
		expect(missing).toMatch(/^--to: the database "t_no_such_database" does not exist on 127\.0\.0\.1:5432; create it first/);
		expect(missing).not.toContain('secret');
	});

	it('runs as a command: the counts per table at the end, exit 0 when complete, exit 1 when refused', { timeout: 60_000 }, async () => {
		const laptop = await laptopForum();
		await laptop.join(0);
		const database = await serverDatabase();
		const run = (...args: string[]) =>
			promisify(execFile)('node_modules/.bin/tsx', ['scripts/db-copy.ts', ...args]).then(
				({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
				(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr })
			);
		const done = await run('--from', laptop.databasePath, '--to', database.url);
		expect(done.stderr).toBe('');
		expect(done.code).toBe(0);
		expect(done.stdout).toMatch(/^participants\s+1\s+1\s+1\s+0\s+1$/m);
		expect(done.stdout).toContain('Complete: every row of the laptop is on the server.');
		const wrong = await run('--from', laptop.databasePath, '--to', 'http://example.org');
		expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining('is not a postgres:// address') });
	});
});

/** A copy of the value without its `version` fields (each database's own numbering of changes). */
function withoutVersions<T>(value: T): T {
	return JSON.parse(JSON.stringify(value, (key, v) => (key === 'version' ? undefined : v)));
}
