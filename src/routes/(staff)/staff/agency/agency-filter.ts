import { trackingFilter } from '../follow-ups/tracking-filter';

/** The agency view's filters from its URL (forum, status, overdue): the page and its export alike. */
export function agencyFilter(url: URL) {
	const { filter, shown } = trackingFilter(url);
	return {
		filter: { eventId: filter.eventId, status: filter.status, overdue: filter.overdue },
		shown: { event: shown.event, status: shown.status, overdue: shown.overdue }
	};
}
