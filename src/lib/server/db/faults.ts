/**
 * The database's two faults on the day, and how the server lives through them.
 *
 * A write lock held by another process (a `sqlite3` shell, a backup, a retention run): better-sqlite3
 * waits for it synchronously, for `busy_timeout`, and while it waits the whole server is frozen —
 * no heartbeat, no page, no socket. So SQLite itself waits only `BUSY_TIMEOUT_MS`, and a call that
 * still finds the database locked is retried after an asynchronous pause (doubling, up to
 * `MAX_PAUSE_MS`) for up to `LOCK_WAIT_MS` in all: the event loop keeps serving meanwhile, and reads
 * (WAL: a reader never waits for a writer) go on answering. Every repository call is one
 * synchronous piece of work, one statement or one whole transaction that better-sqlite3 rolled
 * back when it failed, so retrying the call retries the whole transaction, never half of it.
 * Calls that had to wait are retried one at a time in the order they first met the lock, so two
 * writes by one child are not swapped (only one sent in the few ms between the lock's release and
 * the first waiting call's next try can go ahead of it).
 *
 * A full disk (or a failing one): SQLite refuses the write and nothing is acknowledged. The failure
 * is remembered, so /healthz reports it until a write goes through again, and it is rethrown as
 * `StorageUnavailable`, which a service can turn into a sentence ("cannot take new children now").
 */
import type Database from 'better-sqlite3';
import { StorageUnavailable, type DatabaseHealth } from '../repositories/storage-unavailable';

/** How long SQLite itself blocks the event loop for a lock: a few ms, then the async retry takes over. */
export const BUSY_TIMEOUT_MS = 5;
/** How long a call waits, asynchronously, for another process's write lock before it gives up. */
export const LOCK_WAIT_MS = 30_000;
const FIRST_PAUSE_MS = 5;
const MAX_PAUSE_MS = 100;
/** A write failure older than this, with no write since, no longer marks the database as failing. */
const FAILURE_REMEMBERED_MS = 60_000;


const codeOf = (error: unknown): string =>
	typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
		? (error as { code: string }).code
		: '';

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT: a deferred transaction overtaken by another writer). */
export const isBusy = (error: unknown) => codeOf(error).startsWith('SQLITE_BUSY');

/** The storage itself refused: a full disk, an I/O error, a file turned read-only. */
export const isStorageFailure = (error: unknown) => /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/.test(codeOf(error));

export interface FaultTolerance {
	/** Runs one repository call, waiting out another process's lock without blocking the event loop. */
	run<T>(call: () => Promise<T>): Promise<T>;
	/** Every method of a repository wrapped in `run`. */
	wrap<R extends object>(repository: R): R;
	/** 'busy' when another connection holds the write lock (or calls are waiting for it), 'failing' after a refused write. */
	health(): DatabaseHealth;
}

export function faultTolerance(sqlite: Database.Database, clock: () => number = Date.now): FaultTolerance {
	const totalChanges = sqlite.prepare('SELECT total_changes()').pluck();
	/** The last refused write, and the connection's change count then: a later committed write raises it. */
	let failure: { at: number; changes: number } | null = null;
	/** Calls waiting for the lock, in the order they met it: each waits for the one before. */
	let line: Promise<void> = Promise.resolve();
	let waiting = 0;

	function noteFailure(error: unknown) {
		if (isStorageFailure(error)) failure = { at: clock(), changes: totalChanges.get() as number };
	}

	function noteSuccess() {
		if (failure && (totalChanges.get() as number) > failure.changes) failure = null;
	}

	async function attempt<T>(call: () => Promise<T>): Promise<T> {
		try {
			const result = await call();
			noteSuccess();
			return result;
		} catch (error) {
			noteFailure(error);
			if (isStorageFailure(error)) throw new StorageUnavailable('failing', { cause: error });
			throw error;
		}
	}

	async function waitForLock<T>(call: () => Promise<T>, since: number): Promise<T> {
		const before = line;
		let done!: () => void;
		line = new Promise((resolve) => (done = resolve));
		waiting++;
		try {
			await before;
			for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
				await new Promise((resolve) => setTimeout(resolve, pause));
				try {
					return await attempt(call);
				} catch (error) {
					if (!isBusy(error)) throw error;
					if (clock() - since >= LOCK_WAIT_MS) throw new StorageUnavailable('busy', { cause: error });
				}
			}
		} finally {
			waiting--;
			done();
		}
	}

	const run = async <T>(call: () => Promise<T>): Promise<T> => {
		const since = clock();
		// Tried at once even while others wait: a read answers (WAL), a write meets the lock and
		// joins the end of the line.
		try {
			return await attempt(call);
		} catch (error) {
			if (!isBusy(error)) throw error;
			return waitForLock(call, since);
		}
	};

	/** Takes the write lock and lets go at once: SQLITE_BUSY within BUSY_TIMEOUT_MS if someone holds it. */
	function lockHeldElsewhere(): boolean {
		if (sqlite.inTransaction) return false;
		try {
			sqlite.exec('BEGIN IMMEDIATE');
			sqlite.exec('ROLLBACK');
			return false;
		} catch (error) {
			if (isBusy(error)) return true;
			throw error;
		}
	}

	return {
		run,
		wrap(repository) {
			const wrapped: Record<string, unknown> = {};
			for (const [name, value] of Object.entries(repository)) {
				wrapped[name] =
					typeof value === 'function' ? (...args: unknown[]) => run(() => Promise.resolve(value(...args))) : value;
			}
			return wrapped as typeof repository;
		},
		health() {
			if (failure && clock() - failure.at > FAILURE_REMEMBERED_MS) failure = null;
			if (failure) return 'failing';
			return waiting > 0 || lockHeldElsewhere() ? 'busy' : 'ok';
		}
	};
}
