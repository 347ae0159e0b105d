import { error, fail, redirect } from '@sveltejs/kit';
import { publicDetails } from '$lib/domain/event';
import { setParticipantCookie } from '$lib/server/auth/cookies';
import { forumApp } from '$lib/server/runtime';

async function findEvent(code: string) {
	const app = await forumApp();
	const event = await app.events.findByJoinCode(code);
	if (!event) error(404, { message: 'unknown_event', kind: 'unknown_event', code: code.slice(0, 12) });
	return { app, event };
}

export const load = async ({ params, locals }) => {
	const { app, event } = await findEvent(params.code);
	if (event.code !== params.code) redirect(308, `/j/${event.code}`);
	const participant = locals.participant?.eventId === event.id ? locals.participant : null;
	return {
		event: publicDetails(event),
		participant: participant && {
			id: participant.id,
			delegationId: participant.delegationId,
			nickname: participant.nickname
		},
		snapshot: participant ? await app.snapshots.participant(participant) : null
	};
};

export const actions = {
	join: async ({ request, params, cookies, url, getClientAddress }) => {
		const { app, event } = await findEvent(params.code);
		const form = await request.formData();
		const input = {
			delegationId: String(form.get('delegationId') ?? ''),
			nickname: String(form.get('nickname') ?? ''),
			showNickname: form.get('showNickname') === 'on'
		};
		const joined = await app.sessions.join(event, input, getClientAddress());
		if (!joined.ok) return fail(400, { error: joined.error.code, ...input });
		setParticipantCookie(cookies, url, joined.data.token, joined.data.expiresAt);
		redirect(303, `/j/${event.code}`);
	}
};
