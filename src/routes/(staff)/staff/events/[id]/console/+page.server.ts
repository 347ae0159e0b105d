import { error, redirect } from '@sveltejs/kit';
import { authorise } from '$lib/domain/staff';
import { forumApp } from '$lib/server/runtime';

/** The MC's console: for those who moderate the event (organisers and moderators). */
export const load = async ({ params, locals }) => {
	if (!locals.staff) redirect(303, '/login');
	const actor = locals.staff.actor;
	if (!authorise(actor, 'submission:moderate', { eventId: params.id })) error(404, { message: 'unknown_event' });
	const event = await (await forumApp()).repos.events.findById(params.id);
	if (!event) error(404, { message: 'unknown_event' });
	return {
		event: {
			id: event.id,
			title: event.title,
			topics: event.topics,
			delegations: event.delegations,
			agencies: event.agencies,
			agenda: event.agenda
		},
		isOrganiser: authorise(actor, 'safeguarding:view', { eventId: event.id }),
		hasPredecessor: event.predecessorId !== null
	};
};
