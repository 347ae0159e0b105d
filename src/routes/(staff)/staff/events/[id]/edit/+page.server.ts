import { error, redirect } from '@sveltejs/kit';
import { refused, signedIn } from '$lib/server/http/guard';
import { readEventSetupForm } from '$lib/server/forms/event-setup-form';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals }) => {
	// Not theirs and not existing look the same.
	const value = await (await forumApp()).eventSetup.formOf(signedIn(locals).actor, params.id);
	if (!value) error(404, { message: 'unknown_event' });
	return { value };
};

export const actions = {
	default: async ({ request, params, locals }) => {
		const input = readEventSetupForm(await request.formData());
		const updated = await (await forumApp()).eventSetup.update(locals.staff?.actor ?? null, params.id, input);
		if (!updated.ok) return refused(updated.error.code, { value: input });
		redirect(303, `/staff/events/${params.id}?saved=1`);
	}
};
