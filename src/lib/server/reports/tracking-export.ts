/**
 * The download of a list of follow-ups (.xlsx or .csv), one answer for every page that shows such a
 * list: the organiser's tracking dashboard and the agency's view hand over the rows they show and
 * the file's name, and get the same file shape, headers and 404 for an unknown format.
 */
import { error } from '@sveltejs/kit';
import type { TrackingRow } from '../services/follow-up-service';
import { trackingCsv, trackingXlsx } from './follow-up-list';

const TYPES = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
} as const;

/**
 * `rowsAt` is only asked once the format is known, so an unknown format costs no query; it gets
 * the same `now` the file uses for its overdue days.
 */
export async function trackingDownload(
	format: string,
	fileName: string,
	rowsAt: (now: number) => Promise<TrackingRow[]>
): Promise<Response> {
	// Own keys only: `in` also finds "toString", "constructor" and "__proto__" on the prototype.
	if (!Object.hasOwn(TYPES, format)) error(404, { message: 'unknown_event' });
	const type = format as keyof typeof TYPES;
	const now = Date.now();
	const rows = await rowsAt(now);
	const body = type === 'xlsx' ? new Uint8Array(await trackingXlsx(rows, now)) : trackingCsv(rows, now);
	return new Response(body, {
		headers: {
			'content-type': TYPES[type],
			'content-disposition': `attachment; filename="${fileName}.${type}"`,
			'cache-control': 'no-store'
		}
	});
}
