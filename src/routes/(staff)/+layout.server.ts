import { STAFF_ROLES, type StaffRole } from '$lib/domain/staff';

/**
 * The header names the person and the role(s) they hold: on an event's pages the roles in that
 * event, elsewhere every role they hold (an account that may create events is an organiser), so a
 * leader or follow-up officer never reads "Organisers" above their own page.
 */
export const load = ({ locals, params, route }) => {
	const staff = locals.staff;
	if (!staff) return { staffName: null, staffRoles: [] as StaffRole[] };
	const eventId = route.id?.startsWith('/(staff)/staff/events/[id]') ? params.id : undefined;
	const held = new Set(staff.actor.roles.filter((r) => !eventId || r.eventId === eventId).map((r) => r.role));
	if (!eventId && staff.actor.canCreateEvents) held.add('organiser');
	return { staffName: staff.user.displayName, staffRoles: STAFF_ROLES.filter((role) => held.has(role)) };
};
