/**
 * The roll-up's charts, drawn on the server by Apache ECharts' SVG renderer (no canvas, no browser):
 * the same SVG is the page's image and, with a PNG at twice the size rendered by resvg as the
 * fallback for older Word, the Word document's. Nothing of it reaches a browser bundle.
 */
import { Resvg } from '@resvg/resvg-js';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '$lib/domain/follow-up';
import type { ForumFigures } from '$lib/domain/roll-up';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export const CHART_NAMES = ['topics', 'outcomes', 'overdue'] as const;
export type ChartName = (typeof CHART_NAMES)[number];

export interface ChartWords {
	titles: Record<ChartName, string>;
	status: Record<FollowUpStatus, string>;
	unassigned: string;
}

export interface Chart {
	name: ChartName;
	title: string;
	svg: string;
	width: number;
	height: number;
}

/** Fonts with full Vietnamese coverage that Debian's Chromium brings; resvg finds them the same way. */
const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
const WIDTH = 640;
/** Dark enough on white for a projector or a photocopy; each series also carries its number. */
const STATUS_COLOURS: Record<FollowUpStatus, string> = { open: '#8a5a00', in_progress: '#1f5fa8', fulfilled: '#1e7a3c', cannot_yet: '#a32020' };

function render(option: Record<string, unknown>, rows: number, legend = false): { svg: string; height: number } {
	// The legend may take two lines: Vietnamese status names are long.
	const height = Math.max(160, 60 + (legend ? 64 : 0) + rows * 40);
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
	chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY, fontSize: 13, color: '#1a1a1a' }, ...option });
	const svg = chart.renderToSVGString();
	chart.dispose();
	return { svg, height };
}

/** Horizontal bars: Vietnamese names of topics and agencies are long, and read best on the left. */
function bars(categories: string[], series: Record<string, unknown>[], legend: boolean) {
	return {
		grid: { left: 12, right: 36, top: legend ? 72 : 12, bottom: 12, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
		legend: legend ? { top: 4, left: 'center', textStyle: { fontFamily: FONT_FAMILY } } : undefined,
		xAxis: { type: 'value', minInterval: 1 },
		// ECharts draws the first category at the bottom: reversed, the list reads top-down as in the tables.
		yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 220, overflow: 'break' } },
		series
	};
}

/** The charts worth drawing for these figures (none for an empty one, e.g. no follow-ups yet). */
export function rollUpCharts(totals: ForumFigures, words: ChartWords): Chart[] {
	const charts: Chart[] = [];
	const agencyName = (name: string) => name || words.unassigned;
	const add = (name: ChartName, drawn: { svg: string; height: number }) =>
		charts.push({ name, title: words.titles[name], svg: drawn.svg, width: WIDTH, height: drawn.height });

	const topics = totals.byTopic.filter((t) => t.items > 0);
	if (topics.length)
		add(
			'topics',
			render(bars(topics.map((t) => t.topic || '—'), [{ type: 'bar', data: topics.map((t) => t.items), color: '#1f5fa8', label: { show: true, position: 'right' } }], false), topics.length)
		);

	const followed = totals.byAgency.filter((a) => FOLLOW_UP_STATUSES.some((s) => a.outcomes[s] > 0));
	if (followed.length)
		add(
			'outcomes',
			render(
				bars(
					followed.map((a) => agencyName(a.agency)),
					FOLLOW_UP_STATUSES.map((s) => ({
						type: 'bar',
						name: words.status[s],
						stack: 'outcomes',
						color: STATUS_COLOURS[s],
						data: followed.map((a) => a.outcomes[s] || null),
						label: { show: true, color: '#ffffff' }
					})),
					true
				),
				followed.length,
				true
			)
		);

	const overdue = totals.byAgency.filter((a) => a.overdue > 0);
	if (overdue.length)
		add(
			'overdue',
			render(bars(overdue.map((a) => agencyName(a.agency)), [{ type: 'bar', data: overdue.map((a) => a.overdue), color: '#a32020', label: { show: true, position: 'right' } }], false), overdue.length)
		);
	return charts;
}

/** The chart as a PNG at twice its size, for Word versions that cannot show SVG. */
export function chartPng(chart: Chart): Buffer {
	return new Resvg(chart.svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
		.render()
		.asPng();
}
