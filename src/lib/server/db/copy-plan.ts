/**
 * What `npm run db:copy` copies, read off the two schema files rather than listed by hand, so a
 * table or column added later is copied (or the copy refuses, if the schemas drifted apart).
 * Tables come parents first (foreign keys), each with its PostgreSQL primary key and unique indexes.
 * A table or column on PostgreSQL only is server state with nothing on a laptop to copy.
 */
import { getTableName, is, SQL } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as pgSchema from './schema-pg';
import * as sqliteSchema from './schema';

export interface CopiedColumn {
	/** The column's name in both databases. */
	name: string;
	/** The property drizzle gives it in each schema (the same today; not assumed). */
	sqliteKey: string;
	pgKey: string;
	pg: PgColumn;
}

export interface CopiedTable {
	name: string;
	sqlite: SQLiteTable;
	pg: PgTable;
	columns: CopiedColumn[];
	/**
	 * The primary key's columns; empty for a table keyed by a serial id (audit_log,
	 * follow_up_history): those ids are the laptop's own and would collide with the server's, so
	 * their rows are matched by content and get the server's next ids.
	 */
	key: CopiedColumn[];
	/** The serial id left to PostgreSQL, if any. */
	serial: CopiedColumn | null;
	/** Unique indexes besides the key (an event's join code, a username): another forum may hold the value. */
	unique: { name: string; columns: CopiedColumn[] }[];
}

const tablesOf = <T>(schema: Record<string, unknown>, kind: abstract new (...args: never[]) => T) =>
	new Map(Object.values(schema).filter((value): value is T => is(value, kind as never)).map((table) => [getTableName(table as never) as string, table]));

function columnsOf<C extends { name: string }>(table: object): Map<string, { key: string; column: C }> {
	return new Map(Object.entries(table).filter(([, value]) => typeof value === 'object' && value !== null && 'columnType' in value).map(([key, column]) => [(column as C).name, { key, column: column as C }]));
}

/**
 * Each database's own numbering of what phones have seen (delta resync): the sync epoch is per
 * database, so a phone that last synced with the laptop gets a full snapshot from the server, and
 * the server's triggers number the copied rows afresh. Copying the laptop's numbers would clash with
 * them. And the installation's own id (forum packages): the server is another installation.
 */
const OWN_STATE_TABLES = new Set(['event_versions', 'installation']);
const OWN_STATE_COLUMNS = new Set(['submissions.version', 'polls.version']);

export function copyPlan(): CopiedTable[] {
	const sqliteTables = tablesOf<SQLiteTable>(sqliteSchema, SQLiteTable);
	const pgTables = tablesOf<PgTable>(pgSchema, PgTable);
	// What the laptop holds must have a place on the server; what only the server has (state of its
	// own, such as a lease between processes) has nothing to copy and takes its defaults.
	const homeless = [...sqliteTables.keys()].filter((name) => !pgTables.has(name));
	if (homeless.length) throw new Error(`the two schemas differ: table(s) ${homeless.join(', ')} have no place on PostgreSQL`);

	const tables = [...pgTables].filter(([name]) => sqliteTables.has(name) && !OWN_STATE_TABLES.has(name)).map(([name, pg]): CopiedTable & { parents: string[] } => {
		const sqliteColumns = columnsOf<SQLiteColumn>(sqliteTables.get(name)!);
		const pgColumns = columnsOf<PgColumn>(pg);
		const drift = [...sqliteColumns.keys()].filter((c) => !pgColumns.has(c));
		if (drift.length) throw new Error(`the two schemas differ: ${name}.${drift.join(`, ${name}.`)} have no place on PostgreSQL`);
		const columns = [...pgColumns]
			.filter(([column]) => sqliteColumns.has(column) && !OWN_STATE_COLUMNS.has(`${name}.${column}`))
			.map(([column, { key, column: pgColumn }]) => ({ name: column, pgKey: key, sqliteKey: sqliteColumns.get(column)!.key, pg: pgColumn }));
		const byName = (n: string) => columns.find((c) => c.name === n);
		const config = pgConfig(pg);
		const serial = columns.find((c) => c.pg.columnType === 'PgSerial') ?? null;
		const key = serial ? [] : config.primaryKeys[0] ? config.primaryKeys[0].columns.map((c) => byName(c.name)!) : columns.filter((c) => c.pg.primary);
		if (!serial && key.length === 0) throw new Error(`${name} has no primary key: the copy cannot tell a row it already copied`);
		const unique = config.indexes
			.filter((index) => index.config.unique)
			.map((index) => ({ name: index.config.name ?? name, columns: index.config.columns.map((c) => (is(c, SQL) ? undefined : byName((c as { name: string }).name))) }))
			.filter((index): index is { name: string; columns: CopiedColumn[] } => index.columns.every(Boolean));
		const parents = config.foreignKeys
			.map((fk) => getTableName(fk.reference().foreignTable))
			.filter((parent) => parent !== name && sqliteTables.has(parent) && !OWN_STATE_TABLES.has(parent));
		return { name, sqlite: sqliteTables.get(name)!, pg, columns, key, serial, unique, parents };
	});
	return parentsFirst(tables);
}

function parentsFirst<T extends { name: string; parents: string[] }>(tables: T[]): T[] {
	const ordered: T[] = [];
	const placed = new Set<string>();
	let pending = [...tables].sort((a, b) => a.name.localeCompare(b.name));
	while (pending.length) {
		const ready = pending.filter((t) => t.parents.every((p) => placed.has(p)));
		if (!ready.length) throw new Error(`foreign keys form a cycle among ${pending.map((t) => t.name).join(', ')}`);
		for (const t of ready) {
			ordered.push(t);
			placed.add(t.name);
		}
		pending = pending.filter((t) => !placed.has(t.name));
	}
	return ordered;
}

/**
 * A value as PostgreSQL will hold it, for comparing a laptop's row with the server's: SQLite's
 * integer columns may hold a float (an `unixepoch('subsec') * 1000` default), a bigint or integer
 * column on PostgreSQL does not; JSON is compared with its keys sorted (jsonb reorders them).
 */
export function asStored(column: CopiedColumn, value: unknown): unknown {
	if (value === undefined || value === null) return null;
	const type = column.pg.columnType;
	if ((type === 'PgBigInt53' || type === 'PgInteger' || type === 'PgSerial') && typeof value === 'number') return Math.round(value);
	if (type === 'PgBoolean') return Boolean(value);
	return value;
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object')
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	return JSON.stringify(value ?? null);
}

/** One text per row, for "is this the same row": the given columns' stored values, in order. */
export const rowText = (columns: CopiedColumn[], row: Record<string, unknown>) => canonical(columns.map((c) => asStored(c, row[c.pgKey])));
