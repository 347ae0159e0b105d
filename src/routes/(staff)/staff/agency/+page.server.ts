import { signedIn } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';
import { agencyFilter } from './agency-filter';

/**
 * An agency across the province: a leader or follow-up officer sees what their agency has to
 * answer in every forum they are invited to, overdue first; the filters live in the URL.
 */
export const load = async ({ locals, url }) => {
	const { actor } = signedIn(locals);
	const now = Date.now();
	const { filter, shown } = agencyFilter(url);
	const view = await (await forumApp()).followUps.agencyView(actor, filter, now);
	const agencies = [...new Set(view.agencies.map((a) => a.agency).filter(Boolean))];
	return { ...view, agencies, filters: shown, search: url.search, now };
};
