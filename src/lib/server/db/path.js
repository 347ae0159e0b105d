// Plain JavaScript so that the app (runtime.ts) and the maintenance scripts run by node directly
// (scripts/backup.js, scripts/retention.js) pick the database file the same way.

/** The app's SQLite file: `DATABASE_PATH`, or `data/forum.db` relative to the project root. */
export function databasePath(env = process.env) {
	return env.DATABASE_PATH ?? 'data/forum.db';
}
