/**
 * PostgreSQL, for a province server or an online forum past one process: node-postgres (`pg`)
 * under drizzle's pg dialect, migrated from drizzle/postgres on open. SQLite stays the default.
 */
import { resolve } from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema-pg';

export type PgDb = NodePgDatabase<typeof schema>;
export type PgTx = Parameters<Parameters<PgDb['transaction']>[0]>[0];

export interface OpenPostgres {
	db: PgDb;
	pool: pg.Pool;
	close(): Promise<void>;
}

export const isPostgresUrl = (url: string | undefined): url is string => /^postgres(ql)?:\/\//.test(url ?? '');

export async function openPostgres(url: string, migrationsFolder = resolve('drizzle/postgres')): Promise<OpenPostgres> {
	// node-postgres returns bigint (int8) as a string; every bigint here is epoch milliseconds,
	// well inside a JS number, and the repositories expect numbers as SQLite gives them.
	pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
	const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL ?? 10) });
	// An idle connection the server ends (a restart, an administrator) is an 'error' on the pool:
	// unheard, it would stop the whole process. The pool opens a new one on the next query.
	pool.on('error', (error) => console.warn(`PostgreSQL: an idle connection ended (${error.message})`));
	const db = drizzle(pool, { schema });
	await migrate(db, { migrationsFolder });
	let closing: Promise<void> | undefined;
	// Closing twice is harmless, as it is for SQLite (pg's pool throws on a second end()).
	return { db, pool, close: () => (closing ??= pool.end()) };
}

/** PostgreSQL's error code, through drizzle's wrapper when it adds one. */
export function pgErrorCode(error: unknown): string | undefined {
	const e = error as { code?: string; cause?: { code?: string } };
	return e?.code ?? e?.cause?.code;
}
