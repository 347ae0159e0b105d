import { json } from '@sveltejs/kit';
import { forumApp } from '$lib/server/runtime';

export const GET = async () => {
	try {
		if (await (await forumApp()).reads.healthy()) return json({ ok: true, database: 'ok' });
	} catch (error) {
		console.error('health check failed', error);
	}
	return json({ ok: false, database: 'unreachable' }, { status: 503 });
};
