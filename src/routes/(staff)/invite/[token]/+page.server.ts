import { fail, redirect } from '@sveltejs/kit';
import { refused } from '$lib/server/http/guard';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { STAFF_COOKIE } from '$lib/server/auth/staff-session';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals }) => {
	const summary = await (await forumApp()).invitations.describe(params.token);
	return {
		invitation: summary.ok ? summary.data : null,
		problem: summary.ok ? null : summary.error.code,
		signedInAs: locals.staff?.user.displayName ?? null
	};
};

export const actions = {
	accept: async ({ params, locals }) => {
		if (!locals.staff) return fail(401, { error: 'login_failed' });
		const accepted = await (await forumApp()).invitations.acceptAsUser(params.token, locals.staff.user.id);
		if (!accepted.ok) return refused(accepted.error.code);
		redirect(303, '/staff');
	},
	create: async ({ request, params, cookies, url }) => {
		const form = await request.formData();
		const account = {
			username: String(form.get('username') ?? ''),
			displayName: String(form.get('displayName') ?? ''),
			password: String(form.get('password') ?? '')
		};
		const accepted = await (await forumApp()).invitations.acceptWithNewAccount(params.token, account);
		if (!accepted.ok) return refused(accepted.error.code, { username: account.username });
		setSessionCookie(cookies, url, STAFF_COOKIE, accepted.data.token, accepted.data.expiresAt);
		redirect(303, '/staff');
	}
};
