/**
 * Before the day (Circular 29's preparation step): each delegation's chaperone sends about three
 * questions and three recommendations through a private link, by a deadline, so that agencies can
 * prepare their answers. Pure rules: when a link may still send, and the organiser's overview.
 */
import type { SubmissionStatus, SubmissionView } from './submission';

export interface PreEventSettings {
	/** Sending closes at this time; null: open until the forum starts (or, without a date, until set). */
	deadline: number | null;
	/** Items each delegation may send ahead. */
	limit: number;
	/** Leaders see the items addressed to their agency, to prepare. */
	openToAgencies: boolean;
}

export const PRE_LIMIT_MAX = 30;

/** When the chaperones' links stop accepting and changing items. */
export function closesAt(settings: PreEventSettings, startsAt: number | null): number | null {
	return settings.deadline ?? startsAt;
}

export function isOpen(settings: PreEventSettings, startsAt: number | null, now: number): boolean {
	const closes = closesAt(settings, startsAt);
	return closes === null || now < closes;
}

/** A chaperone may change or take back an item the moderators have not acted on yet. */
export const EDITABLE_STATUSES: readonly SubmissionStatus[] = ['pending', 'approved'];

export interface PreEventItem extends Pick<SubmissionView, 'id' | 'kind' | 'topicId' | 'agencyId' | 'delegationId' | 'text' | 'status'> {
	/** A lower-level forum's name when forwarded from there; null when a chaperone sent it. */
	originLabel: string | null;
}

interface Named {
	id: string;
	name: string;
}

export interface PreEventOverview {
	byTopic: { topic: Named; items: PreEventItem[] }[];
	byAgency: { agency: Named | null; items: PreEventItem[] }[];
	/** Every delegation, with how many items it sent: those at zero have not sent anything yet. */
	byDelegation: { delegation: Named; items: number }[];
}

/** Groups the items sent ahead for the organiser; items in danger or withdrawn are not listed. */
export function preEventOverview(
	items: readonly PreEventItem[],
	lists: { topics: readonly Named[]; agencies: readonly Named[]; delegations: readonly Named[] }
): PreEventOverview {
	const listed = items.filter((i) => i.status !== 'safeguarding' && i.status !== 'withdrawn');
	const byTopic = lists.topics.map((topic) => ({ topic, items: listed.filter((i) => i.topicId === topic.id) })).filter((g) => g.items.length);
	const byAgency = [...lists.agencies, null]
		.map((agency) => ({ agency, items: listed.filter((i) => i.agencyId === (agency?.id ?? null)) }))
		.filter((g) => g.items.length);
	const byDelegation = lists.delegations.map((delegation) => ({
		delegation,
		items: listed.filter((i) => i.delegationId === delegation.id && i.originLabel === null).length
	}));
	return { byTopic, byAgency, byDelegation };
}
