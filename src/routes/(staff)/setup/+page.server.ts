import { redirect } from '@sveltejs/kit';
import { refused } from '$lib/server/http/guard';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { STAFF_COOKIE } from '$lib/server/auth/staff-session';
import { forumApp } from '$lib/server/runtime';

/** First-run page: creates the first organiser account, then locks itself for good. */
export const load = async () => {
	if (!(await (await forumApp()).staffAuth.needsSetup())) redirect(303, '/login');
};

export const actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const input = {
			username: String(form.get('username') ?? ''),
			displayName: String(form.get('displayName') ?? ''),
			password: String(form.get('password') ?? '')
		};
		const created = await (await forumApp()).staffAuth.setupFirstOrganiser(input);
		if (!created.ok) return refused(created.error.code, { username: input.username });
		setSessionCookie(cookies, url, STAFF_COOKIE, created.data.token, created.data.expiresAt);
		redirect(303, '/staff');
	}
};
