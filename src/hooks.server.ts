import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { clearParticipantCookie, setParticipantCookie } from '$lib/server/auth/cookies';
import { PARTICIPANT_COOKIE } from '$lib/server/auth/participant-session';
import { attachRealtime, startupEvents } from '$lib/server/realtime/attach';
import { forumApp } from '$lib/server/runtime';

// server.js imports the built handler, then attaches the live session through this hand-off,
// so routes and sockets share this bundle's single app instance.
if (!building) {
	(globalThis as Record<symbol, unknown>)[Symbol.for('dien-dan.realtime')] = { attachRealtime, startupEvents };
}

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const participantSession: Handle = async ({ event, resolve }) => {
	event.locals.participant = null;
	const token = event.cookies.get(PARTICIPANT_COOKIE);
	if (token) {
		const session = await (await forumApp()).sessions.resume(token);
		if (!session) clearParticipantCookie(event.cookies, event.url);
		else {
			event.locals.participant = session.participant;
			if (session.renewedUntil) setParticipantCookie(event.cookies, event.url, token, session.renewedUntil);
		}
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	return response;
};

export const handle = sequence(securityHeaders, i18n, participantSession);
