import { notFoundUnless, signedIn } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

export const load = async ({ params, locals }) => {
	const log = await (await forumApp()).reads.eventLog(signedIn(locals).actor, params.id);
	notFoundUnless(log);
	return log;
};
