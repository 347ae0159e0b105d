import { error, redirect } from '@sveltejs/kit';
import { authorise } from '$lib/domain/staff';
import { forumApp } from '$lib/server/runtime';

/** Refusals that belong to no forum: for organiser accounts, who run the whole installation. */
export const load = async ({ locals }) => {
	if (!locals.staff) redirect(303, '/login');
	if (!authorise(locals.staff.actor, 'event:create')) error(403, { message: 'forbidden' });
	return { rows: await (await forumApp()).repos.audit.listWithoutEvent(300) };
};
