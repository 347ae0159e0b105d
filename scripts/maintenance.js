// Backup and retention for the forum's SQLite file, shared by the thin command-line scripts
// (scripts/backup.js, scripts/retention.js) and the integration tests, so the tests run the code
// the operators run. Plain JavaScript with raw SQL: node runs it directly, no build step.
//
// Both open their own connection to the database file, so they work while the server holds it:
// the database is in WAL mode, where a reader never waits for the writer and a writer waits at most
// `busy_timeout` for another writer.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The tables whose row counts a backup prints, in this order; ones a database lacks are skipped. */
export const MAIN_TABLES = [
	'events',
	'participants',
	'participant_sessions',
	'submissions',
	'votes',
	'follow_ups',
	'follow_up_history',
	'polls',
	'poll_answers',
	'staff_users',
	'audit_log'
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** More pages than any forum database has: the whole copy is one step, see `backupDatabase`. */
const ALL_PAGES = 0x7fffffff;

/**
 * Opens a second connection to the app's database (never creates one: a wrong path is an error).
 * @param {string} path
 */
export function openExisting(path) {
	if (!existsSync(path)) throw new Error(`no database at ${resolve(path)}`);
	const db = new Database(path, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	db.pragma('foreign_keys = ON');
	return db;
}

/**
 * `data/backups/forum-YYYYMMDD-HHMMSS.db`, in local time.
 * @param {Date} [at]
 * @param {string} [dir]
 */
export function defaultBackupPath(at = new Date(), dir = join('data', 'backups')) {
	const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
	const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
	const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
	return join(dir, `forum-${date}-${time}.db`);
}

/**
 * Rows per table, for the tables in MAIN_TABLES that exist.
 * @param {import('better-sqlite3').Database} db
 * @returns {Record<string, number>}
 */
export function countRows(db) {
	const present = new Set(
		db
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
			.pluck()
			.all()
	);
	/** @type {Record<string, number>} */
	const counts = {};
	for (const table of MAIN_TABLES) {
		if (present.has(table)) counts[table] = /** @type {number} */ (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get());
	}
	return counts;
}

/**
 * @typedef {object} BackupResult
 * @property {string} destination absolute path of the copy
 * @property {string} integrity `ok`, or SQLite's list of problems in the copy
 * @property {Record<string, number>} counts rows per main table in the copy
 */

/**
 * Copies the live database with SQLite's online backup, from a connection of its own.
 *
 * The whole copy is one backup step, that is one read transaction: it is a snapshot of the last
 * committed state, writes by the server before it are all in, writes after it are not, and none is
 * half in. (In many small steps, every write the server commits in between restarts the copy, and
 * a busy event could keep it from ever finishing.) In WAL mode that read does not hold up the
 * server's writes.
 *
 * The copy is then switched to rollback-journal mode, so it is one self-contained file, checked
 * with `PRAGMA integrity_check` and counted. Refuses to overwrite anything: the destination must
 * not exist. A failed copy is removed.
 *
 * @param {{ source: string, destination: string }} paths
 * @returns {Promise<BackupResult>}
 */
export async function backupDatabase({ source, destination }) {
	const from = resolve(source);
	const to = resolve(destination);
	if (from === to) throw new Error(`the backup cannot overwrite the database itself: ${to}`);
	if (!existsSync(from)) throw new Error(`no database at ${from}`);
	if (existsSync(to)) throw new Error(`${to} already exists; choose another destination`);
	mkdirSync(dirname(to), { recursive: true });

	const db = openExisting(from);
	try {
		await db.backup(to, { progress: () => ALL_PAGES });
	} catch (error) {
		for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(to + suffix, { force: true });
		throw error;
	} finally {
		db.close();
	}

	const copy = new Database(to, { fileMustExist: true });
	try {
		copy.pragma('journal_mode = DELETE');
		const integrity = copy.prepare('PRAGMA integrity_check').pluck().all().join('\n');
		return { destination: to, integrity, counts: countRows(copy) };
	} finally {
		copy.close();
	}
}

/**
 * @typedef {object} RetentionEvent
 * @property {string} id
 * @property {string} code
 * @property {string} title
 * @property {number} date the event's date (`starts_at`, or when it was created if it has none), ms
 * @property {number} participants children who joined it (rows kept)
 * @property {number} sessions phone sessions still on file: removed by retention
 * @property {number} nicknames children's nicknames still on file: removed by retention
 */

/**
 * @typedef {object} RetentionPlan
 * @property {number} olderThanDays
 * @property {number} cutoff events dated before this (ms) are covered
 * @property {RetentionEvent[]} events
 */

/**
 * @param {unknown} days
 * @returns {number}
 */
function checkDays(days) {
	if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
		throw new Error('--older-than-days needs a whole number of days (0 or more)');
	}
	return days;
}

/**
 * What retention would remove: for each event dated more than `olderThanDays` days before `now`,
 * how many phone sessions and nicknames of its children are still on file. Changes nothing.
 *
 * @param {import('better-sqlite3').Database} db
 * @param {{ olderThanDays: number, now?: number }} options
 * @returns {RetentionPlan}
 */
export function planRetention(db, { olderThanDays, now = Date.now() }) {
	const cutoff = now - checkDays(olderThanDays) * DAY_MS;
	const events = /** @type {RetentionEvent[]} */ (
		db
			.prepare(
				`SELECT e.id, e.code, e.title, coalesce(e.starts_at, e.created_at) AS date,
					(SELECT count(*) FROM participants p WHERE p.event_id = e.id) AS participants,
					(SELECT count(*) FROM participant_sessions s JOIN participants p ON p.id = s.participant_id
						WHERE p.event_id = e.id) AS sessions,
					(SELECT count(*) FROM participants p WHERE p.event_id = e.id AND p.nickname IS NOT NULL) AS nicknames
				FROM events e
				WHERE coalesce(e.starts_at, e.created_at) < ?
				ORDER BY date, e.code`
			)
			.all(cutoff)
	);
	return { olderThanDays, cutoff, events };
}

/**
 * Forgets who the children of old events were, keeping what they said.
 *
 * A child's identity is their phone's session (`participant_sessions`: the SHA-256 of the cookie
 * token) and the nickname they may have typed (`participants.nickname`). Both go: the phone can no
 * longer resume as that child, and nothing names them. The `participants` rows stay, now carrying
 * only a random id and the delegation: votes, poll answers and items reference them (votes and
 * poll answers with ON DELETE CASCADE), and the report counts children per delegation, so deleting
 * them would take away vote and poll records and the participation figures. Items, votes, vote
 * counts and follow-ups are not touched.
 *
 * In short transactions of at most RETENTION_BATCH children each, with a pause between them, so the
 * running server's writes (which wait for the lock without blocking, see src/lib/server/db/faults.ts)
 * get their turn: one long transaction over thousands of children would hold every phone's vote
 * back until it ended. A run cut short leaves whole batches done; running it again finishes the rest.
 * Each event where something was removed gets an audit-log entry, with its last batch.
 *
 * @param {import('better-sqlite3').Database} db
 * @param {{ olderThanDays: number, now?: number, batch?: number, between?: () => void }} options
 *   `between` runs between two transactions (default: a short pause)
 * @returns {RetentionPlan} what was removed
 */
export function applyRetention(db, { olderThanDays, now = Date.now(), batch = RETENTION_BATCH, between = () => pause(RETENTION_PAUSE_MS) }) {
	// The children of the event still carrying a session or a nickname, `batch` at a time.
	const nextChildren = db.prepare(
		`SELECT p.id FROM participants p WHERE p.event_id = ? AND (p.nickname IS NOT NULL OR p.show_nickname <> 0
			OR EXISTS (SELECT 1 FROM participant_sessions s WHERE s.participant_id = p.id)) LIMIT ?`
	).pluck();
	const removeSessions = db.prepare('DELETE FROM participant_sessions WHERE participant_id IN (SELECT value FROM json_each(?))');
	const forgetNicknames = db.prepare(
		'UPDATE participants SET nickname = NULL, show_nickname = 0 WHERE id IN (SELECT value FROM json_each(?))'
	);
	const audit = db.prepare(
		"INSERT INTO audit_log (at, event_id, user_id, action, outcome, detail) VALUES (?, ?, NULL, 'retention:run', 'done', ?)"
	);
	/** One short write transaction: the next batch of one event's children; true when none was left. */
	const step = db.transaction((/** @type {RetentionEvent} */ event) => {
		const ids = JSON.stringify(nextChildren.all(event.id, batch));
		removeSessions.run(ids);
		forgetNicknames.run(ids);
		if (nextChildren.all(event.id, 1).length > 0) return false;
		audit.run(
			now,
			event.id,
			`older than ${olderThanDays} days: ${event.sessions} phone sessions and ${event.nicknames} nicknames removed`
		);
		return true;
	});
	const plan = planRetention(db, { olderThanDays, now });
	for (const event of plan.events) {
		if (event.sessions === 0 && event.nicknames === 0) continue;
		while (!step.immediate(event)) between();
	}
	return plan;
}

/** Children per retention transaction: a few milliseconds of the write lock each. */
export const RETENTION_BATCH = 200;
/** The pause between retention transactions, in which the server's waiting writes go through. */
const RETENTION_PAUSE_MS = 20;

/**
 * Sleeps without returning to an event loop: the scripts run in a process of their own, with
 * nothing else to serve, and applyRetention stays a plain synchronous call.
 * @param {number} ms
 */
function pause(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
