import { StorageUnavailable } from '../repositories/storage-unavailable';
import { sessionIdFromToken, TOKEN_PATTERN } from './participant-session';

export interface SessionPolicy {
	lifetimeMs: number;
	/** Renew when less than this is left, so a session in use never expires. */
	renewWithinMs: number;
}

export interface SessionStore<T extends { session: { expiresAt: number } }> {
	find(sessionId: string): Promise<T | null>;
	extend(sessionId: string, expiresAt: number): Promise<void>;
	remove(sessionId: string): Promise<void>;
}

/**
 * The one sliding-expiry rule for children's and staff sessions: look the token's hash up, forget
 * it once expired, renew it when it is getting old (unless the caller cannot refresh the cookie).
 */
export async function resumeSlidingSession<T extends { session: { expiresAt: number } }>(
	token: string | undefined,
	store: SessionStore<T>,
	policy: SessionPolicy,
	now: number,
	renew = true
): Promise<{ found: T; renewedUntil: number | null } | null> {
	if (!token || !TOKEN_PATTERN.test(token)) return null;
	const sessionId = sessionIdFromToken(token);
	const found = await store.find(sessionId);
	if (!found) return null;
	if (found.session.expiresAt <= now) {
		await store.remove(sessionId);
		return null;
	}
	if (!renew || found.session.expiresAt - now >= policy.renewWithinMs) return { found, renewedUntil: null };
	const renewedUntil = now + policy.lifetimeMs;
	try {
		await store.extend(sessionId, renewedUntil);
	} catch (error) {
		// A full disk must not lock a child out of a page: the session stays as it was, renewed later.
		if (error instanceof StorageUnavailable) return { found, renewedUntil: null };
		throw error;
	}
	return { found, renewedUntil };
}
