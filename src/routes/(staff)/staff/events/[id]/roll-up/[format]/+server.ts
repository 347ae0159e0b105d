import { error } from '@sveltejs/kit';
import { forumApp } from '$lib/server/runtime';
import { rollUpDocx } from '$lib/server/reports/roll-up-docx';
import { rollUpXlsx } from '$lib/server/reports/roll-up-xlsx';

const TYPES = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

/** The roll-up's downloads: the compiled report (.docx) and workbook (.xlsx). */
export const GET = async ({ params, locals }) => {
	if (!Object.hasOwn(TYPES, params.format)) error(404, { message: 'unknown_event' });
	const format = params.format as keyof typeof TYPES;
	const app = await forumApp();
	const gathered = await app.rollUps.gather(locals.staff?.actor ?? null, params.id);
	if (!gathered.ok || !locals.staff) error(404, { message: 'unknown_event' });
	if (!gathered.data.forums.length) error(400, { message: 'nothing_to_report' });
	await app.rollUps.recordExport(locals.staff.actor, params.id, format);
	const body = format === 'docx' ? await rollUpDocx(gathered.data) : await rollUpXlsx(gathered.data);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="bao-cao-tong-hop-${gathered.data.event.code}.${format}"`,
			'cache-control': 'no-store'
		}
	});
};
