/**
 * The two ends of `npm run db:copy`, opened and migrated to the latest schema, or a plain sentence
 * saying what is wrong with the path or the address (never a stack trace, never the password).
 */
import { existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from './index';
import { isPostgresUrl, openPostgres, pgErrorCode, type OpenPostgres } from './postgres';
import { CopyRefused } from './copy';

/** The laptop's SQLite file; migrated first, as the app would on start. */
export function openLaptop(path: string | undefined): OpenDatabase {
	if (!path) throw new CopyRefused(['--from: give the laptop\'s SQLite file, e.g. --from data/forum.db']);
	if (!existsSync(path)) throw new CopyRefused([`--from: ${path} does not exist (the forum's file is data/forum.db unless DATABASE_PATH said otherwise)`]);
	if (!statSync(path).isFile()) throw new CopyRefused([`--from: ${path} is not a file`]);
	try {
		return openDatabase(path);
	} catch (error) {
		const code = (error as { code?: string }).code;
		if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new CopyRefused([`--from: ${path} is not a SQLite database`]);
		throw new CopyRefused([`--from: ${path} could not be opened (${(error as Error).message})`]);
	}
}

/** The address with its password hidden, for messages. */
export function shownUrl(url: string) {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return '(unreadable address)';
	}
}

/** The province's PostgreSQL database, which must exist; migrated from drizzle/postgres. */
export async function openServer(url: string | undefined): Promise<OpenPostgres> {
	if (!url) throw new CopyRefused(['--to: give the PostgreSQL database, e.g. --to postgres://forum@localhost:5432/forum']);
	if (!isPostgresUrl(url)) throw new CopyRefused([`--to: ${shownUrl(url)} is not a postgres:// address`]);
	const parsed = new URL(url);
	const where = `${parsed.hostname}:${parsed.port || 5432}`;
	const database = decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username);
	// One plain connection first: its failure says what is wrong before any pool or migration starts.
	const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
	try {
		await probe.connect();
	} catch (error) {
		const code = pgErrorCode(error);
		if (code === '3D000') throw new CopyRefused([`--to: the database "${database}" does not exist on ${where}; create it first (createdb -h ${parsed.hostname} -U ${parsed.username || 'postgres'} ${database})`]);
		if (code === '28P01' || code === '28000') throw new CopyRefused([`--to: PostgreSQL on ${where} refused the user "${decodeURIComponent(parsed.username)}" (${(error as Error).message})`]);
		if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ETIMEDOUT') throw new CopyRefused([`--to: cannot reach PostgreSQL at ${where} (${code})`]);
		throw new CopyRefused([`--to: cannot connect to ${shownUrl(url)} (${(error as Error).message})`]);
	} finally {
		await probe.end().catch(() => undefined);
	}
	return openPostgres(url);
}
