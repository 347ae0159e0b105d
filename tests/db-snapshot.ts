/**
 * Every row of every table of a SQLite file, read through a separate read-only connection, so a
 * test can prove that refused requests changed nothing. Shared by the socket and HTTP fuzz tests.
 */
import Database from 'better-sqlite3';

export type DatabaseSnapshot = Record<string, string[]>;

/** Rows as sorted JSON strings per table (order-free, so a query plan change cannot fail a test). */
export function snapshotDatabase(path: string, except: string[] = []): DatabaseSnapshot {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		const tables = db
			.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
			.pluck()
			.all() as string[];
		const snapshot: DatabaseSnapshot = {};
		for (const table of tables) {
			if (except.includes(table)) continue;
			const rows = db.prepare(`select * from "${table.replaceAll('"', '""')}"`).all();
			snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
		}
		return snapshot;
	} finally {
		db.close();
	}
}

export interface AuditRow {
	id: number;
	action: string;
	outcome: string;
	detail: string;
}

/** The organiser's log after a given row id: refusals are written there on purpose. */
export function auditRowsAfter(path: string, afterId: number): AuditRow[] {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		return db.prepare('select id, action, outcome, detail from audit_log where id > ? order by id').all(afterId) as AuditRow[];
	} finally {
		db.close();
	}
}

export function lastAuditId(path: string): number {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		return (db.prepare('select coalesce(max(id), 0) from audit_log').pluck().get() as number) ?? 0;
	} finally {
		db.close();
	}
}
