// npm run backup [-- <destination>]
// A consistent copy of the live database while the server runs (SQLite online backup from a
// connection of its own). Source: DATABASE_PATH, or data/forum.db, as the app picks it.
// Destination: data/backups/forum-YYYYMMDD-HHMMSS.db unless given. Restore: see README.md,
// "Backups and retention".
import { databasePath } from '../src/lib/server/db/path.js';
import { backupDatabase, defaultBackupPath } from './maintenance.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || args.length > 1) {
	console.log('Usage: npm run backup [-- <destination.db>]   (source: DATABASE_PATH or data/forum.db)');
	process.exit(args.length > 1 ? 2 : 0);
}

try {
	const result = await backupDatabase({ source: databasePath(), destination: args[0] ?? defaultBackupPath() });
	console.log(`Backup written to ${result.destination}`);
	for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(22)} ${n}`);
	console.log(`Integrity check: ${result.integrity}`);
	if (result.integrity !== 'ok') process.exit(1);
} catch (error) {
	console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}
