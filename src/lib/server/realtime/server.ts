/**
 * The live channel: authenticate the handshake, parse each command, call a service, ack.
 * No SQL and no business rules here; services decide, the publisher broadcasts.
 */
import type { Server as HttpServer } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import { fail, type Result } from '$lib/domain/result';
import type { Participant } from '$lib/domain/participant';
import { authorise, type StaffActor } from '$lib/domain/staff';
import {
	MAX_PAYLOAD_BYTES,
	rooms,
	STAFF_COMMANDS,
	type ClientToServerEvents,
	type ServerToClientEvents,
	type StaffCommand
} from '$lib/realtime/protocol';
import { PARTICIPANT_COOKIE } from '../auth/participant-session';
import { STAFF_COOKIE } from '../auth/staff-session';
import type { ForumServices } from '../app';
import type { Audience, Publisher } from '../services/publisher';
import {
	agendaStartSchema,
	answerSchema,
	emptySchema,
	followUpSchema,
	intakeSchema,
	itemIdSchema,
	mergeSchema,
	moderationDecisionSchema,
	parsePayload,
	participantSyncSchema,
	pollAnswerSchema,
	pollCreateSchema,
	pollSetSchema,
	queueSchema,
	reviewSchema,
	setVoteSchema,
	showSchema,
	submitSubmissionSchema
} from './schemas';
import { HEARTBEAT } from './heartbeat';
import { isAllowedHost, isSameOrigin } from './origin';
import { socketCaps } from './socket-caps';
import { clientAddress } from './client-address';
import { sharedSocketCounts } from '../cluster/socket-counts';
import { redisAdapter } from './redis-adapter';

const STAFF_COMMAND_NAMES: ReadonlySet<string> = new Set(STAFF_COMMANDS);

type SocketData =
	| { role: 'participant'; participant: Participant }
	| { role: 'display'; eventId: string }
	| { role: 'staff'; actor: StaffActor; eventId: string; sessionId: string; expiresAt: number };
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type ForumSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeOptions {
	/** Heartbeat (default `HEARTBEAT`): a phone whose Wi-Fi silently vanished is noticed in ping interval + timeout. */
	pingIntervalMs?: number;
	pingTimeoutMs?: number;
	/** Open sockets per session and per address (default `SOCKET_CAPS`). */
	socketCaps?: { perSession: number; perAddress: number };
}

