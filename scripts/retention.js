// npm run retention -- --older-than-days N [--yes]
// Removes the phone sessions and nicknames of the children of events dated more than N days ago;
// keeps their items, votes, vote counts, poll answers and follow-ups. A dry run unless --yes.
// Database: DATABASE_PATH, or data/forum.db, as the app picks it. Safe while the server runs.
import { databasePath } from '../src/lib/server/db/path.js';
import { applyRetention, openExisting, planRetention } from './maintenance.js';

const USAGE = 'Usage: npm run retention -- --older-than-days N [--yes]   (dry run without --yes)';

/** @param {string[]} args */
function parse(args) {
	let days = NaN;
	let yes = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--yes') yes = true;
		else if (arg === '--older-than-days') days = /^\d+$/.test(args[i + 1] ?? '') ? Number(args[++i]) : NaN;
		else if (arg.startsWith('--older-than-days=')) days = /^\d+$/.test(arg.slice(18)) ? Number(arg.slice(18)) : NaN;
		else return null;
	}
	return Number.isInteger(days) ? { days, yes } : null;
}

const options = parse(process.argv.slice(2));
if (!options) {
	console.error(USAGE);
	process.exit(2);
}

const day = (/** @type {number} */ ms) => new Date(ms).toISOString().slice(0, 10);
let db;
try {
	db = openExisting(databasePath());
	const plan = options.yes
		? applyRetention(db, { olderThanDays: options.days })
		: planRetention(db, { olderThanDays: options.days });
	console.log(`Events dated before ${day(plan.cutoff)} (older than ${plan.olderThanDays} days): ${plan.events.length}`);
	for (const e of plan.events) {
		console.log(`  ${day(e.date)}  ${e.code}  ${e.title}: ${e.participants} children, ${e.sessions} phone sessions and ${e.nicknames} nicknames ${options.yes ? 'removed' : 'to remove'}`);
	}
	console.log(
		options.yes
			? 'Done. Items, votes, poll answers and follow-ups are kept.'
			: 'Dry run: nothing was changed. Add --yes to remove them.'
	);
} catch (error) {
	console.error(`Retention failed: ${error instanceof Error ? error.message : error}`);
	process.exitCode = 1;
} finally {
	db?.close();
}
