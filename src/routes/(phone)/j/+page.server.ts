import { redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/event';

/** The home page's code form lands here: send the visitor on to the event's join page. */
export const load = ({ url }) => {
	// Cut by characters, not UTF-16 units: half an emoji cannot be URI-encoded (it threw, 500).
	const code = Array.from(normaliseJoinCode(url.searchParams.get('code') ?? '')).slice(0, 12).join('');
	redirect(303, code ? `/j/${encodeURIComponent(code)}` : '/');
};
