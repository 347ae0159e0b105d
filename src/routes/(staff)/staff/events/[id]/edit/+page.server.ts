import { error, fail, redirect } from '@sveltejs/kit';
import { readEventSetupForm } from '$lib/server/forms/event-setup-form';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals }) => {
	if (!locals.staff) redirect(303, '/login');
	// Not theirs and not existing look the same.
	const value = await (await forumApp()).eventSetup.formOf(locals.staff.actor, params.id);
	if (!value) error(404, { message: 'unknown_event' });
	return { value };
};

export const actions = {
	default: async ({ request, params, locals }) => {
		const input = readEventSetupForm(await request.formData());
		const updated = await (await forumApp()).eventSetup.update(locals.staff?.actor ?? null, params.id, input);
		if (!updated.ok) return fail(updated.error.code === 'forbidden' ? 403 : 400, { error: updated.error.code, value: input });
		redirect(303, `/staff/events/${params.id}?saved=1`);
	}
};
