import type { Cookies } from '@sveltejs/kit';
import { PARTICIPANT_COOKIE } from './participant-session';

/**
 * Halls often serve the app over plain http on the local network, where a Secure cookie would be
 * dropped silently: mark it Secure exactly when the page itself came over https.
 */
export function setParticipantCookie(cookies: Cookies, url: URL, token: string, expiresAt: number) {
	cookies.set(PARTICIPANT_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function clearParticipantCookie(cookies: Cookies, url: URL) {
	cookies.delete(PARTICIPANT_COOKIE, { path: '/', secure: url.protocol === 'https:' });
}
