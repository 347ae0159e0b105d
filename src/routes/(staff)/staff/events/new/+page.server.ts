import { error, fail, redirect } from '@sveltejs/kit';
import { authorise } from '$lib/domain/staff';
import { forumApp } from '$lib/server/runtime';

export const load = ({ locals }) => {
	if (!locals.staff) redirect(303, '/login');
	if (!authorise(locals.staff.actor, 'event:create')) error(403, { message: 'forbidden' });
};

export const actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const text = (name: string) => String(form.get(name) ?? '');
		const input = {
			title: text('title'),
			level: text('level'),
			organisingUnit: text('organisingUnit'),
			venue: text('venue'),
			date: text('date'),
			theme: text('theme'),
			topics: text('topics'),
			delegations: text('delegations'),
			agencies: text('agencies'),
			moderation: form.get('moderation') === 'on',
			allowNicknames: form.get('allowNicknames') === 'on',
			joinOpen: form.get('joinOpen') === 'on'
		};
		const created = await (await forumApp()).eventSetup.create(locals.staff?.actor ?? null, input);
		if (!created.ok) return fail(created.error.code === 'forbidden' ? 403 : 400, { error: created.error.code, ...input });
		redirect(303, '/staff');
	}
};
