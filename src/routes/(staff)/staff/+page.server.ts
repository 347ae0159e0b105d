import { authorise } from '$lib/domain/staff';
import { signedIn } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ locals }) => {
	const staff = signedIn(locals);
	const events = await (await forumApp()).reads.forumsOf(staff.actor);
	return { name: staff.user.displayName, canCreateEvents: authorise(staff.actor, 'event:create'), events };
};
