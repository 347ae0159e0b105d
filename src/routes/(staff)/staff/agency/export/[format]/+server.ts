import { error } from '@sveltejs/kit';
import { signedIn } from '$lib/server/http/guard';
import { trackingCsv, trackingXlsx } from '$lib/server/reports/follow-up-list';
import { forumApp } from '$lib/server/runtime';
import { agencyFilter } from '../../agency-filter';

const TYPES = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
} as const;

/** The agency view as shown (same filters, same rows, overdue first), as the tracking list's file. */
export const GET = async ({ params, locals, url }) => {
	const { actor } = signedIn(locals);
	if (!Object.hasOwn(TYPES, params.format)) error(404, { message: 'unknown_event' });
	const format = params.format as keyof typeof TYPES;
	const now = Date.now();
	const { rows } = await (await forumApp()).followUps.agencyView(actor, agencyFilter(url).filter, now);
	const body = format === 'xlsx' ? new Uint8Array(await trackingXlsx(rows, now)) : trackingCsv(rows, now);
	return new Response(body, {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="co-quan-theo-doi.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
