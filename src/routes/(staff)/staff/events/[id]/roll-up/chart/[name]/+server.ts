import { error } from '@sveltejs/kit';
import { forumApp } from '$lib/server/runtime';
import { CHART_NAMES, rollUpCharts, type ChartName } from '$lib/server/reports/roll-up-charts';
import { pageChartWords } from '../../chart-words';

/** One of the roll-up's charts as SVG, for the page's <img>: drawn on the server, no chart code in a bundle. */
export const GET = async ({ params, locals }) => {
	const name = params.name.replace(/\.svg$/, '');
	if (!(CHART_NAMES as readonly string[]).includes(name)) error(404, { message: 'unknown_event' });
	const gathered = await (await forumApp()).rollUps.gather(locals.staff?.actor ?? null, params.id);
	if (!gathered.ok) error(404, { message: 'unknown_event' });
	const chart = rollUpCharts(gathered.data.totals, pageChartWords()).find((c) => c.name === (name as ChartName));
	if (!chart) error(404, { message: 'unknown_event' });
	return new Response(chart.svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'no-store' } });
};
