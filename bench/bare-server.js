// The floor for this stack on this machine: a bare Socket.IO server with no app logic, doing the
// same broadcasts to the same clients as the forum does. Run by bench/run.js in its own process.
import http from 'node:http';
import { Server } from 'socket.io';

const server = http.createServer((_req, res) => res.writeHead(404).end());
// The same transport settings as the forum's realtime server (src/lib/server/realtime/server.ts).
const io = new Server(server, {
	maxHttpBufferSize: 8 * 1024,
	perMessageDeflate: false,
	httpCompression: false,
	pingInterval: 10_000,
	pingTimeout: 5_000,
	serveClient: false
});
const counts = new Map();
// The same broadcasts as the forum: once per 50 ms tick, one message with each changed item's
// latest count (VoteTicker).
const pending = new Map();
let timer = null;
function flush() {
	timer = null;
	io.to('audience').emit('votes:counted', [...pending].map(([submissionId, votes]) => ({ submissionId, votes })));
	pending.clear();
}
io.on('connection', (socket) => {
	socket.join('audience');
	socket.on('vote:set', (input, ack) => {
		const votes = (counts.get(input.submissionId) ?? 0) + (input.voted ? 1 : -1);
		counts.set(input.submissionId, votes);
		pending.set(input.submissionId, votes);
		timer ??= setTimeout(flush, 50);
		ack({ ok: true, data: { submissionId: input.submissionId, votes, voted: input.voted } });
	});
	socket.on('participant:sync', (_input, ack) => ack({ ok: true, data: {} }));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
