/**
 * `npm run db:copy`: a forum held on a hall laptop's SQLite, copied into the province's PostgreSQL.
 *
 * The laptop is read once, inside one read transaction (a consistent day even while its server
 * runs). The server is written in one transaction under an advisory lock, so a copy that fails
 * half-way leaves nothing behind and two copies never interleave. The copy only adds: it never
 * deletes and, unless asked (`update`), never changes a row the server already holds, since the
 * server may hold other forums and work done there since an earlier copy. Running it twice adds
 * nothing the second time. Rows are compared by primary key and content; the two serial-id logs
 * (audit_log, follow_up_history) by content alone, taking the server's next ids, since the
 * laptop's ids 1, 2, 3… are already another forum's there.
 */
import { count, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from './index';
import type { PgDb, PgTx } from './postgres';
import { asStored, copyPlan, rowText, type CopiedColumn, type CopiedTable } from './copy-plan';

type Row = Record<string, unknown>;

export interface TableCopy {
	table: string;
	/** Rows on the laptop. */
	laptop: number;
	/** Of them, found on the server exactly as on the laptop, after the copy. */
	onServer: number;
	/** Added by this run, and replaced by it (`update` only). */
	added: number;
	updated: number;
	/** Rows of the whole table on the server, other forums included. */
	serverTotal: number;
}

export interface CopyResult {
	tables: TableCopy[];
	/** Every laptop row is on the server as it is on the laptop. */
	complete: boolean;
}

/** The copy was refused before anything was written: the reasons, one per line. */
export class CopyRefused extends Error {
	constructor(readonly reasons: string[]) {
		super(reasons.join('\n'));
	}
}

/** Any number: it only keeps two copies from running at once. */
const COPY_LOCK = 19_2026_12;
const CHUNK_VALUES = 20_000;

export async function copyForum(laptop: { db: Db; sqlite: { transaction: <T>(fn: () => T) => () => T } }, server: PgDb, options: { update?: boolean } = {}): Promise<CopyResult> {
	const plan = copyPlan();
	const rows = readLaptop(laptop, plan);
	const changes = new Map<string, { added: number; updated: number }>();

	await server.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${COPY_LOCK})`);
		const compared = [];
		const refusals: string[] = [];
		for (const table of plan) {
			refusals.push(...(await takenElsewhere(tx, table, rows.get(table.name)!)));
			compared.push({ table, ...(await compare(tx, table, rows.get(table.name)!)) });
		}
		for (const { table, differing } of compared)
			if (differing.length && !options.update)
				refusals.push(`${table.name}: ${differing.length} row(s) already on the server differ from the laptop's (copied before, changed since on one side); --update replaces them with the laptop's`);
		if (refusals.length) throw new CopyRefused(refusals);

		for (const { table, absent, differing } of compared) {
			const added = await write(tx, table, absent, false);
			const updated = options.update ? await write(tx, table, differing, true) : 0;
			changes.set(table.name, { added, updated });
		}
	});

	const tables: TableCopy[] = [];
	for (const table of plan) {
		const laptopRows = rows.get(table.name)!;
		const { same } = await compare(server, table, laptopRows);
		const [{ total }] = await server.select({ total: count() }).from(table.pg);
		tables.push({ table: table.name, laptop: laptopRows.length, onServer: same, ...changes.get(table.name)!, serverTotal: total });
	}
	return { tables, complete: tables.every((t) => t.onServer === t.laptop) };
}

/** Every table of the laptop at one moment, as PostgreSQL will hold the values. */
function readLaptop(laptop: Parameters<typeof copyForum>[0], plan: CopiedTable[]) {
	return laptop.sqlite.transaction(() => {
		const all = new Map<string, Row[]>();
		for (const table of plan) {
			const query = laptop.db.select().from(table.sqlite);
			const stored = (table.serial ? query.orderBy(sql`${sql.identifier(table.serial.name)}`) : query).all() as Row[];
			all.set(
				table.name,
				stored.map((row) => Object.fromEntries(table.columns.filter((c) => c !== table.serial).map((c) => [c.pgKey, asStored(c, row[c.sqliteKey])])))
			);
		}
		return all;
	})();
}

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const chunkSize = (table: CopiedTable) => Math.max(1, Math.floor(CHUNK_VALUES / table.columns.length));

/** `(a, b) in ((…), (…))` over the given columns, for one chunk of rows. */
function among(columns: CopiedColumn[], rows: Row[]): SQL {
	if (columns.length === 1) return inArray(columns[0].pg, [...new Set(rows.map((row) => row[columns[0].pgKey]))] as never[]);
	const tuple = (values: SQL[]) => sql`(${sql.join(values, sql`, `)})`;
	return sql`${tuple(columns.map((c) => sql`${c.pg}`))} in (${sql.join(
		rows.map((row) => tuple(columns.map((c) => sql`${row[c.pgKey]}`))),
		sql`, `
	)})`;
}

type Reader = PgDb | PgTx;

async function serverRows(db: Reader, table: CopiedTable, columns: CopiedColumn[], rows: Row[]) {
	const found: Row[] = [];
	for (const chunk of chunks(rows, Math.floor(CHUNK_VALUES / columns.length)))
		found.push(...((await db.select().from(table.pg).where(among(columns, chunk))) as Row[]));
	return found;
}

/** Which laptop rows the server lacks, which it holds otherwise, and how many it holds the same. */
async function compare(db: Reader, table: CopiedTable, rows: Row[]) {
	const content = table.columns.filter((c) => c !== table.serial);
	const absent: Row[] = [];
	const differing: Row[] = [];
	let same = 0;
	if (!rows.length) return { absent, differing, same };
	if (table.serial) {
		// No key to look a log row up by: narrowed by its first required column (a log entry's time,
		// a history entry's follow-up), then matched by content, each server row at most once.
		const narrow = content.find((c) => c.pg.notNull)!;
		const held = new Map<string, number>();
		for (const row of await serverRows(db, table, [narrow], rows)) held.set(rowText(content, row), (held.get(rowText(content, row)) ?? 0) + 1);
		for (const row of rows) {
			const text = rowText(content, row);
			const left = held.get(text) ?? 0;
			if (left > 0) {
				held.set(text, left - 1);
				same++;
			} else absent.push(row);
		}
		return { absent, differing, same };
	}
	const held = new Map((await serverRows(db, table, table.key, rows)).map((row) => [rowText(table.key, row), rowText(content, row)]));
	for (const row of rows) {
		const there = held.get(rowText(table.key, row));
		if (there === undefined) absent.push(row);
		else if (there === rowText(content, row)) same++;
		else differing.push(row);
	}
	return { absent, differing, same };
}

/**
 * A laptop row whose unique value (an event's join code, a staff username, a seat code) another
 * row on the server already holds: copying would fail or merge two forums' people, so the copy
 * says which and stops. Hashes and display keys are named, not printed.
 */
async function takenElsewhere(db: Reader, table: CopiedTable, rows: Row[]) {
	const reasons: string[] = [];
	if (!table.key.length) return reasons;
	for (const index of table.unique) {
		const candidates = rows.filter((row) => index.columns.every((c) => row[c.pgKey] !== null));
		if (!candidates.length) continue;
		const ours = new Map(candidates.map((row) => [rowText(index.columns, row), rowText(table.key, row)]));
		for (const row of await serverRows(db, table, index.columns, candidates)) {
			const owner = ours.get(rowText(index.columns, row));
			if (owner === undefined || owner === rowText(table.key, row)) continue;
			const secret = index.columns.some((c) => /_(hash|key)$/.test(c.name));
			const value = secret ? '' : ` = ${index.columns.map((c) => JSON.stringify(row[c.pgKey])).join(', ')}`;
			reasons.push(`${table.name}.${index.columns.map((c) => c.name).join('+')}${value}: already used on the server by another ${table.name} row; change it on one side before copying`);
		}
	}
	return reasons;
}

async function write(tx: PgTx, table: CopiedTable, rows: Row[], replace: boolean) {
	let written = 0;
	const target = table.key.map((c) => c.pg);
	for (const chunk of chunks(rows, chunkSize(table))) {
		const insert = tx.insert(table.pg).values(chunk as never);
		try {
			const result = !target.length
				? await insert
				: replace
					? await insert.onConflictDoUpdate({
							target,
							set: Object.fromEntries(table.columns.filter((c) => !table.key.includes(c)).map((c) => [c.pgKey, sql.raw(`excluded."${c.name}"`)]))
						})
					: await insert.onConflictDoNothing({ target });
			written += result.rowCount ?? 0;
		} catch (error) {
			// drizzle's message quotes the query and every value (children's words): the cause is enough.
			const cause = (error as { cause?: Error }).cause ?? (error as Error);
			throw new Error(`${table.name}: ${cause.message}`);
		}
	}
	return written;
}
