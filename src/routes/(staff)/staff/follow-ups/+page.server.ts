import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '$lib/domain/follow-up';
import { EVENT_LEVELS } from '$lib/domain/event';
import { signedIn } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';
import { trackingFilter } from './tracking-filter';

/**
 * The tracking list across events: what is overdue, whose, since when. Filters live in the URL so
 * a link can be shared (and the export takes the same); each person sees only what their roles
 * allow (the service decides).
 */
export const load = async ({ locals, url }) => {
	const { actor } = signedIn(locals);
	const app = await forumApp();
	const now = Date.now();
	const { filter, shown } = trackingFilter(url);
	const { rows, events, years } = await app.followUps.tracking(actor, filter, now);

	// At a glance: how many per status, how many overdue, and the same per agency.
	const zero = () => ({ ...(Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, 0])) as Record<FollowUpStatus, number>), overdue: 0, total: 0 });
	const totals = zero();
	const byAgency = new Map<string, { agency: string; agencyId: string | null; counts: ReturnType<typeof zero> }>();
	for (const row of rows) {
		const key = row.agency || '';
		const entry = byAgency.get(key) ?? { agency: row.agency, agencyId: row.agencyId, counts: zero() };
		byAgency.set(key, entry);
		for (const counts of [totals, entry.counts]) {
			counts[row.status] += 1;
			counts.total += 1;
			if (row.overdue) counts.overdue += 1;
		}
	}
	return {
		filters: shown,
		options: {
			events: events.map((e) => ({ id: e.id, title: e.title })),
			years,
			levels: EVENT_LEVELS,
			agencies: [...new Map(events.flatMap((e) => e.agencies).map((a) => [a.name, a])).values()],
			topics: events.flatMap((e) => e.topics.map((t) => ({ id: t.id, name: `${t.name} (${e.title})` })))
		},
		summary: { totals, agencies: [...byAgency.values()].sort((a, b) => b.counts.overdue - a.counts.overdue || b.counts.total - a.counts.total) },
		rows,
		search: url.search,
		now
	};
};
