import { FOLLOW_UP_STATUSES, isOverdue, type FollowUpStatus } from '$lib/domain/follow-up';
import { EVENT_LEVELS, nameIn } from '$lib/domain/event';
import { signedIn } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

/**
 * The tracking list across events: what is overdue, whose, since when. Filters live in the URL so
 * a link can be shared; each person sees only what their roles allow (the service decides).
 */
export const load = async ({ locals, url }) => {
	const { actor } = signedIn(locals);
	const app = await forumApp();
	const q = (name: string) => url.searchParams.get(name) ?? '';
	const status = (FOLLOW_UP_STATUSES as readonly string[]).includes(q('status')) ? (q('status') as FollowUpStatus) : undefined;
	const agency = q('agency');
	const now = Date.now();
	const rows = await app.followUps.list(actor, {
		eventId: q('event') || undefined,
		status,
		topicId: q('topic') || undefined,
		agencyId: agency === 'none' ? null : agency || undefined,
		overdueAt: q('overdue') ? now : undefined
	});
	const year = q('year');
	const level = q('level');
	const yearOf = (event: { startsAt: number | null; createdAt: number }) => String(new Date(event.startsAt ?? event.createdAt).getUTCFullYear());
	const shown = rows.filter((r) => (!year || yearOf(r.event) === year) && (!level || r.event.level === level));

	// Names for the rows: the events involved, read once each.
	const events = await app.reads.eventsNamed(rows.map((r) => r.followUp.eventId));
	const eventById = new Map(events.map((e) => [e.id, e]));
	return {
		filters: { event: q('event'), year, level, agency, topic: q('topic'), status: status ?? '', overdue: Boolean(q('overdue')) },
		options: {
			events: events.map((e) => ({ id: e.id, title: e.title })),
			years: [...new Set(rows.map((r) => yearOf(r.event)))].sort(),
			levels: EVENT_LEVELS,
			agencies: [...new Map(events.flatMap((e) => e.agencies).map((a) => [a.name, a])).values()],
			topics: events.flatMap((e) => e.topics.map((t) => ({ id: t.id, name: `${t.name} (${e.title})` })))
		},
		rows: shown.map(({ followUp, item, event }) => {
			const details = eventById.get(followUp.eventId);
			return {
				id: followUp.id,
				status: followUp.status,
				dueAt: followUp.dueAt,
				overdue: isOverdue(followUp, now),
				kind: item.kind,
				text: item.text,
				eventTitle: event.title,
				agency: details ? nameIn(details.agencies, followUp.agencyId) : '',
				topic: details ? nameIn(details.topics, item.topicId) : '',
				delegation: details ? nameIn(details.delegations, item.delegationId) : ''
			};
		}),
		now
	};
};
