import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';

/**
 * The language switch without scripts: a plain GET form (LanguageSwitch.svelte) lands here, the
 * choice goes into the same cookie paraglide reads, and the visitor goes back to the page they were
 * on. Only a path on this site is followed back, never another host ("//evil", "/\evil").
 */
export const GET = ({ url, cookies }) => {
	const to = url.searchParams.get('to') ?? '';
	if (isLocale(to)) cookies.set(cookieName, to, { path: '/', maxAge: cookieMaxAge, httpOnly: false, secure: false, sameSite: 'lax' });
	redirect(303, safeBack(url.searchParams.get('back')));
};

/** A same-site path to return to, or the home page. */
function safeBack(back: string | null): string {
	if (!back || !/^\/(?![/\\])/.test(back) || /[\u0000-\u001f\\]/.test(back)) return '/';
	return back;
}