export function createRealtimeServer(httpServer: HttpServer, app: ForumServices, options: RealtimeOptions = {}) {
	const io: RealtimeServer = new Server(httpServer, {
		maxHttpBufferSize: MAX_PAYLOAD_BYTES,
		perMessageDeflate: false,
		httpCompression: false,
		pingInterval: options.pingIntervalMs ?? HEARTBEAT.pingIntervalMs,
		pingTimeout: options.pingTimeoutMs ?? HEARTBEAT.pingTimeoutMs,
		serveClient: false,
		// Browsers apply no CORS to websockets: refuse foreign pages in the handshake itself, and
		// foreign Host names (DNS rebinding: a foreign page whose Origin and Host agree).
		allowRequest: (req, callback) =>
			callback(null, isAllowedHost(req.headers.host) && isSameOrigin(req.headers.origin, req.headers.host))
		// No connection state recovery, with or without Redis: every phone, screen and console asks
		// for a snapshot on every connect (participant:sync, display:sync, staff:sync), which is what
		// guarantees nothing is missed. Recovery would replay packets the snapshot already covers
		// (twice the work when a hall reconnects at once), would skip the handshake's checks by
		// default (a revoked seat or screen could resume), and cannot help a phone whose process
		// died (the Streams adapter's issue #27) or after a Redis restart (the stream is gone).
	});
	// Several processes (REDIS_URL): rooms, broadcasts and evictions span all of them.
	if (app.cluster) io.adapter(redisAdapter(app.cluster));
	const sharedCounts = app.cluster ? sharedSocketCounts(app.cluster) : undefined;

	const stop = graceful();
	io.use(async (socket, next) => {
		if (stop.stopping) return next(new Error('server_stopping'));
		try {
			const auth = socket.handshake.auth as { role?: unknown; displayKey?: unknown; eventId?: unknown };
			const cookies = parseCookie(socket.handshake.headers.cookie ?? '');
			if (auth.role === 'staff' && typeof auth.eventId === 'string') {
				const sessionId = app.staffAuth.sessionIdOf(cookies[STAFF_COOKIE]);
				const staff = sessionId && (await app.staffAuth.liveSession(sessionId));
				if (!sessionId || !staff) return next(new Error('session_invalid'));
				// The same check as the event's pages: not theirs and not existing look the same.
				if (!authorise(staff.actor, 'event:view', { eventId: auth.eventId })) return next(new Error('forbidden'));
				socket.data = { role: 'staff', actor: staff.actor, eventId: auth.eventId, sessionId, expiresAt: staff.expiresAt };
				return next();
			}
			if (auth.role === 'display' && typeof auth.displayKey === 'string') {
				const event = await app.events.findByDisplayKey(auth.displayKey);
				if (!event) return next(new Error('unknown_event'));
				socket.data = { role: 'display', eventId: event.id };
				return next();
			}
			const token = cookies[PARTICIPANT_COOKIE];
			const session = await app.sessions.resume(token, { renew: false });
			if (!session) return next(new Error('not_joined'));
			socket.data = { role: 'participant', participant: session.participant };
			next();
		} catch (error) {
			console.error('realtime handshake failed', error);
			next(new Error('server_error'));
		}
	});
	// A handful of sockets per child, more per staff session (a console, the leader page and the
	// event's other pages in tabs of one browser), a hall's worth per address. Staff are counted
	// per session, not per person: one organiser signed in on two laptops has two allowances.
	io.use(
		socketCaps(
			({ data }: ForumSocket) => (data.role === 'participant' ? `p:${data.participant.id}` : data.role === 'staff' ? `s:${data.sessionId}` : null),
			options.socketCaps,
			sharedCounts
		)
	);

	io.on('connection', (socket: ForumSocket) => {
		socket.use(stop.track(socket));
		const data = socket.data;
		if (data.role === 'staff') {
			connectStaff(socket, data.actor, data.eventId, data.sessionId, data.expiresAt);
			return;
		}
		// A screen or a phone sending a staff command hears a clear no, never silence, and the
		// organiser hears of it once per connection (a flood must not flood the log). One packet
		// filter per socket rather than a listener per staff command: thousands of phones connect.
		let reported = false;
		const eventId = data.role === 'display' ? data.eventId : data.participant.eventId;
		socket.use(([name, ...args], next) => {
			if (!STAFF_COMMAND_NAMES.has(name)) return next();
			const ack = args.at(-1);
			if (typeof ack !== 'function') return;
			if (args.length !== 2) return ack(fail('invalid_payload'));
			if (reported) return ack(fail('forbidden'));
			reported = true;
			app.audit.refused(null, `${name} from ${data.role}`, eventId, 'forbidden').then(ack, () => ack(fail('server_error')));
		});
		if (data.role === 'display') {
			socket.join([rooms.audience(data.eventId), rooms.display(data.eventId)]);
			command(socket, 'display:sync', emptySchema, async () => ({
				ok: true,
				data: await app.snapshots.display(data.eventId)
			}));
			return;
		}
		const { participant } = data;
		socket.join([rooms.audience(participant.eventId), rooms.participant(participant.id)]);
		// Per child, and per address as a ceiling far above a whole hall behind one router.
		const address = clientAddress(socket.handshake);
		command(socket, 'submission:submit', submitSubmissionSchema, (input) => app.submissions.submit(participant, input, null, address));
		command(socket, 'vote:set', setVoteSchema, (input) => app.votes.setVote(participant, input, address));
		command(socket, 'submission:withdraw', itemIdSchema, (input) => app.submissions.withdraw(participant, input.submissionId));
		command(socket, 'poll:answer', pollAnswerSchema, (input) => app.polls.answer(participant, input));
		command(socket, 'participant:sync', participantSyncSchema, async (input) => ({
			ok: true,
			data: await app.snapshots.participantSync(participant, input?.since)
		}));
	});

	/**
	 * Staff consoles: every command goes to a service that checks the role, as a form action would,
	 * with the actor read again from the live session: a console whose session was signed out,
	 * expired or whose password changed, or whose roles in the event were removed, is closed at
	 * its next command (and at once, through its session's and membership's rooms, when the
	 * service that ended it says so).
	 */
	function connectStaff(socket: ForumSocket, actor: StaffActor, eventId: string, sessionId: string, expiresAt: number) {
		// `actor` is who connected: it chooses the rooms; commands use the live one.
		const joined = [
			rooms.audience(eventId),
			rooms.staff(eventId),
			rooms.staffUser(actor.userId),
			staffSessionRoom(sessionId),
			staffMemberRoom(eventId, actor.userId)
		];
		if (authorise(actor, 'submission:moderate', { eventId })) joined.push(rooms.moderators(eventId));
		const organiser = authorise(actor, 'safeguarding:view', { eventId });
		if (organiser) joined.push(rooms.organisers(eventId));
		socket.join(joined);
		// The MC learns whether an alert has someone to read it: an organiser came or went.
		if (organiser) {
			const presenceChanged = () => app.moderation.organiserPresenceChanged(eventId).catch((error) => console.error('safeguarding notice failed', error));
			void presenceChanged();
			socket.on('disconnect', presenceChanged);
		}
		// A session that expires while the console is idle closes when it does.
		let expiryTimer: ReturnType<typeof setTimeout> | undefined;
		let watchedUntil = 0;
		const watchExpiry = (until: number) => {
			clearTimeout(expiryTimer);
			watchedUntil = until;
			const wait = Math.min(Math.max(until - Date.now(), 0) + 1000, 2 ** 31 - 1);
			expiryTimer = setTimeout(() => live().then((actor) => actor || socket.disconnect(true), () => socket.disconnect(true)), wait);
		};
		watchExpiry(expiresAt);
		socket.on('disconnect', () => clearTimeout(expiryTimer));
		/** The actor as the session is now: null once signed out, expired, or no longer in this event. */
		const live = async (): Promise<StaffActor | null> => {
			const session = await app.staffAuth.liveSession(sessionId);
			if (!session || !authorise(session.actor, 'event:view', { eventId })) return null;
			if (session.expiresAt !== watchedUntil) watchExpiry(session.expiresAt);
			return session.actor;
		};
		/**
		 * A staff command: the service runs with the live actor. A dead session hears
		 * session_invalid, then the console is closed (after the answer has gone out).
		 */
		const staffCommand = <S extends z.ZodType, T>(
			name: StaffCommand,
			schema: S,
			run: (actor: StaffActor, input: z.output<S>) => Promise<Result<T>>
		) =>
			command(socket, name, schema, async (input) => {
				const current = await live();
				if (current) return run(current, input);
				setTimeout(() => socket.disconnect(true), 0);
				return fail('session_invalid');
			});
		const { moderation, stage } = app;
		// Typed as a complete map, so a command added to STAFF_COMMANDS must be wired here too.
		const staffCommands: { [C in StaffCommand]: () => void } = {
			'staff:sync': () =>
				staffCommand('staff:sync', emptySchema, async (actor) => {
					const snapshot = await moderation.snapshot(actor, eventId);
					if (!snapshot.ok) return snapshot;
					const polls = authorise(actor, 'poll:run', { eventId }) ? await app.polls.list(eventId, true) : [];
					return { ok: true, data: { ...snapshot.data, polls } };
				}),
			'moderation:decide': () =>
				staffCommand('moderation:decide', moderationDecisionSchema, (actor, input) => moderation.decide(actor, input)),
			'submission:answer': () => staffCommand('submission:answer', answerSchema, (actor, input) => moderation.markAnswered(actor, input)),
			'submission:merge': () => staffCommand('submission:merge', mergeSchema, (actor, input) => moderation.merge(actor, input)),
			'submission:intake': () => staffCommand('submission:intake', intakeSchema, (actor, input) => moderation.intakeFor(actor, eventId, input)),
			'queue:set': () => staffCommand('queue:set', queueSchema, (actor, input) => stage.setQueuePosition(actor, eventId, input)),
			'stage:show': () => staffCommand('stage:show', showSchema, (actor, input) => stage.show(actor, eventId, input.submissionId)),
			'stage:next': () => staffCommand('stage:next', emptySchema, (actor) => stage.next(actor, eventId)),
			'agenda:start': () =>
				staffCommand('agenda:start', agendaStartSchema, (actor, input) => stage.startAgendaItem(actor, eventId, input.agendaItemId)),
			'safeguarding:release': () =>
				staffCommand('safeguarding:release', itemIdSchema, (actor, input) => moderation.releaseAlert(actor, input.submissionId)),
			'safeguarding:handled': () =>
				staffCommand('safeguarding:handled', itemIdSchema, (actor, input) => moderation.markAlertHandled(actor, input.submissionId)),
			'submission:followUp': () =>
				staffCommand('submission:followUp', followUpSchema, async (actor, input) => {
					const marked = await app.followUps.mark(actor, input);
					return marked.ok ? { ok: true, data: { followUpId: marked.data.id, dueAt: marked.data.dueAt } } : marked;
				}),
			'session:close': () => staffCommand('session:close', emptySchema, (actor) => app.followUps.closeSession(actor, eventId)),
			'stage:review': () => staffCommand('stage:review', reviewSchema, (actor, input) => stage.showReview(actor, eventId, input.on)),
			'poll:create': () => staffCommand('poll:create', pollCreateSchema, (actor, input) => app.polls.create(actor, eventId, input)),
			'poll:set': () => staffCommand('poll:set', pollSetSchema, (actor, input) => app.polls.set(actor, eventId, input))
		};
		for (const register of Object.values(staffCommands)) register();
	}

	const publisher: Publisher = {
		publish(audience, event, ...payload) {
			// Staff consoles sit in the audience room too; 'hall' leaves them out.
			if (audience.kind === 'hall') io.to(rooms.audience(audience.eventId)).except(rooms.staff(audience.eventId)).emit(event, ...payload);
			else io.to(roomOf(audience)).emit(event, ...payload);
		},
		evict(audience) {
			io.in(roomOf(audience)).disconnectSockets(true);
		},
		async present(audience) {
			const room = roomOf(audience);
			if ((await io.local.in(room).fetchSockets()).length > 0) return true;
			if (!app.cluster) return false;
			// Every other process is asked; one that does not answer in time (or Redis being down)
			// leaves this process's own answer standing rather than holding up the caller.
			const asked = io.timeout(PRESENT_WITHIN_MS).in(room).fetchSockets();
			const late = new Promise<null>((resolve) => setTimeout(resolve, PRESENT_WITHIN_MS, null).unref());
			try {
				const sockets = await Promise.race([asked, late]);
				return (sockets?.length ?? 0) > 0;
			} catch {
				return false;
			} finally {
				asked.catch(() => undefined);
			}
		}
	};
	app.publisher.connect(publisher);

	return {
		io,
		/**
		 * A graceful stop: no new connection or command is taken, the commands in flight finish and
		 * are acknowledged (for up to `drainMs`), the vote counts gathering are sent, then every
		 * socket is closed. A command refused meanwhile is resent by the phone to the next server.
		 */
		async close({ drainMs = 5000 }: { drainMs?: number } = {}) {
			await stop.drain(drainMs);
			app.flushAnnouncements();
			app.publisher.connect(null);
			// Each connection sends what it still holds, then closes: io.close() alone discards it. A
			// closed transport, not a disconnect packet: the phones reconnect by themselves (to the next server).
			for (const socket of io.sockets.sockets.values()) socket.conn.close();
			for (const until = Date.now() + 1000; io.engine.clientsCount > 0 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 10));
			sharedCounts?.close();
			await io.close();
		}
	};
}

