import { redirect } from '@sveltejs/kit';
import { refused } from '$lib/server/http/guard';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { STAFF_COOKIE, STAFF_DEVICE_COOKIE, STAFF_DEVICE_LIFETIME_MS } from '$lib/server/auth/staff-session';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ locals }) => {
	if (locals.staff) redirect(303, '/staff');
	if (await (await forumApp()).staffAuth.needsSetup()) redirect(303, '/setup');
};

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const signedIn = await (await forumApp()).staffAuth.login(
			username,
			String(form.get('password') ?? ''),
			getClientAddress(),
			cookies.get(STAFF_DEVICE_COOKIE)
		);
		if (!signedIn.ok) return refused(signedIn.error.code, { username });
		setSessionCookie(cookies, url, STAFF_COOKIE, signedIn.data.token, signedIn.data.expiresAt);
		// This browser signed in before: strangers guessing the account elsewhere do not slow it.
		setSessionCookie(cookies, url, STAFF_DEVICE_COOKIE, signedIn.data.device, Date.now() + STAFF_DEVICE_LIFETIME_MS);
		redirect(303, '/staff');
	}
};
