import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { STAFF_COOKIE } from '$lib/server/auth/staff-session';
import { forumApp } from '$lib/server/runtime';

export const load = () => redirect(303, '/login');

export const actions = {
	/** Ends this session; with `everywhere`, every session of the account. */
	default: async ({ request, cookies, url, locals }) => {
		const app = await forumApp();
		const token = cookies.get(STAFF_COOKIE);
		if ((await request.formData()).get('everywhere') && locals.staff) await app.staffAuth.logoutEverywhere(locals.staff.user.id);
		else if (token) await app.staffAuth.logout(token);
		clearSessionCookie(cookies, url, STAFF_COOKIE);
		redirect(303, '/login');
	}
};
