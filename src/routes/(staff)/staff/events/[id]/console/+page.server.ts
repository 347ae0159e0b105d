import { authorise } from '$lib/domain/staff';
import { staffEvent } from '$lib/server/http/guard';

/** The MC's console: for those who moderate the event (organisers and moderators). */
export const load = async ({ params, locals }) => {
	const { actor, event } = await staffEvent(locals, 'submission:moderate', params.id);
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
