import { cleanNickname, type Participant } from '$lib/domain/participant';
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
import type { ServiceDeps } from './deps';

export interface JoinInput {
	delegationId: string;
	nickname?: string | null;
	showNickname?: boolean;
}

export interface IssuedSession {
	token: string;
	expiresAt: number;
	participant: Participant;
}

const PARTICIPANT_POLICY = { lifetimeMs: SESSION_LIFETIME_MS, renewWithinMs: SESSION_RENEW_WITHIN_MS };

export function createSessionService({ repos, publisher, limiter, now, newId }: ServiceDeps) {
	const participantSessions = {
		find: (id: string) => repos.participants.findSession(id),
		extend: (id: string, until: number) => repos.participants.extendSession(id, until),
		remove: (id: string) => repos.participants.deleteSession(id)
	};
	return {
		/** A child joins an event anonymously: a delegation, and a nickname only if they want one. */
		async join(event: EventDetails, input: JoinInput, clientKey: string): Promise<Result<IssuedSession>> {
			if (!event.joinOpen) return fail('join_closed');
			if (!(await limiter.allow('join', clientKey))) return fail('rate_limited');
			if (!event.delegations.some((d) => d.id === input.delegationId)) return fail('unknown_delegation');
			const nickname = event.allowNicknames ? cleanNickname(input.nickname) : { ok: true as const, nickname: null };
			if (!nickname.ok) return fail('nickname_too_long');

			const participant: Participant = {
				id: newId(),
				eventId: event.id,
				delegationId: input.delegationId,
				nickname: nickname.nickname,
				showNickname: Boolean(nickname.nickname && input.showNickname)
			};
			await repos.participants.create(participant);
			const token = generateSessionToken();
			const expiresAt = now() + SESSION_LIFETIME_MS;
			await repos.participants.createSession({ id: sessionIdFromToken(token), participantId: participant.id, expiresAt });
			publisher.publish({ kind: 'display', eventId: event.id }, 'participant:joined', {
				participantCount: await repos.participants.countByEvent(event.id)
			});
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
		}
	};
}

export type SessionService = ReturnType<typeof createSessionService>;
