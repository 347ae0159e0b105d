import { redirect } from '@sveltejs/kit';
import { authorise } from '$lib/domain/staff';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ locals }) => {
	const staff = locals.staff;
	if (!staff) redirect(303, '/login');
	const app = await forumApp();
	const eventIds = [...new Set(staff.actor.roles.map((r) => r.eventId))].filter((eventId) =>
		authorise(staff.actor, 'event:view', { eventId })
	);
	const events = (await Promise.all(eventIds.map((id) => app.repos.events.findById(id)))).flatMap((event) =>
		event
			? [
					{
						id: event.id,
						title: event.title,
						code: event.code,
						roles: staff.actor.roles.filter((r) => r.eventId === event.id).map((r) => r.role),
						// The screen's secret link is for those who run the event, not every role.
						displayKey: authorise(staff.actor, 'display:control', { eventId: event.id }) ? event.displayKey : null
					}
				]
			: []
	);
	return { name: staff.user.displayName, canCreateEvents: authorise(staff.actor, 'event:create'), events };
};
