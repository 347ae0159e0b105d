import { authorise, isAgencyBound } from '$lib/domain/staff';
import { signedIn } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ locals }) => {
	const staff = signedIn(locals);
	const events = await (await forumApp()).reads.forumsOf(staff.actor);
	// Leaders and follow-up officers also get their agency's view across every forum they are invited to.
	const speaksForAgency = staff.actor.roles.some((r) => isAgencyBound(r.role) && r.agencyId);
	return { name: staff.user.displayName, canCreateEvents: authorise(staff.actor, 'event:create'), events, speaksForAgency };
};
