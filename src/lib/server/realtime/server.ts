/**
 * The live channel: authenticate the handshake, parse each command, call a service, ack.
 * No SQL and no business rules here; services decide, the publisher broadcasts.
 */
import type { Server as HttpServer } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import { fail, type Result } from '$lib/domain/result';
import type { Participant } from '$lib/domain/participant';
import {
	MAX_PAYLOAD_BYTES,
	rooms,
	type ClientToServerEvents,
	type ServerToClientEvents
} from '$lib/realtime/protocol';
import { PARTICIPANT_COOKIE } from '../auth/participant-session';
import type { ForumApp } from '../app';
import type { Audience, Publisher } from '../services/publisher';
import { emptySchema, parsePayload, setVoteSchema, submitSubmissionSchema } from './schemas';
import { isSameOrigin } from './origin';

type SocketData = { role: 'participant'; participant: Participant } | { role: 'display'; eventId: string };
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ForumSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeOptions {
	/** Heartbeat: a phone whose Wi-Fi silently vanished is noticed in ping interval + timeout. */
	pingIntervalMs?: number;
	pingTimeoutMs?: number;
}

export function createRealtimeServer(httpServer: HttpServer, app: ForumApp, options: RealtimeOptions = {}) {
	const io: RealtimeServer = new Server(httpServer, {
		maxHttpBufferSize: MAX_PAYLOAD_BYTES,
		perMessageDeflate: false,
		httpCompression: false,
		pingInterval: options.pingIntervalMs ?? 10_000,
		pingTimeout: options.pingTimeoutMs ?? 5_000,
		serveClient: false,
		// Browsers apply no CORS to websockets: refuse foreign pages in the handshake itself.
		allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers.origin, req.headers.host))
	});

	io.use(async (socket, next) => {
		try {
			const auth = socket.handshake.auth as { role?: unknown; displayKey?: unknown };
			if (auth.role === 'display' && typeof auth.displayKey === 'string') {
				const event = await app.events.findByDisplayKey(auth.displayKey);
				if (!event) return next(new Error('unknown_event'));
				socket.data = { role: 'display', eventId: event.id };
				return next();
			}
			const token = parseCookie(socket.handshake.headers.cookie ?? '')[PARTICIPANT_COOKIE];
			const session = await app.sessions.resume(token, { renew: false });
			if (!session) return next(new Error('not_joined'));
			socket.data = { role: 'participant', participant: session.participant };
			next();
		} catch (error) {
			console.error('realtime handshake failed', error);
			next(new Error('server_error'));
		}
	});

	io.on('connection', (socket: ForumSocket) => {
		const data = socket.data;
		if (data.role === 'display') {
			socket.join([rooms.audience(data.eventId), rooms.display(data.eventId)]);
			command(socket, 'display:sync', emptySchema, async () => ({
				ok: true,
				data: await app.submissions.displaySnapshot(data.eventId)
			}));
			return;
		}
		const { participant } = data;
		socket.join([rooms.audience(participant.eventId), rooms.participant(participant.id)]);
		command(socket, 'submission:submit', submitSubmissionSchema, (input) => app.submissions.submit(participant, input));
		command(socket, 'vote:set', setVoteSchema, (input) => app.votes.setVote(participant, input));
		command(socket, 'participant:sync', emptySchema, async () => ({
			ok: true,
			data: await app.submissions.participantSnapshot(participant)
		}));
	});

	const publisher: Publisher = {
		publish(audience, event, ...payload) {
			io.to(roomOf(audience)).emit(event, ...payload);
		},
		evict(audience) {
			io.in(roomOf(audience)).disconnectSockets(true);
		}
	};
	app.publisher.connect(publisher);

	return {
		io,
		async close() {
			app.publisher.connect(null);
			await io.close();
		}
	};
}

function roomOf(audience: Audience): string {
	switch (audience.kind) {
		case 'audience':
			return rooms.audience(audience.eventId);
		case 'display':
			return rooms.display(audience.eventId);
		case 'participant':
			return rooms.participant(audience.participantId);
	}
}

/**
 * Registers one acked command: a payload that fails its schema, a missing ack, or a service that
 * throws all end in a coded error, never in a crashed server or a silent client.
 */
function command<S extends z.ZodType, T>(
	socket: ForumSocket,
	name: keyof ClientToServerEvents,
	schema: S,
	run: (input: z.output<S>) => Promise<Result<T>>
) {
	socket.on(name, async (...args: unknown[]) => {
		const ack = args.at(-1);
		if (typeof ack !== 'function' || args.length !== 2) return;
		const parsed = parsePayload(schema, args[0]);
		if (!parsed.ok) return ack(fail(parsed.code));
		try {
			ack(await run(parsed.data));
		} catch (error) {
			console.error(`realtime ${name} failed`, error);
			ack(fail('server_error'));
		}
	});
}
