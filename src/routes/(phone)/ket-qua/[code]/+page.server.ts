import { error } from '@sveltejs/kit';
import { DEVICE_COOKIE, TOKEN_PATTERN } from '$lib/server/auth/participant-session';
import { forumApp } from '$lib/server/runtime';

/**
 * The event's public outcome page: every item that was shown (anonymised as on the screen) with
 * what became of it. Children and families open it without an account. Its code is looked up like
 * the join page's, with the same failure budgets: otherwise it would answer guessers unthrottled.
 */
export const load = async ({ params, cookies, locals, getClientAddress }) => {
	const app = await forumApp();
	const device = cookies.get(DEVICE_COOKIE);
	const found = await app.sessions.findEvent(
		params.code,
		{ address: getClientAddress(), device: device && TOKEN_PATTERN.test(device) ? device : null },
		locals.participant
	);
	if (!found.ok && found.error.code === 'too_many_attempts') error(429, { message: 'too_many_attempts' });
	if (!found.ok) error(404, { message: 'unknown_event' });
	const event = found.data;
	return { outcome: await app.outcomes.publicOutcome(event.id), event: { title: event.title, code: event.code } };
};
