// npm run db:copy -- --from data/forum.db --to postgres://user@host:5432/forum [--update]
// Copies the forums held on a hall laptop's SQLite into the province's PostgreSQL, adding what the
// server lacks and deleting nothing (the server may hold other forums). Run it again at will: a
// second run adds nothing. Ends with the rows per table on each side; exits 1 unless every laptop
// row is on the server as it is on the laptop. See docs/scale-out.md, "From a hall laptop".
import { parseArgs } from 'node:util';
import { copyForum, CopyRefused, type CopyResult } from '../src/lib/server/db/copy';
import { openLaptop, openServer, shownUrl } from '../src/lib/server/db/copy-open';

const USAGE = 'Usage: npm run db:copy -- --from data/forum.db --to postgres://user@host:5432/forum [--update]';

function report(result: CopyResult) {
	const header = ['table', 'laptop', 'on server', 'added', 'updated', 'server total'];
	const rows = result.tables.map((t) => [t.table, t.laptop, t.onServer, t.added, t.updated, t.serverTotal].map(String));
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	console.log(line(header));
	for (const r of rows) console.log(line(r));
	const short = result.tables.filter((t) => t.onServer !== t.laptop);
	if (short.length) console.error(`Not complete: ${short.map((t) => `${t.table} (${t.onServer} of ${t.laptop})`).join(', ')}`);
	else console.log('Complete: every row of the laptop is on the server.');
}

let options;
try {
	options = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, update: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (options.help) {
	console.log(USAGE);
	process.exit(0);
}

let laptop;
let server;
try {
	laptop = openLaptop(options.from);
	server = await openServer(options.to);
	console.log(`Copying ${options.from} to ${shownUrl(options.to!)}…`);
	const result = await copyForum(laptop, server.db, { update: options.update });
	report(result);
	process.exitCode = result.complete ? 0 : 1;
} catch (error) {
	if (error instanceof CopyRefused) console.error(`Nothing copied:\n  ${error.reasons.join('\n  ')}`);
	else console.error(`Copy failed, nothing written to the server: ${error instanceof Error ? error.message : error}`);
	process.exitCode = 1;
} finally {
	laptop?.close();
	await server?.close();
}
