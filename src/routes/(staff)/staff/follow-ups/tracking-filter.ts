import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '$lib/domain/follow-up';
import type { TrackingFilter } from '$lib/server/services/follow-up-service';

/** The tracking list's filters from its URL: the page and its export read them the same way. */
export function trackingFilter(url: URL) {
	const q = (name: string) => url.searchParams.get(name) ?? '';
	const status = (FOLLOW_UP_STATUSES as readonly string[]).includes(q('status')) ? (q('status') as FollowUpStatus) : undefined;
	const agency = q('agency');
	const filter: TrackingFilter = {
		eventId: q('event') || undefined,
		status,
		topicId: q('topic') || undefined,
		agencyId: agency === 'none' ? null : agency || undefined,
		overdue: Boolean(q('overdue')),
		year: q('year') || undefined,
		level: q('level') || undefined
	};
	const shown = { event: q('event'), year: q('year'), level: q('level'), agency, topic: q('topic'), status: status ?? '', overdue: Boolean(q('overdue')) };
	return { filter, shown };
}
