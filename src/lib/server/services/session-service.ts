import { createHash } from 'node:crypto';
import { ageBandOf, cleanNickname, genderOf, type Participant } from '$lib/domain/participant';
import { isPlausibleSeatCode, normaliseSeatCode } from '$lib/domain/seat';
import { fail, ok, type Result } from '$lib/domain/result';
import { isPlausibleJoinCode, normaliseJoinCode, type EventDetails } from '$lib/domain/event';
import {
	generateSessionToken,
	joinKeyOf,
	sessionIdFromToken,
	SESSION_LIFETIME_MS,
	SESSION_RENEW_WITHIN_MS,
	TOKEN_PATTERN
} from '../auth/participant-session';
import { resumeSlidingSession } from '../auth/sliding-session';
import { StorageUnavailable } from '../repositories';
import type { ServiceDeps } from './deps';
import { verdictOn } from './text-check';
import { createEventService } from './event-service';
import { GLOBAL_KEY } from './rate-limit';

/**
 * Who is trying to join: the address (shared by a whole hall), the phone's device cookie if it has
 * one, and the key from the QR code's link if it came that way. A bare string is an address.
 */
export interface JoinClient {
	address: string;
	device?: string | null;
	joinKey?: string | null;
}
type ClientKey = string | JoinClient;
const clientOf = (key: ClientKey): JoinClient => (typeof key === 'string' ? { address: key } : key);

export interface JoinInput {
	delegationId: string;
	nickname?: string | null;
	showNickname?: boolean;
	/** The printed seat code, when the event uses them. */
	seat?: string | null;
	/** Optional answers, kept only when the organiser asks them. */
	ageBand?: string | null;
	gender?: string | null;
}

/** Only the hash of a seat code is stored; the event id binds a code to its event. */
export function seatCodeHash(eventId: string, code: string): string {
	return createHash('sha256').update(`${eventId}:${normaliseSeatCode(code)}`).digest('hex');
}

export interface IssuedSession {
	token: string;
	expiresAt: number;
	participant: Participant;
}

/**
 * How many children may join with the join code alone: the organiser's expected number and a margin
 * (a tenth, at least 10) for late additions. Past it a phone needs a seat code, so one phone
 * re-joining cannot turn into a crowd of voters. No number stated: no cap.
 */
export function joinCapacity(event: Pick<EventDetails, 'expectedChildren'>): number {
	const expected = event.expectedChildren;
	if (expected == null) return Infinity;
	return expected + Math.max(10, Math.ceil(expected / 10));
}

/**
 * What the console calls votes from bulk joins: in the last 10 minutes, from a phone that joined
 * at most a minute before voting, while at least 20 children joined within a minute of it.
 */
export const BULK_JOIN = { windowMs: 10 * 60_000, withinMs: 60_000, burst: 20 };

const PARTICIPANT_POLICY = { lifetimeMs: SESSION_LIFETIME_MS, renewWithinMs: SESSION_RENEW_WITHIN_MS };

