import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pg from '$lib/server/db/schema-pg';
import * as sqlite from '$lib/server/db/schema';

/**
 * The two storage engines keep one schema each (drizzle shares none across dialects). A column
 * added to one and not the other would pass every SQLite test and fail on a province's server:
 * this compares what both say, table by table.
 */
type Shape = {
	columns: Record<string, { notNull: boolean; primary: boolean; hasDefault: boolean; enum?: readonly string[] }>;
	primaryKeys: string[][];
	indexes: Record<string, { unique: boolean; columns: string[] }>;
	foreignKeys: string[];
};

function shape(config: ReturnType<typeof pgConfig> | ReturnType<typeof sqliteConfig>): Shape {
	const columns: Shape['columns'] = {};
	for (const c of config.columns)
		columns[c.name] = { notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault, ...(c.enumValues ? { enum: c.enumValues } : {}) };
	const indexes: Shape['indexes'] = {};
	for (const i of config.indexes)
		indexes[i.config.name!] = { unique: Boolean(i.config.unique), columns: i.config.columns.map((c) => ('name' in c ? (c.name as string) : '?')) };
	return {
		columns,
		primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
		indexes,
		foreignKeys: config.foreignKeys
			.map((fk) => {
				const ref = fk.reference();
				return `${ref.columns.map((c) => c.name).join(',')} → ${(ref.foreignTable as unknown as { [k: symbol]: string })[Symbol.for('drizzle:Name')]}(${ref.foreignColumns.map((c) => c.name).join(',')}) ${fk.onDelete ?? 'no action'}`;
			})
			.sort()
	};
}

const tablesOf = <T>(module: Record<string, unknown>, kind: abstract new (...a: never[]) => T) =>
	Object.fromEntries(Object.entries(module).filter(([, value]) => value instanceof kind)) as Record<string, T>;

describe('the PostgreSQL schema mirrors the SQLite one', () => {
	const onSqlite = tablesOf(sqlite, SQLiteTable);
	const onPg = tablesOf(pg, PgTable);

	it('has the same tables', () => {
		expect(Object.keys(onPg).sort()).toEqual(Object.keys(onSqlite).sort());
	});

	for (const name of Object.keys(onSqlite))
		it(`table ${name}: same columns, keys, indexes and references`, () => {
			expect(onPg[name], `${name} is missing from schema-pg.ts`).toBeDefined();
			expect(shape(pgConfig(onPg[name]))).toEqual(shape(sqliteConfig(onSqlite[name])));
		});
});
