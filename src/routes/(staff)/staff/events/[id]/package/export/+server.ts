import { error } from '@sveltejs/kit';
import { forumApp } from '$lib/server/runtime';

/** The package as a download; a form posts here with the items the organiser sends upward with it. */
export const POST = async ({ params, locals, request }) => {
	const form = await request.formData();
	const exported = await (await forumApp()).forumPackages.exportPackage(locals.staff?.actor ?? null, params.id, form.getAll('item').map(String));
	if (!exported.ok) {
		const code = exported.error.code;
		error(code === 'forbidden' || code === 'unknown_event' ? 404 : 400, { message: code });
	}
	return new Response(new Uint8Array(exported.data.bytes), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${exported.data.fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
