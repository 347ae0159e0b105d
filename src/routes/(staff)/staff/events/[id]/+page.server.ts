import { authorise } from '$lib/domain/staff';
import { refused, staffEvent } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals, url }) => {
	const { app, actor, event, staff } = await staffEvent(locals, 'event:view', params.id);
	const canInvite = authorise(actor, 'staff:invite', { eventId: event.id });
	const canEdit = authorise(actor, 'event:edit', { eventId: event.id });
	// Upward: this forum's shown recommendations and messages, and the higher forums to send them to.
	const forwardable = await app.reads.forwardable(actor, event.id);
	const forwardTargets = canEdit ? await app.forwarding.targets(actor, event.id) : [];
	return {
		forwardable,
		forwardTargets,
		event: { id: event.id, title: event.title, code: event.code, level: event.level, agencies: event.agencies, agenda: event.agenda },
		canEdit,
		canModerate: authorise(actor, 'submission:moderate', { eventId: event.id }),
		canAnswer: actor.roles.some((r) => r.eventId === event.id && r.role === 'leader') || authorise(actor, 'followUp:assign', { eventId: event.id }),
		canViewLog: authorise(actor, 'audit:view', { eventId: event.id }),
		canExport: authorise(actor, 'report:export', { eventId: event.id }),
		displayKey: authorise(actor, 'display:control', { eventId: event.id }) ? event.displayKey : null,
		saved: url.searchParams.has('saved'),
		canInvite,
		me: staff.user.username,
		staff: await app.reads.eventStaff(actor, event.id)
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
		if (!forwarded.ok) return refused(forwarded.error.code);
		return { forwarded: forwarded.data.forwarded };
	},
	rotateScreen: async ({ params, locals }) => {
		const rotated = await (await forumApp()).eventSetup.rotateDisplayKey(locals.staff?.actor ?? null, params.id);
		if (!rotated.ok) return refused(rotated.error.code);
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
		if (!invited.ok) return refused(invited.error.code);
		return { link: `${url.origin}/invite/${invited.data.token}` };
	},
	/** Removes a member's roles here, signs them out everywhere, and makes a new link for the same roles. */
	resetAccess: async ({ request, params, locals, url }) => {
		const username = String((await request.formData()).get('username') ?? '');
		const reset = await (await forumApp()).invitations.resetAccess(locals.staff?.actor ?? null, params.id, username);
		if (!reset.ok) return refused(reset.error.code);
		return { reset: { username, links: reset.data.links.map((l) => `${url.origin}/invite/${l.token}`) } };
	}
};
