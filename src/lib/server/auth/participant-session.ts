/**
 * Anonymous participant sessions, the Lucia way: the cookie carries a random token, the database
 * only its SHA-256, so a leaked database cannot be replayed as cookies.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

export const PARTICIPANT_COOKIE = 'dd_participant';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Children come back weeks later to see what became of their question. */
export const SESSION_LIFETIME_MS = 180 * DAY_MS;
/** Renew when less than this is left, so an active phone never expires. */
export const SESSION_RENEW_WITHIN_MS = 90 * DAY_MS;

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** The cookie that tells one phone from another before it has joined: the join-failure budget per device. */
export const DEVICE_COOKIE = 'dd_device';
/** Where a phone that came through the QR code keeps the join key, for the join form's POST. */
export const JOIN_KEY_COOKIE = 'dd_join_key';

/**
 * The long key in the QR code's link (`/j/CODE?k=…`): 130 bits, so nobody guesses it, and a phone
 * that brings it is never throttled. Derived one way from the screen's secret, so it needs no
 * storage and does not reveal that secret.
 */
export function joinKeyOf(displayKey: string): string {
	return encodeBase32LowerCaseNoPadding(sha256(new TextEncoder().encode(`join-link:${displayKey}`))).slice(0, 26);
}