/** How long `present` waits for the other processes' answers. */
const PRESENT_WITHIN_MS = 2000;

/** Server-side rooms only: the consoles opened with one staff session, and one member's in one event. */
const staffSessionRoom = (sessionId: string) => `staff-session:${sessionId}`;
const staffMemberRoom = (eventId: string, userId: string) => `staff-member:${eventId}:${userId}`;

/**
 * Counts the acked commands in flight, so a stop can wait for their acknowledgements; once stopping,
 * new commands are dropped unanswered (the phone's outbox resends them after reconnecting).
 */
function graceful() {
	let inFlight = 0;
	let idle: (() => void) | null = null;
	const state = {
		stopping: false,
		track: (socket: ForumSocket) => (packet: unknown[], next: (error?: Error) => void) => {
			if (state.stopping) return;
			const ack = packet.at(-1);
			// Only a command someone will answer is waited for (an unknown name is never acked).
			if (typeof ack !== 'function' || socket.listeners(String(packet[0]) as never).length === 0) return next();
			inFlight++;
			let answered = false;
			packet[packet.length - 1] = (...reply: unknown[]) => {
				if (!answered && (answered = true) && --inFlight === 0) idle?.();
				ack(...reply);
			};
			next();
		},
		async drain(withinMs: number) {
			state.stopping = true;
			if (inFlight === 0) return;
			let timer: ReturnType<typeof setTimeout> | undefined;
			await new Promise<void>((resolve) => {
				idle = resolve;
				timer = setTimeout(resolve, withinMs);
			});
			clearTimeout(timer);
		}
	};
	return state;
}

