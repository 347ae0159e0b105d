import { error, fail, redirect } from '@sveltejs/kit';
import { authorise } from '$lib/domain/staff';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals }) => {
	if (!locals.staff) redirect(303, '/login');
	const actor = locals.staff.actor;
	// Not theirs and not existing look the same: nobody learns which event ids exist.
	if (!authorise(actor, 'event:view', { eventId: params.id })) error(404, { message: 'unknown_event' });
	const app = await forumApp();
	const event = await app.repos.events.findById(params.id);
	if (!event) error(404, { message: 'unknown_event' });
	const canInvite = authorise(actor, 'staff:invite', { eventId: event.id });
	return {
		event: { id: event.id, title: event.title, code: event.code, agencies: event.agencies },
		canInvite,
		staff: canInvite ? await app.repos.staff.listEventStaff(event.id) : []
	};
};

export const actions = {
	invite: async ({ request, params, locals, url }) => {
		const form = await request.formData();
		const request_ = {
			eventId: params.id,
			role: String(form.get('role') ?? ''),
			agencyId: String(form.get('agencyId') ?? '') || null
		};
		const invited = await (await forumApp()).invitations.invite(locals.staff?.actor ?? null, request_);
		if (!invited.ok) return fail(invited.error.code === 'forbidden' ? 403 : 400, { error: invited.error.code });
		return { link: `${url.origin}/invite/${invited.data.token}` };
	}
};
