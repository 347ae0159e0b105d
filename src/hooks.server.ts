import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { m } from '$lib/paraglide/messages.js';
import { extractLocaleFromRequest, overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime';
import { clearSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { PARTICIPANT_COOKIE } from '$lib/server/auth/participant-session';
import { STAFF_COOKIE } from '$lib/server/auth/staff-session';
import { attachRealtime, startupEvents } from '$lib/server/realtime/attach';
import { isAllowedHost } from '$lib/server/realtime/origin';
import { forumApp } from '$lib/server/runtime';

// server.js imports the built handler, then attaches the live session through this hand-off,
// so routes and sockets share this bundle's single app instance.
if (!building) {
	(globalThis as Record<symbol, unknown>)[Symbol.for('dien-dan.realtime')] = { attachRealtime, startupEvents };
}

/**
 * The request's language (cookie, else Vietnamese) for every message rendered while it is handled.
 * paraglideMiddleware does the same but first copies the whole request, body stream included, for
 * its URL strategy, which we do not use: that copy was a tenth of a join's cost (`npm run bench`).
 * This is the runtime's documented hook for a server's own middleware.
 */
const requestLocale = new AsyncLocalStorage<{ locale?: Locale; origin?: string; messageCalls?: Set<string> }>();
overwriteServerAsyncLocalStorage(requestLocale);
const i18n: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	return requestLocale.run({ locale, origin: event.url.origin }, () =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		})
	);
};

/** Reads one session cookie, drops it when dead, renews it when old (sliding expiry). */
async function resumeCookie<T extends { renewedUntil: number | null }>(
	event: Parameters<Handle>[0]['event'],
	name: string,
	resume: (token: string) => Promise<T | null>,
	onInvalid?: () => Promise<void>
): Promise<T | null> {
	const token = event.cookies.get(name);
	if (!token) return null;
	const session = await resume(token);
	if (!session) {
		clearSessionCookie(event.cookies, event.url, name);
		await onInvalid?.();
	}
	else if (session.renewedUntil) setSessionCookie(event.cookies, event.url, name, token, session.renewedUntil);
	return session;
}

const sessions: Handle = async ({ event, resolve }) => {
	const app = await forumApp();
	const participant = await resumeCookie(event, PARTICIPANT_COOKIE, (t) => app.sessions.resume(t));
	event.locals.participant = participant?.participant ?? null;
	// A forged or expired staff cookie is worth the organiser's attention; a child's is not.
	const staff = await resumeCookie(
		event,
		STAFF_COOKIE,
		(t) => app.staffAuth.resume(t),
		() => app.staffAuth.recordInvalidSession(event.url.pathname)
	);
	event.locals.staff = staff && { user: staff.user, actor: staff.actor };
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	return response;
};

/**
 * A request whose Host is not this server's (a configured name or an address on the hall's
 * network, see isAllowedHost) is refused: a DNS-rebinding page sends its own public name as Host.
 */
const hostGuard: Handle = async ({ event, resolve }) => {
	if (!isAllowedHost(event.request.headers.get('host') ?? undefined)) {
		return new Response('Misdirected request', { status: 421, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return resolve(event);
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const contentType = (request: Request) => request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';

/**
 * Refuses form posts from other sites, as SvelteKit's own check would (it is switched off in
 * svelte.config.js so that this one can log the attempt for the organiser). In dev too.
 */
const originGuard: Handle = async ({ event, resolve }) => {
	const { request, url } = event;
	const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
	if (unsafe && FORM_TYPES.includes(contentType(request)) && request.headers.get('origin') !== url.origin) {
		await (await forumApp()).audit.refused(null, `form ${url.pathname.slice(0, 100)}`, null, 'cross_origin');
		const message = `${m.error_cross_origin({}, { locale: 'vi' })} / ${m.error_cross_origin({}, { locale: 'en' })}`;
		return new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return resolve(event);
};

/**
 * A form post whose body cannot be read as a form (declared text/plain, which SvelteKit lets
 * through to actions but cannot parse, or a broken multipart body) is refused here with 400 for
 * every action at once; read inside an action it threw and answered 500. A body over the size
 * limit still ends in 413: only parse failures (TypeError) are caught. A url-encoded body always
 * parses, so it is not read twice: that is every join and every plain form.
 */
const UNRELIABLE_FORM_TYPES = FORM_TYPES.filter((type) => type !== 'application/x-www-form-urlencoded');
const formBody: Handle = async ({ event, resolve }) => {
	const { request } = event;
	if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && UNRELIABLE_FORM_TYPES.includes(contentType(request))) {
		try {
			await request.clone().formData();
		} catch (error) {
			if (!(error instanceof TypeError)) throw error;
			const message = `${m.error_invalid_payload({}, { locale: 'vi' })} / ${m.error_invalid_payload({}, { locale: 'en' })}`;
			return new Response(message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
		}
	}
	return resolve(event);
};

/**
 * SvelteKit 2.70 finds a form action with `actions[name]`, so `?/toString`, `?/constructor` or
 * `?/__proto__` reach a member of Object.prototype: a 500, or a 200 that ran nothing
 * (sveltejs/kit#15525, fixed upstream only after the last 2.x release). `?/default` threw a 500
 * too. No action of ours has such a name: 404 here, as for any unknown action.
 */
const actionName: Handle = async ({ event, resolve }) => {
	if (event.request.method === 'POST') {
		const name = [...event.url.searchParams.keys()].find((key) => key.startsWith('/'))?.slice(1);
		if (name !== undefined && (name === 'default' || name in Object.prototype)) {
			const message = `${m.error_invalid_payload({}, { locale: 'vi' })} / ${m.error_invalid_payload({}, { locale: 'en' })}`;
			return new Response(message, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
		}
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, hostGuard, originGuard, actionName, formBody, i18n, sessions);
