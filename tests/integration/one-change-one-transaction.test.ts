/**
 * One change, one transaction: a failure between the writes of a hand-over, a merge or the
 * close-session sweep leaves all of it or none of it. The failure is raised inside SQLite by a
 * trigger on the second write, from a second connection, as a crash at that point would leave it:
 * the writes not yet committed are rolled back. (Written in two transactions, as before this test,
 * the item stayed "to follow up" on no tracking list.)
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffActor } from '$lib/domain/staff';
import { startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;
let child: TestSocket;
let organiser: StaffActor;

/** Makes every insert into `table` fail, as if the process died right before that write. */
function crashBefore(table: 'follow_ups' | 'votes', when = '1') {
	const db = new Database(server.databasePath);
	db.exec(`CREATE TRIGGER crash_${table} BEFORE INSERT ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, 'crash'); END;`);
	db.close();
}

function storedRows(sql: string, ...params: unknown[]) {
	const db = new Database(server.databasePath, { readonly: true });
	try {
		return db.prepare(sql).all(...params);
	} finally {
		db.close();
	}
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
		crashBefore('follow_ups');
		await expect(server.app.followUps.mark(organiser, { submissionId: item.id, agencyId: null, dueDate: '', note: '' })).rejects.toThrow(/crash/);
		expect(storedRows('select status from submissions where id = ?', item.id)).toEqual([{ status: 'approved' }]);
		expect(storedRows('select id from follow_ups where submission_id = ?', item.id)).toEqual([]);
	});

	it('closing the session hands over every waiting item and clears the screen, or nothing at all', async () => {
		const items = [await approved('Câu hỏi một về đuối nước'), await approved('Câu hỏi hai về học thêm'), await approved('Câu hỏi ba về mạng')];
		await server.app.stage.show(organiser, server.event.id, items[0].id);
		crashBefore('follow_ups', `NEW.submission_id = '${items[2].id}'`);
		await expect(server.app.followUps.closeSession(organiser, server.event.id)).rejects.toThrow(/crash/);
		const ids = items.map((i) => `'${i.id}'`).join(',');
		expect(storedRows(`select status from submissions where id in (${ids})`)).toEqual(items.map(() => ({ status: 'approved' })));
		expect(storedRows('select count(*) as n from follow_ups')).toEqual([{ n: 0 }]);
		expect(storedRows('select on_screen_id as onScreen from events where id = ?', server.event.id)).toEqual([{ onScreen: items[0].id }]);
	});

	it('a merge that fails while uniting the votes leaves both items where they were', async () => {
		const other = await server.connected({ token: (await server.join(0)).token });
		const target = await approved('Vì sao trường em chưa có sân chơi?');
		const source = await approved('Sao trường mình không có sân chơi vậy?', other);
		crashBefore('votes');
		await expect(server.app.moderation.merge(organiser, { targetId: target.id, sourceIds: [source.id] })).rejects.toThrow(/crash/);
		expect(storedRows('select status from submissions where id = ?', source.id)).toEqual([{ status: 'approved' }]);
		expect(storedRows('select count(*) as n from votes')).toEqual([{ n: 0 }]);
	});

	it('without a failure, the same calls do all of it', async () => {
		const item = await approved('Huyện có lớp dạy bơi miễn phí không ạ?');
		const marked = await server.app.followUps.mark(organiser, { submissionId: item.id, agencyId: null, dueDate: '', note: '' });
		expect(marked.ok).toBe(true);
		expect(storedRows('select status from submissions where id = ?', item.id)).toEqual([{ status: 'follow_up' }]);
		expect(storedRows('select count(*) as n from follow_up_history h join follow_ups f on f.id = h.follow_up_id where f.submission_id = ?', item.id)).toEqual([{ n: 1 }]);
	});
});
