import { error } from '@sveltejs/kit';
import { nameIn } from '$lib/domain/event';
import { refused, signedIn } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals }) => {
	const detail = await (await forumApp()).followUps.detail(signedIn(locals).actor, params.id);
	// Not theirs and not existing look the same.
	if (!detail) error(404, { message: 'unknown_follow_up' });
	const { followUp, item, history, event, mayUpdate, mayAssign } = detail;
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
		mayAssign,
		now: Date.now()
	};
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions = {
	update: async ({ request, params, locals }) => {
		const form = await request.formData();
		const input = { status: text(form, 'status'), response: text(form, 'response'), reason: text(form, 'reason'), wayForward: text(form, 'wayForward') };
		const updated = await (await forumApp()).followUps.update(locals.staff?.actor ?? null, params.id, input);
		if (!updated.ok) return refused(updated.error.code, input);
		return { saved: true };
	},
	assign: async ({ request, params, locals }) => {
		const form = await request.formData();
		const assigned = await (await forumApp()).followUps.assign(locals.staff?.actor ?? null, params.id, {
			agencyId: text(form, 'agencyId') || null,
			dueDate: text(form, 'dueDate')
		});
		if (!assigned.ok) return refused(assigned.error.code);
		return { saved: true };
	}
};
