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

/**
 * A same-site path to return to, or the home page. Parsed as a URL against a stand-in origin: a
 * value that leaves it ("//evil", "/\\evil") is refused, and what is kept is percent-encoded, so
 * no character can break the Location header.
 */
function safeBack(back: string | null): string {
	if (!back?.startsWith('/')) return '/';
	const here = 'http://same-site.invalid';
	try {
		const url = new URL(back, here);
		return url.origin === here ? url.pathname + url.search : '/';
	} catch {
		return '/';
	}
}
