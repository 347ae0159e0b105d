import { FOLLOW_UP_STATUSES } from '$lib/domain/follow-up';
import { followUpStatusLabel } from '$lib/i18n-follow-up';
import { m } from '$lib/paraglide/messages.js';
import type { ChartWords } from '$lib/server/reports/roll-up-charts';

/** The page's charts speak the reader's language (the Word document's are always Vietnamese). */
export const pageChartWords = (): ChartWords => ({
	titles: { topics: m.rollup_chart_topics(), outcomes: m.rollup_chart_outcomes(), overdue: m.rollup_chart_overdue() },
	status: Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, followUpStatusLabel(s)])) as ChartWords['status'],
	unassigned: m.tracking_unassigned()
});
