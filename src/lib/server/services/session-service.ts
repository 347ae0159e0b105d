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

export function createSessionService({ repos, publisher, limiter, now, newId }: ServiceDeps) {
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
			if (!token || !TOKEN_PATTERN.test(token)) return null;
			const sessionId = sessionIdFromToken(token);
			const found = await repos.participants.findSession(sessionId);
			if (!found) return null;
			const at = now();
			if (found.session.expiresAt <= at) {
				await repos.participants.deleteSession(sessionId);
				return null;
			}
			if (renew && found.session.expiresAt - at < SESSION_RENEW_WITHIN_MS) {
				const renewedUntil = at + SESSION_LIFETIME_MS;
				await repos.participants.extendSession(sessionId, renewedUntil);
				return { participant: found.participant, renewedUntil };
			}
			return { participant: found.participant, renewedUntil: null };
		},

		async leave(token: string) {
			if (TOKEN_PATTERN.test(token)) await repos.participants.deleteSession(sessionIdFromToken(token));
		}
	};
}

export type SessionService = ReturnType<typeof createSessionService>;
