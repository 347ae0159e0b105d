import { error, fail, redirect } from '@sveltejs/kit';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals }) => {
	if (!locals.staff) redirect(303, '/login');
	const detail = await (await forumApp()).followUps.detail(locals.staff.actor, params.id);
	// Not theirs and not existing look the same.
	if (!detail) error(404, { message: 'unknown_follow_up' });
	const { followUp, item, history, event, mayUpdate, mayAssign } = detail;
	const nameIn = (list: { id: string; name: string }[], id: string | null) => list.find((x) => x.id === id)?.name ?? '';
	return {
		followUp,
		item,
		history: history.map((h) => ({ ...h, agency: nameIn(event.agencies, h.agencyId) })),
		event: { id: event.id, title: event.title, agencies: event.agencies },
		names: {
			agency: nameIn(event.agencies, followUp.agencyId),
			topic: nameIn(event.topics, item.topicId),
			delegation: nameIn(event.delegations, item.delegationId)
		},
		mayUpdate,
		mayAssign
	};
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions = {
	update: async ({ request, params, locals }) => {
		const form = await request.formData();
		const input = { status: text(form, 'status'), response: text(form, 'response'), reason: text(form, 'reason'), wayForward: text(form, 'wayForward') };
		const updated = await (await forumApp()).followUps.update(locals.staff?.actor ?? null, params.id, input);
		if (!updated.ok) return fail(updated.error.code === 'forbidden' ? 403 : 400, { error: updated.error.code, ...input });
		return { saved: true };
	},
	assign: async ({ request, params, locals }) => {
		const form = await request.formData();
		const assigned = await (await forumApp()).followUps.assign(locals.staff?.actor ?? null, params.id, {
			agencyId: text(form, 'agencyId') || null,
			dueDate: text(form, 'dueDate')
		});
		if (!assigned.ok) return fail(assigned.error.code === 'forbidden' ? 403 : 400, { error: assigned.error.code });
		return { saved: true };
	}
};
