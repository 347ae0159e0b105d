// Production entry: SvelteKit's handler and the live Socket.IO session on one HTTP server.
// Run from the project root after `vite build` (the database path and migrations are relative to it).
import http from 'node:http';
import { networkInterfaces } from 'node:os';

// `npm start` passes --demo: demo mode seeds the demo event into an empty database. `npm run serve`
// and a production start do not, unless DEMO_EVENT says so (see demoMode in src/lib/server/demo-event.ts).
if (process.argv.includes('--demo')) process.env.DEMO_EVENT ??= 'on';
const demo = ['on', 'unmoderated'].includes(process.env.DEMO_EVENT ?? '');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

// adapter-node assumes https unless told otherwise, which breaks form posts on a hall's plain-http
// network. Tell it the real protocol of each connection through a header only we set; behind a
// TLS-terminating proxy, set ORIGIN instead (it takes precedence).
const PROTOCOL_HEADER = 'x-dien-dan-protocol';
process.env.PROTOCOL_HEADER ??= PROTOCOL_HEADER;
const { handler } = await import('./build/handler.js');

// Importing the handler ran the app's server hooks, which left this hand-off behind.
const realtime = globalThis[Symbol.for('dien-dan.realtime')];
if (!realtime) throw new Error('The SvelteKit build did not register the realtime server');

// The request listener must exist before Socket.IO attaches, or both answer /socket.io/ polling.
const server = http.createServer((req, res) => {
	req.headers[PROTOCOL_HEADER] = req.socket.encrypted ? 'https' : 'http';
	handler(req, res);
});
const live = await realtime.attachRealtime(server);

function lanAddress() {
	for (const list of Object.values(networkInterfaces())) {
		for (const address of list ?? []) {
			if (address.family === 'IPv4' && !address.internal) return address.address;
		}
	}
	return 'localhost';
}

server.listen(port, host, async () => {
	const origin = process.env.PUBLIC_ORIGIN ?? `http://${host === '0.0.0.0' ? lanAddress() : host}:${port}`;
	console.log(`Diễn đàn trẻ em is running on ${origin}`);
	console.log(
		demo
			? `Demo mode (DEMO_EVENT=${process.env.DEMO_EVENT}): the demo event is seeded into an empty database. The first account made at ${origin}/setup is its organiser.`
			: 'Production mode: no demo event is seeded (`npm start` or DEMO_EVENT=on runs the demo).'
	);
	console.log(`Staff sign in at ${origin}/login (the first time: ${origin}/setup).`);
	for (const event of await realtime.startupEvents()) {
		console.log(`\n  ${event.title}`);
		console.log(`  Projection screen: ${origin}/screen/${event.displayKey}`);
		console.log(`  Join page:         ${origin}/j/${event.code}`);
	}
	console.log('');
});

// A graceful stop (SIGTERM, Ctrl-C): take no new connection or command, let the requests and the
// socket commands in flight finish and be acknowledged, send the vote counts still gathering, close
// the sockets, then exit. Whatever is still running after STOP_WITHIN_MS is cut off: the phones
// resend what was not acknowledged, and the next server stores each item once.
const STOP_WITHIN_MS = 8000;
let stopping = false;
function stop() {
	if (stopping) return;
	stopping = true;
	setTimeout(() => process.exit(0), STOP_WITHIN_MS).unref();
	const requestsDone = new Promise((resolve) => server.close(resolve));
	server.closeIdleConnections();
	live
		.close({ drainMs: STOP_WITHIN_MS - 2000 })
		.catch((error) => console.error('stopping the live session failed', error))
		.then(() => requestsDone)
		.finally(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
