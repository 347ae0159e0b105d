import { error } from '@sveltejs/kit';
import { forumApp } from '$lib/server/runtime';

/**
 * The event's public outcome page: every item that was shown (anonymised as on the screen) with
 * what became of it. Children and families open it without an account.
 */
export const load = async ({ params }) => {
	const app = await forumApp();
	const event = await app.reads.publicEvent(params.code);
	if (!event) error(404, { message: 'unknown_event' });
	return { outcome: await app.outcomes.publicOutcome(event.id), event: { title: event.title, code: event.code } };
};
