import { notFoundUnless, refused, staffEvent } from '$lib/server/http/guard';
import { deadlineInputValue, readPreEventSettings } from '$lib/server/forms/pre-event-form';
import { forumApp } from '$lib/server/runtime';

/** The organiser's view of items sent before the day: settings, chaperone links, the lists. */
export const load = async ({ params, locals }) => {
	const { app, actor, event } = await staffEvent(locals, 'preEvent:manage', params.id);
	const overview = await app.preEvent.overview(actor, params.id);
	notFoundUnless(overview.ok);
	return {
		event: { id: event.id, title: event.title, topics: event.topics, agencies: event.agencies, delegations: event.delegations },
		deadline: deadlineInputValue(overview.data.settings.deadline),
		...overview.data
	};
};

const failure = (code: string) => refused(code);

export const actions = {
	settings: async ({ request, params, locals }) => {
		const settings = readPreEventSettings(await request.formData());
		if (!settings.ok) return failure(settings.error.code);
		const saved = await (await forumApp()).preEvent.saveSettings(locals.staff?.actor ?? null, params.id, settings.data);
		return saved.ok ? { saved: true } : failure(saved.error.code);
	},
	createLink: async ({ request, params, locals, url }) => {
		const delegationId = String((await request.formData()).get('delegationId') ?? '');
		const created = await (await forumApp()).preEvent.createLink(locals.staff?.actor ?? null, params.id, delegationId);
		if (!created.ok) return failure(created.error.code);
		return { link: { delegationId, url: `${url.origin}/gui-truoc/${created.data.token}` } };
	},
	revokeLink: async ({ request, params, locals }) => {
		const delegationId = String((await request.formData()).get('delegationId') ?? '');
		const revoked = await (await forumApp()).preEvent.revokeLink(locals.staff?.actor ?? null, params.id, delegationId);
		return revoked.ok ? { revoked: delegationId } : failure(revoked.error.code);
	}
};
