import { error, redirect } from '@sveltejs/kit';
import { refused, signedIn } from '$lib/server/http/guard';
import { authorise } from '$lib/domain/staff';
import { readEventSetupForm } from '$lib/server/forms/event-setup-form';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ locals, url }) => {
	const { actor } = signedIn(locals);
	if (!authorise(actor, 'event:create')) error(403, { message: 'forbidden' });
	// "Copy last year's": the form starts from an event this organiser runs, without its date.
	const from = url.searchParams.get('from');
	if (!from) return { copyOf: null, value: null };
	const form = await (await forumApp()).eventSetup.copyFormOf(actor, from);
	if (!form) error(404, { message: 'unknown_event' });
	return { copyOf: { id: from, title: form.title }, value: { ...form, date: '' } };
};

export const actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const input = readEventSetupForm(form);
		const predecessorId = String(form.get('predecessorId') ?? '') || null;
		const created = await (await forumApp()).eventSetup.create(locals.staff?.actor ?? null, input, predecessorId);
		if (!created.ok)
			return refused(created.error.code, { value: input, predecessorId });
		redirect(303, `/staff/events/${created.data.id}`);
	}
};
