/** The plan `npm run db:copy` follows, read off the two schema files (db/copy-plan.ts). */
import { getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { asStored, copyPlan, rowText } from '$lib/server/db/copy-plan';
import * as sqliteSchema from '$lib/server/db/schema';
import * as pgSchema from '$lib/server/db/schema-pg';

describe('the copy plan', () => {
	const plan = copyPlan();

	it('copies every table of the laptop but each database’s own sync numbering, each parent before the tables that refer to it', () => {
		const tables = Object.values(pgSchema).filter((v) => is(v, PgTable)) as PgTable[];
		const onLaptop = Object.values(sqliteSchema).filter((v) => is(v, SQLiteTable)) as SQLiteTable[];
		expect(plan.map((t) => t.name).sort()).toEqual(onLaptop.map((t) => getTableName(t)).filter((name) => name !== 'event_versions' && name !== 'installation').sort());
		expect(plan.find((t) => t.name === 'submissions')!.columns.map((c) => c.name)).not.toContain('version');
		const position = new Map(plan.map((t, i) => [t.name, i]));
		for (const table of tables)
			for (const fk of getTableConfig(table).foreignKeys) {
				const parent = getTableName(fk.reference().foreignTable);
				if (position.has(getTableName(table)) && parent !== getTableName(table)) expect(position.get(parent), `${parent} before ${getTableName(table)}`).toBeLessThan(position.get(getTableName(table))!);
			}
	});

	it('leaves the serial ids of the two logs to the server and keys every other table by its primary key', () => {
		expect(plan.filter((t) => t.serial).map((t) => t.name).sort()).toEqual(['audit_log', 'follow_up_history']);
		expect(plan.find((t) => t.name === 'votes')!.key.map((c) => c.name)).toEqual(['submission_id', 'participant_id']);
		expect(plan.find((t) => t.name === 'staff_users')!.unique.map((u) => u.columns.map((c) => c.name))).toEqual([['username']]);
	});

	it('compares values as PostgreSQL holds them', () => {
		const events = plan.find((t) => t.name === 'events')!;
		const column = (name: string) => events.columns.find((c) => c.name === name)!;
		expect(asStored(column('created_at'), 1733050000122.9998)).toBe(1733050000123);
		expect(asStored(column('moderation'), 1)).toBe(true);
		expect(asStored(column('starts_at'), undefined)).toBeNull();
		const polls = plan.find((t) => t.name === 'polls')!;
		const options = polls.columns.filter((c) => c.name === 'options');
		expect(rowText(options, { options: [{ id: 'a', label: 'Sân chơi' }] })).toBe(rowText(options, { options: [{ label: 'Sân chơi', id: 'a' }] }));
		expect(rowText(options, { options: [{ id: 'a', label: 'Sân chơi' }] })).not.toBe(rowText(options, { options: [{ id: 'a', label: 'Thư viện' }] }));
	});
});
