import { error, redirect } from '@sveltejs/kit';
import { authorise } from '$lib/domain/staff';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals }) => {
	if (!locals.staff) redirect(303, '/login');
	if (!authorise(locals.staff.actor, 'audit:view', { eventId: params.id })) error(404, { message: 'unknown_event' });
	const app = await forumApp();
	const event = await app.repos.events.findById(params.id);
	if (!event) error(404, { message: 'unknown_event' });
	return { event: { id: event.id, title: event.title }, rows: await app.repos.audit.listForEvent(event.id, 300) };
};
