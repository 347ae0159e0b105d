import { error } from '@sveltejs/kit';
import { refused, staffEvent } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';
import { rollUpCharts } from '$lib/server/reports/roll-up-charts';
import { pageChartWords } from './chart-words';

/**
 * The province compiles: every lower-level forum linked to this one with its figures, the totals,
 * the charts (drawn on the server, shown as images) and the downloads; the organiser links and
 * unlinks the lower-level forums they run here.
 */
export const load = async ({ params, locals }) => {
	const { app, actor, event } = await staffEvent(locals, 'report:export', params.id);
	const [gathered, links] = await Promise.all([app.rollUps.gather(actor, event.id), app.rollUps.links(actor, event.id)]);
	if (!gathered.ok) error(404, { message: gathered.error.code });
	const { forums, totals } = gathered.data;
	return {
		event: { id: event.id, title: event.title, level: event.level },
		forums: forums.map((f) => ({ id: f.eventId, title: f.title, level: f.level, figures: f.figures })),
		totals,
		charts: rollUpCharts(totals, pageChartWords()).map(({ name, title, width, height }) => ({ name, title, width, height })),
		links: links ?? { linked: [], linkable: [] }
	};
};

export const actions = {
	link: async ({ request, params, locals }) => {
		const child = String((await request.formData()).get('forum') ?? '');
		const linked = await (await forumApp()).rollUps.link(locals.staff?.actor ?? null, params.id, child);
		if (!linked.ok) return refused(linked.error.code);
		return { linked: true };
	},
	unlink: async ({ request, params, locals }) => {
		const child = String((await request.formData()).get('forum') ?? '');
		const unlinked = await (await forumApp()).rollUps.unlink(locals.staff?.actor ?? null, params.id, child);
		if (!unlinked.ok) return refused(unlinked.error.code);
		return { unlinked: true };
	}
};
