import { signedIn } from '$lib/server/http/guard';
import { trackingDownload } from '$lib/server/reports/tracking-export';
import { forumApp } from '$lib/server/runtime';
import { trackingFilter } from '../../tracking-filter';

/** The tracking list as shown (same filters, same rows this person may see), as a file. */
export const GET = async ({ params, locals, url }) => {
	const { actor } = signedIn(locals);
	return trackingDownload(params.format, 'theo-doi', async (now) => {
		const { rows } = await (await forumApp()).followUps.tracking(actor, trackingFilter(url).filter, now);
		return rows;
	});
};
