import { authorise } from '$lib/domain/staff';
import { refused, staffEvent } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

/** The forum's results package: download it for the level above; import one from the level below. */
export const load = async ({ params, locals }) => {
	const { app, actor, event } = await staffEvent(locals, 'event:view', params.id);
	const canImport = authorise(actor, 'event:edit', { eventId: event.id }) && event.level !== 'commune';
	return {
		event: { id: event.id, title: event.title, delegations: event.delegations },
		canExport: authorise(actor, 'report:export', { eventId: event.id }),
		canImport,
		forwardable: await app.reads.forwardable(actor, event.id)
	};
};

export const actions = {
	import: async ({ request, params, locals }) => {
		const form = await request.formData();
		const file = form.get('package');
		if (!(file instanceof File) || file.size === 0) return refused('package_damaged', { noFile: true });
		const imported = await (await forumApp()).forumPackages.importPackage(locals.staff?.actor ?? null, params.id, new Uint8Array(await file.arrayBuffer()), {
			inboxDelegationId: String(form.get('inboxDelegationId') ?? '') || null
		});
		if (!imported.ok) return refused(imported.error.code);
		return { imported: imported.data };
	}
};
