import { createHash } from 'node:crypto';
import { ageBandOf, cleanNickname, genderOf, type Participant } from '$lib/domain/participant';
import { isPlausibleSeatCode, normaliseSeatCode } from '$lib/domain/seat';
import { fail, ok, type Result } from '$lib/domain/result';
import type { EventDetails } from '$lib/domain/event';
import {
	generateSessionToken,
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

const PARTICIPANT_POLICY = { lifetimeMs: SESSION_LIFETIME_MS, renewWithinMs: SESSION_RENEW_WITHIN_MS };

export function createSessionService(deps: ServiceDeps) {
	const { repos, announce, limiter, now, newId } = deps;
	const events = createEventService(deps);
	const participantSessions = {
		find: (id: string) => repos.participants.findSession(id),
		extend: (id: string, until: number) => repos.participants.extendSession(id, until),
		remove: (id: string) => repos.participants.deleteSession(id)
	};
	/** A wrong join or seat code: counted against the address, then refused. */
	async function failedAttempt<T>(clientKey: string, code: 'unknown_event' | 'seat_invalid' | 'seat_used'): Promise<Result<T>> {
		await limiter.allow('joinFailure', clientKey);
		return fail(code);
	}

	/** The seat behind a code, if it is this event's and unused; wrong and used codes count as failures. */
	async function checkSeat(event: EventDetails, raw: string | null | undefined, clientKey: string) {
		const code = normaliseSeatCode(raw ?? '');
		if (!code) return fail<never>('seat_required');
		if (await limiter.exhausted('joinFailure', clientKey)) return fail<never>('too_many_attempts');
		const seat = isPlausibleSeatCode(code) ? await repos.seats.findByHash(seatCodeHash(event.id, code)) : null;
		if (!seat || seat.eventId !== event.id) return failedAttempt<never>(clientKey, 'seat_invalid');
		if (seat.usedAt !== null) return failedAttempt<never>(clientKey, 'seat_used');
		return ok(seat);
	}

	return {
		/**
		 * The event behind a typed or scanned join code. Unknown codes count against the address;
		 * once it has failed too often it waits out the minute, whatever it types, so guessing stays
		 * slow. A phone already in the event always gets back in.
		 */
		async findEvent(code: string, clientKey: string, participant: Participant | null = null): Promise<Result<EventDetails>> {
			const event = await events.findByJoinCode(code);
			if (event && participant?.eventId === event.id) return ok(event);
			if (await limiter.exhausted('joinFailure', clientKey)) return fail('too_many_attempts');
			return event ? ok(event) : failedAttempt(clientKey, 'unknown_event');
		},

		/** What the join form may show of a scanned card: the delegation it names, if any. */
		async seatInfo(event: EventDetails, code: string, clientKey: string): Promise<Result<{ delegationId: string | null }>> {
			const seat = await checkSeat(event, code, clientKey);
			return seat.ok ? ok({ delegationId: seat.data.delegationId }) : seat;
		},

		/**
		 * A child joins an event anonymously: a delegation, and a nickname only if they want one.
		 * With seat codes on, an unused code is needed and the first join to claim it wins.
		 */
		async join(event: EventDetails, input: JoinInput, clientKey: string): Promise<Result<IssuedSession>> {
			if (!event.joinOpen) return fail('join_closed');
			if (!(await limiter.allow('join', clientKey))) return fail('rate_limited');
			let seatId: string | null = null;
			if (event.seatCodes) {
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
			if (!created) return failedAttempt(clientKey, 'seat_used');
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
