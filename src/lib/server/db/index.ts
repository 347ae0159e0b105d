import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { BUSY_TIMEOUT_MS, faultTolerance, type FaultTolerance } from './faults';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabase {
	db: Db;
	sqlite: Database.Database;
	/** Waits out other processes' locks asynchronously; remembers refused writes (db/faults.ts). */
	faults: FaultTolerance;
	close(): void;
}

/**
 * drizzle asks better-sqlite3 to compile every query again each time it runs; on a join, a sync or
 * a vote that compiling was the largest single cost in the server's profile (`npm run bench`).
 * Keep the compiled statement per SQL text and hand it out again. better-sqlite3 runs a statement
 * to completion before returning, so one is never in use twice, except while an iterator is open:
 * a busy statement is not handed out. drizzle switches a statement to raw rows when it wants them,
 * so a reused one is switched back to plain rows first, as a fresh one would be.
 */
function reuseStatements(sqlite: Database.Database, limit = 1000) {
	const compile = sqlite.prepare.bind(sqlite);
	const compiled = new Map<string, Database.Statement>();
	sqlite.prepare = ((source: string) => {
		const statement = compiled.get(source);
		if (statement && !statement.busy) return statement.reader ? statement.pluck(false).expand(false).raw(false) : statement;
		const fresh = compile(source);
		if (statement) return fresh;
		// Queries are written in code, so their texts are few; the bound is for safety, not use.
		if (compiled.size >= limit) compiled.delete(compiled.keys().next().value!);
		compiled.set(source, fresh);
		return fresh;
	}) as typeof sqlite.prepare;
}

export function openDatabase(path: string, migrationsFolder = resolve('drizzle')): OpenDatabase {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	// NORMAL under WAL survives a process crash (the case that matters on the day); only a power
	// cut can lose the last transactions.
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	// Start-up may wait for a lock (nothing is served yet); afterwards SQLite waits only a few ms and
	// the repositories retry asynchronously (db/faults.ts), so the event loop is never held.
	sqlite.pragma('busy_timeout = 5000');
	reuseStatements(sqlite);
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder });
	sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
	return { db, sqlite, faults: faultTolerance(sqlite), close: () => sqlite.close() };
}
