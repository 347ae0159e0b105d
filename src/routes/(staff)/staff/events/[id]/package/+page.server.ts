import { authorise } from '$lib/domain/staff';
import { refused, staffEvent } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

/** The forum's results package: download it for the level above; import one from the level below. */
export const load = async ({ params, locals }) => {
	// Both halves are the organiser's: the package is their forum's report, in another form.
	const { app, actor, event } = await staffEvent(locals, 'report:export', params.id);
	const canImport = authorise(actor, 'event:edit', { eventId: event.id }) && event.level !== 'commune';
	return {
		event: { id: event.id, title: event.title, delegations: event.delegations },
		canExport: authorise(actor, 'report:export', { eventId: event.id }),
		canImport,
		forwardable: await app.reads.forwardable(actor, event.id),
		imported: await app.forumPackages.importedInto(actor, event.id)
	};
};

export const actions = {
	import: async ({ request, params, locals }) => {
		const form = await request.formData();
		const file = form.get('package');
		const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
		// No file is an empty package: refused as damaged (or as forbidden, for someone not the organiser).
		const imported = await (await forumApp()).forumPackages.importPackage(locals.staff?.actor ?? null, params.id, bytes, {
			inboxDelegationId: String(form.get('inboxDelegationId') ?? '') || null
		});
		if (!imported.ok) return refused(imported.error.code, { noFile: bytes.length === 0 });
		return { imported: imported.data };
	}
};
