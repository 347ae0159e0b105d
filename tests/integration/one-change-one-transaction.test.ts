/**
 * One change, one transaction: a failure between the writes of a hand-over, a merge or the
 * close-session sweep leaves all of it or none of it. The failure is raised inside SQLite by a
 * trigger on the second write, from a second connection, as a crash at that point would leave it:
 * the writes not yet committed are rolled back. (Written in two transactions, as before this test,
 * the item stayed "to follow up" on no tracking list.) With TEST_STORAGE=postgres the same failure
 * is raised inside PostgreSQL by a trigger function: its transactions are async, and an awaited
 * write outside the transaction would not roll back.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffActor } from '$lib/domain/staff';
import { startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;
let child: TestSocket;
let organiser: StaffActor;

async function onPostgres<T>(work: (client: pg.Client) => Promise<T>) {
	const client = new pg.Client({ connectionString: server.postgresUrl! });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** Makes every insert into `table` fail, as if the process died right before that write. */
async function crashBefore(table: 'follow_ups' | 'votes', when = 'true') {
	if (server.postgresUrl)
		return onPostgres(async (client) => {
			await client.query(`create function crash_${table}() returns trigger language plpgsql as $$ begin raise exception 'crash'; end $$`);
			await client.query(`create trigger crash_${table} before insert on ${table} for each row when (${when}) execute function crash_${table}()`);
		});
	const db = new Database(server.databasePath);
	db.exec(`CREATE TRIGGER crash_${table} BEFORE INSERT ON ${table} WHEN ${when === 'true' ? '1' : when} BEGIN SELECT RAISE(ABORT, 'crash'); END;`);
	db.close();
}

/** Rows as stored, read over a connection of their own; `?` marks parameters on both engines. */
async function storedRows(sql: string, ...params: unknown[]) {
	if (server.postgresUrl) {
		let n = 0;
		return onPostgres(async (client) => (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows.map((row) =>
			// count(*) is a bigint, which node-postgres returns as text.
			Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'n' ? Number(v) : v]))
		));
	}
	const db = new Database(server.databasePath, { readonly: true });
	try {
		return db.prepare(sql).all(...params);
	} finally {
		db.close();
	}
}

/** The injected failure, as thrown (SQLite) or as the cause of drizzle's "Failed query" (PostgreSQL). */
async function crashed(change: Promise<unknown>) {
	const error = await change.then(
		() => null,
		(e: { message?: string; cause?: { message?: string } }) => e
	);
	expect(`${error?.message} ${error?.cause?.message}`).toMatch(/crash/);
}

const approved = (text: string, phone = child) => server.submit(phone, text);

beforeEach(async () => {
	server = await startTestServer({ moderation: false });
	child = await server.connected({ token: (await server.join(0)).token });
	organiser = (await server.app.staffAuth.resume((await server.staffMember('organiser')).token))!.actor;
});
afterEach(() => server.close());

describe('one change, one transaction', () => {
	it('a hand-over that fails before its follow-up row is written leaves the item as it was', async () => {
		const item = await approved('Xã có kế hoạch xây sân chơi không ạ?');
		await crashBefore('follow_ups');
		await crashed(server.app.followUps.mark(organiser, { submissionId: item.id, agencyId: null, dueDate: '', note: '' }));
		expect(await storedRows('select status from submissions where id = ?', item.id)).toEqual([{ status: 'approved' }]);
		expect(await storedRows('select id from follow_ups where submission_id = ?', item.id)).toEqual([]);
	});

	it('closing the session hands over every waiting item and clears the screen, or nothing at all', async () => {
		const items = [await approved('Câu hỏi một về đuối nước'), await approved('Câu hỏi hai về học thêm'), await approved('Câu hỏi ba về mạng')];
		await server.app.stage.show(organiser, server.event.id, items[0].id);
		await crashBefore('follow_ups', `NEW.submission_id = '${items[2].id}'`);
		await crashed(server.app.followUps.closeSession(organiser, server.event.id));
		const ids = items.map((i) => `'${i.id}'`).join(',');
		expect(await storedRows(`select status from submissions where id in (${ids})`)).toEqual(items.map(() => ({ status: 'approved' })));
		expect(await storedRows('select count(*) as n from follow_ups')).toEqual([{ n: 0 }]);
		expect(await storedRows('select on_screen_id as "onScreen" from events where id = ?', server.event.id)).toEqual([{ onScreen: items[0].id }]);
	});

	it('a merge that fails while uniting the votes leaves both items where they were', async () => {
		const other = await server.connected({ token: (await server.join(0)).token });
		const target = await approved('Vì sao trường em chưa có sân chơi?');
		const source = await approved('Sao trường mình không có sân chơi vậy?', other);
		await crashBefore('votes');
		await crashed(server.app.moderation.merge(organiser, { targetId: target.id, sourceIds: [source.id] }));
		expect(await storedRows('select status from submissions where id = ?', source.id)).toEqual([{ status: 'approved' }]);
		expect(await storedRows('select count(*) as n from votes')).toEqual([{ n: 0 }]);
	});

	it('without a failure, the same calls do all of it', async () => {
		const item = await approved('Huyện có lớp dạy bơi miễn phí không ạ?');
		const marked = await server.app.followUps.mark(organiser, { submissionId: item.id, agencyId: null, dueDate: '', note: '' });
		expect(marked.ok).toBe(true);
		expect(await storedRows('select status from submissions where id = ?', item.id)).toEqual([{ status: 'follow_up' }]);
		expect(await storedRows('select count(*) as n from follow_up_history h join follow_ups f on f.id = h.follow_up_id where f.submission_id = ?', item.id)).toEqual([{ n: 1 }]);
	});
});
