import type { Cookies } from '@sveltejs/kit';
import { PARTICIPANT_COOKIE } from './participant-session';

/**
 * Halls often serve the app over plain http on the local network, where a Secure cookie would be
 * dropped silently: mark it Secure exactly when the page itself came over https.
 */
export function setSessionCookie(cookies: Cookies, url: URL, name: string, token: string, expiresAt: number) {
	cookies.set(name, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL, name: string) {
	cookies.delete(name, { path: '/', secure: url.protocol === 'https:' });
}

export const setParticipantCookie = (cookies: Cookies, url: URL, token: string, expiresAt: number) =>
	setSessionCookie(cookies, url, PARTICIPANT_COOKIE, token, expiresAt);
