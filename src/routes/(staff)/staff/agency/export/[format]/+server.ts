import { signedIn } from '$lib/server/http/guard';
import { trackingDownload } from '$lib/server/reports/tracking-export';
import { forumApp } from '$lib/server/runtime';
import { agencyFilter } from '../../agency-filter';

/** The agency view as shown (same filters, same rows, overdue first), as the tracking list's file. */
export const GET = async ({ params, locals, url }) => {
	const { actor } = signedIn(locals);
	return trackingDownload(params.format, 'co-quan-theo-doi', async (now) => {
		const { rows } = await (await forumApp()).followUps.agencyView(actor, agencyFilter(url).filter, now);
		return rows;
	});
};
