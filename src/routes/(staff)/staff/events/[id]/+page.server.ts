import { error, fail, redirect } from '@sveltejs/kit';
import { authorise } from '$lib/domain/staff';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals, url }) => {
	if (!locals.staff) redirect(303, '/login');
	const actor = locals.staff.actor;
	// Not theirs and not existing look the same: nobody learns which event ids exist.
	if (!authorise(actor, 'event:view', { eventId: params.id })) error(404, { message: 'unknown_event' });
	const app = await forumApp();
	const event = await app.repos.events.findById(params.id);
	if (!event) error(404, { message: 'unknown_event' });
	const canInvite = authorise(actor, 'staff:invite', { eventId: event.id });
	const canEdit = authorise(actor, 'event:edit', { eventId: event.id });
	// Upward: this forum's shown recommendations and messages, and the higher forums to send them to.
	const forwardable = canEdit
		? (await app.repos.submissions.listByStatus(event.id, ['approved', 'answered', 'follow_up']))
				.filter((item) => item.kind !== 'question')
				.map((item) => ({ id: item.id, kind: item.kind, text: item.text }))
		: [];
	const forwardTargets = canEdit ? await app.forwarding.targets(actor, event.id) : [];
	return {
		forwardable,
		forwardTargets,
		event: { id: event.id, title: event.title, code: event.code, agencies: event.agencies, agenda: event.agenda },
		canEdit,
		canModerate: authorise(actor, 'submission:moderate', { eventId: event.id }),
		canAnswer: actor.roles.some((r) => r.eventId === event.id && r.role === 'leader') || authorise(actor, 'followUp:assign', { eventId: event.id }),
		canViewLog: authorise(actor, 'audit:view', { eventId: event.id }),
		canExport: authorise(actor, 'report:export', { eventId: event.id }),
		displayKey: authorise(actor, 'display:control', { eventId: event.id }) ? event.displayKey : null,
		saved: url.searchParams.has('saved'),
		canInvite,
		staff: canInvite ? await app.repos.staff.listEventStaff(event.id) : []
	};
};

export const actions = {
	forward: async ({ request, params, locals }) => {
		const form = await request.formData();
		const [targetEventId = '', targetDelegationId = ''] = String(form.get('target') ?? '').split('|');
		const forwarded = await (await forumApp()).forwarding.forward(locals.staff?.actor ?? null, params.id, {
			targetEventId,
			targetDelegationId,
			submissionIds: form.getAll('item').map(String)
		});
		if (!forwarded.ok) return fail(forwarded.error.code === 'forbidden' ? 403 : 400, { error: forwarded.error.code });
		return { forwarded: forwarded.data.forwarded };
	},
	rotateScreen: async ({ params, locals }) => {
		const rotated = await (await forumApp()).eventSetup.rotateDisplayKey(locals.staff?.actor ?? null, params.id);
		if (!rotated.ok) return fail(rotated.error.code === 'forbidden' ? 403 : 400, { error: rotated.error.code });
		return { rotated: true };
	},
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
