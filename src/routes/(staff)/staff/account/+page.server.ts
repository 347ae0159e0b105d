import { signedIn, refused } from '$lib/server/http/guard';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { STAFF_COOKIE } from '$lib/server/auth/staff-session';
import { forumApp } from '$lib/server/runtime';

export const load = ({ locals }) => ({ username: signedIn(locals).user.username });

export const actions = {
	/** A new password ends every session of the account; this browser gets a fresh one. */
	password: async ({ request, locals, cookies, url }) => {
		const staff = signedIn(locals);
		const form = await request.formData();
		const changed = await (await forumApp()).staffAuth.changePassword(
			staff.user.username,
			String(form.get('current') ?? ''),
			String(form.get('next') ?? ''),
			String(form.get('repeat') ?? '')
		);
		if (!changed.ok) return refused(changed.error.code);
		setSessionCookie(cookies, url, STAFF_COOKIE, changed.data.token, changed.data.expiresAt);
		return { changed: true };
	}
};
