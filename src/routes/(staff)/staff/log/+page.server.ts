import { notFoundUnless, signedIn } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

/** Refusals that belong to no forum: for organiser accounts, who run the whole installation. */
export const load = async ({ locals }) => {
	const rows = await (await forumApp()).reads.installationLog(signedIn(locals).actor);
	notFoundUnless(rows, 'forbidden');
	return { rows };
};