function roomOf(audience: Audience): string {
	switch (audience.kind) {
		case 'audience':
		case 'hall':
			return rooms.audience(audience.eventId);
		case 'display':
			return rooms.display(audience.eventId);
		case 'participant':
			return rooms.participant(audience.participantId);
		case 'moderators':
			return rooms.moderators(audience.eventId);
		case 'staff':
			return rooms.staff(audience.eventId);
		case 'organisers':
			return rooms.organisers(audience.eventId);
		case 'staffUser':
			return rooms.staffUser(audience.userId);
		case 'staffSession':
			return staffSessionRoom(audience.sessionId);
		case 'staffMember':
			return staffMemberRoom(audience.eventId, audience.userId);
	}
}

/**
 * Registers one acked command: a payload that fails its schema, a wrong number of arguments, or a
 * service that throws all end in a coded error, never in a crashed server or a silent client.
 * Without an ack callback there is nobody to answer, and the command is ignored.
 */
function command<S extends z.ZodType, T>(
	socket: ForumSocket,
	name: keyof ClientToServerEvents,
	schema: S,
	run: (input: z.output<S>) => Promise<Result<T>>
) {
	socket.on(name, async (...args: unknown[]) => {
		const ack = args.at(-1);
		if (typeof ack !== 'function') return;
		// One payload and the callback: a client that sent none, or more, still hears back.
		if (args.length !== 2) return ack(fail('invalid_payload'));
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
