import { redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/domain/event';

/** The home page's code form lands here: send the visitor on to the event's join page. */
export const load = ({ url }) => {
	const code = normaliseJoinCode(url.searchParams.get('code') ?? '').slice(0, 12);
	redirect(303, code ? `/j/${encodeURIComponent(code)}` : '/');
};
