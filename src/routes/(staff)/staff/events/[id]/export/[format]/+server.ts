import { error } from '@sveltejs/kit';
import { forumApp } from '$lib/server/runtime';
import { docxReport } from '$lib/server/reports/docx-report';
import { csvReport, xlsxReport } from '$lib/server/reports/spreadsheet-report';

const TYPES = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
} as const;

/** The organiser's downloads: the report (.docx), the full item list (.xlsx, .csv). */
export const GET = async ({ params, locals }) => {
	// Own keys only: `in` also found "toString", "constructor" and "__proto__" on the prototype.
	if (!Object.hasOwn(TYPES, params.format)) error(404, { message: 'unknown_event' });
	const format = params.format as keyof typeof TYPES;
	const gathered = await (await forumApp()).reports.gather(locals.staff?.actor ?? null, params.id);
	if (!gathered.ok) {
		const code = gathered.error.code;
		error(code === 'forbidden' || code === 'unknown_event' ? 404 : 400, { message: code });
	}
	const body =
		format === 'docx' ? await docxReport(gathered.data) : format === 'xlsx' ? await xlsxReport(gathered.data) : csvReport(gathered.data);
	const name = format === 'docx' ? 'bao-cao' : 'danh-sach-y-kien';
	return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="${name}-${gathered.data.event.code}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
