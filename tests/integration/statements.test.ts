/**
 * The database keeps each compiled statement and hands it out again (src/lib/server/db). What a
 * query returns must not change because its statement was used before, in another mode or while
 * an earlier use of it is still being read.
 */
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '$lib/server/db';
import { auditLog } from '$lib/server/db/schema';

describe('reused statements', () => {
	let open: OpenDatabase | null = null;
	afterEach(() => {
		open?.close();
		open = null;
	});

	it('compile once per SQL text and answer the same as fresh ones', () => {
		open = openDatabase(':memory:');
		const { sqlite } = open;
		expect(sqlite.prepare('select 1 as one')).toBe(sqlite.prepare('select 1 as one'));
		// drizzle reads a select with named fields as raw rows; the same text read as objects next.
		const text = 'select 7 as seven';
		expect(open.db.get<{ seven: number }>(sql.raw(text))).toEqual({ seven: 7 });
		expect(sqlite.prepare(text).raw(true).get()).toEqual([7]);
		expect(open.db.get<{ seven: number }>(sql.raw(text))).toEqual({ seven: 7 });
		expect(sqlite.prepare(text).get()).toEqual({ seven: 7 });
	});

	it('give a statement still being iterated a fresh twin instead of failing', () => {
		open = openDatabase(':memory:');
		const { sqlite } = open;
		const text = 'select value from json_each(?)';
		const rows = sqlite.prepare(text).pluck().iterate('[1,2,3]');
		expect(rows.next().value).toBe(1);
		// The first statement is mid-iteration: running its text again must not throw "busy".
		expect(sqlite.prepare(text).raw(false).all('[4]')).toEqual([{ value: 4 }]);
		expect([...rows]).toEqual([2, 3]);
		// Done iterating, the plucked statement is handed out again, reading whole rows.
		expect(sqlite.prepare(text).all('[5]')).toEqual([{ value: 5 }]);
	});

	it('keep writes and reads through drizzle consistent when reused', () => {
		open = openDatabase(':memory:');
		for (let i = 0; i < 3; i++) {
			open.db.insert(auditLog).values({ at: i, action: 'test', outcome: 'done', detail: String(i) }).run();
		}
		const read = () => open!.db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.action, 'test')).all();
		expect(read()).toEqual([{ detail: '0' }, { detail: '1' }, { detail: '2' }]);
		expect(read()).toEqual(read());
	});
});