export function createSessionService(deps: ServiceDeps) {
	const { repos, announce, limiter, now, newId } = deps;
	const events = createEventService(deps);
	const participantSessions = {
		find: (id: string) => repos.participants.findSession(id),
		extend: (id: string, until: number) => repos.participants.extendSession(id, until),
		remove: (id: string) => repos.participants.deleteSession(id)
	};
	/**
	 * The failure budgets a client spends: its device's (when it has a device cookie), its address's
	 * and, for codes that could name an event, the server's one global budget.
	 */
	function budgets(client: JoinClient, plausible: boolean) {
		const keys: [Parameters<typeof limiter.allow>[0], string][] = [['joinFailure', client.address]];
		if (client.device) keys.push(['joinFailurePerDevice', client.device]);
		if (plausible) keys.push(['joinFailureGlobal', GLOBAL_KEY]);
		return keys;
	}
	async function throttled(client: JoinClient): Promise<boolean> {
		for (const [action, key] of budgets(client, true)) if (await limiter.exhausted(action, key)) return true;
		return false;
	}
	/** A wrong join or seat code: counted against the device, the address and the server, then refused. */
	async function failedAttempt<T>(client: JoinClient, code: 'unknown_event' | 'seat_invalid' | 'seat_used', plausible = true): Promise<Result<T>> {
		for (const [action, key] of budgets(client, plausible)) await limiter.allow(action, key);
		return fail(code);
	}
	/** The QR code's link: its key is long enough that nobody guesses it, so it is never throttled. */
	const bringsKey = (event: EventDetails, client: JoinClient) => Boolean(client.joinKey) && client.joinKey === joinKeyOf(event.displayKey);

	/** The seat behind a code, if it is this event's and unused; wrong and used codes count as failures. */
	async function checkSeat(event: EventDetails, raw: string | null | undefined, clientKey: ClientKey) {
		const client = clientOf(clientKey);
		const code = normaliseSeatCode(raw ?? '');
		if (!code) return fail<never>('seat_required');
		if (await throttled(client)) return fail<never>('too_many_attempts');
		const seat = isPlausibleSeatCode(code) ? await repos.seats.findByHash(seatCodeHash(event.id, code)) : null;
		if (!seat || seat.eventId !== event.id) return failedAttempt<never>(client, 'seat_invalid', isPlausibleSeatCode(code));
		if (seat.usedAt !== null) return failedAttempt<never>(client, 'seat_used');
		return ok(seat);
	}

	/** Whether the join code alone no longer lets a phone in: the expected children and the margin are in. */
	async function full(event: EventDetails): Promise<boolean> {
		const capacity = joinCapacity(event);
		return capacity !== Infinity && (await repos.participants.countByEvent(event.id)) >= capacity;
	}

	return {
		/**
		 * The event behind a typed or scanned join code. Unknown codes count against the device,
		 * the address and the server; once any of these has failed too often, that client waits
		 * out the minute whatever it types (the right code too, or the answer would tell a guesser
		 * it is right). A phone already in the event, or one that brings the QR code's key, always
		 * gets in.
		 */
		async findEvent(code: string, clientKey: ClientKey, participant: Participant | null = null): Promise<Result<EventDetails>> {
			const client = clientOf(clientKey);
			const event = await events.findByJoinCode(code);
			if (event && (participant?.eventId === event.id || bringsKey(event, client))) return ok(event);
			if (await throttled(client)) return fail('too_many_attempts');
			return event ? ok(event) : failedAttempt(client, 'unknown_event', isPlausibleJoinCode(normaliseJoinCode(code)));
		},

		/** The key the QR code's link carries for this event (`/j/CODE?k=…`). */
		joinKey: (event: EventDetails) => joinKeyOf(event.displayKey),

		full,

		/** What the join form may show of a scanned card: the delegation it names, if any. */
		async seatInfo(event: EventDetails, code: string, clientKey: ClientKey): Promise<Result<{ delegationId: string | null }>> {
			const seat = await checkSeat(event, code, clientKey);
			return seat.ok ? ok({ delegationId: seat.data.delegationId }) : seat;
		},

		/**
		 * A child joins an event anonymously: a delegation, and a nickname only if they want one.
		 * With seat codes on, an unused code is needed and the first join to claim it wins; so it is
		 * once the expected children (and a margin) have joined.
		 */
		async join(event: EventDetails, input: JoinInput, clientKey: ClientKey): Promise<Result<IssuedSession>> {
			const client = clientOf(clientKey);
			if (!event.joinOpen) return fail('join_closed');
			if (!(await limiter.allow('join', client.address))) return fail('rate_limited');
			let seatId: string | null = null;
			const overCapacity = !event.seatCodes && (await full(event));
			if (overCapacity && !normaliseSeatCode(input.seat ?? '')) return fail('event_full');
			if (event.seatCodes || overCapacity) {
				const seat = await checkSeat(event, input.seat, clientKey);
				if (!seat.ok) return seat;
				seatId = seat.data.id;
				// The card's delegation, when it names one, is the child's.
				if (seat.data.delegationId) input = { ...input, delegationId: seat.data.delegationId };
			}
			if (!event.delegations.some((d) => d.id === input.delegationId)) return fail('unknown_delegation');
			const nickname = event.allowNicknames ? cleanNickname(input.nickname) : { ok: true as const, nickname: null };
			if (!nickname.ok) return fail('nickname_too_long');
			// A nickname may reach the big screen: it passes the same check as an item.
			if (nickname.nickname && verdictOn(nickname.nickname, event.wordFilter) !== 'clean') return fail('nickname_not_allowed');

			const participant: Participant = {
				id: newId(),
				eventId: event.id,
				delegationId: input.delegationId,
				nickname: nickname.nickname,
				showNickname: Boolean(nickname.nickname && input.showNickname)
			};
			const details = {
				ageBand: event.askAgeBand ? ageBandOf(input.ageBand) : null,
				gender: event.askGender ? genderOf(input.gender) : null,
				seatId
			};
			const token = generateSessionToken();
			const expiresAt = now() + SESSION_LIFETIME_MS;
			const session = { id: sessionIdFromToken(token), expiresAt };
			let created: boolean;
			try {
				created = await repos.participants.create(participant, session, details);
			} catch (error) {
				// A full disk, or a lock held too long: nothing was stored, and the child reads why.
				if (error instanceof StorageUnavailable) return fail('forum_unavailable');
				throw error;
			}
			if (!created) return failedAttempt(client, 'seat_used');
			await announce({ type: 'participant:joined', eventId: event.id });
			return ok({ token, expiresAt, participant });
		},

		/**
		 * Resolves a cookie token; renews it when it is getting old (sliding expiry). Only HTTP
		 * requests renew: a socket handshake cannot reset the cookie, and a database expiry later
		 * than the cookie's would keep the page from ever renewing it.
		 */
		async resume(
			token: string | undefined,
			{ renew = true }: { renew?: boolean } = {}
		): Promise<{ participant: Participant; renewedUntil: number | null } | null> {
			const resumed = await resumeSlidingSession(token, participantSessions, PARTICIPANT_POLICY, now(), renew);
			return resumed && { participant: resumed.found.participant, renewedUntil: resumed.renewedUntil };
		},

		async leave(token: string) {
			if (TOKEN_PATTERN.test(token)) await repos.participants.deleteSession(sessionIdFromToken(token));
		},

	};
}

export type SessionService = ReturnType<typeof createSessionService>;
