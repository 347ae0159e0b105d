import { json } from '@sveltejs/kit';
import { forumApp } from '$lib/server/runtime';

/**
 * 200 {ok: true, database: 'ok'} when the store answers and takes writes. 503 otherwise, quickly:
 * 'busy' while another process holds the write lock (writes wait for it, reads still answer),
 * 'failing' after the disk refused a write (a full disk), 'unreachable' when nothing answers.
 *
 * With several processes (REDIS_URL) it also says `redis: 'ok' | 'down'`, without turning the
 * answer into a 503: a process that lost Redis still serves its own phones (limits fall back to
 * memory), and a front that took every process out for it would stop the whole forum.
 */
export const GET = async () => {
	try {
		const app = await forumApp();
		if (await app.reads.healthy()) {
			const database = app.reads.databaseHealth();
			const redis = app.cluster ? { redis: app.cluster.health() } : {};
			if (database === 'ok') return json({ ok: true, database, ...redis });
			return json({ ok: false, database, ...redis }, { status: 503, headers: { 'retry-after': '1' } });
		}
	} catch (error) {
		console.error('health check failed', error);
	}
	return json({ ok: false, database: 'unreachable' }, { status: 503 });
};
