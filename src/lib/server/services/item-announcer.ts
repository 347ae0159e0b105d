/**
 * Tells everyone who may see a change about it, and nobody else. Every service that changes items,
 * the queue or the stage announces through here, so who-sees-what lives in one place:
 * - public items: the audience room (phones, screens, staff) as SubmissionView;
 * - every item (but safeguarding ones): the moderators' consoles as StaffItemView;
 * - the author's own devices: their item in any status;
 * - safeguarding items: the organisers, as an alert.
 */
import { REJECTION_REASONS, isPublic } from '$lib/domain/submission';
import type { Counters, ReviewView, SafeguardingAlert, StaffItemView, StageView } from '$lib/realtime/protocol';
import type { StoredSubmission } from '../repositories';
import { toView, type ServiceDeps } from './deps';

export const NEXT_ON_STAGE = 2;
/** A screen does not scroll: the review shows this many items, with the counts for all. */
const REVIEW_ITEMS = 5;

export function toStaffView({
	eventId: _eventId,
	participantId: _participantId,
	answeredBy: _answeredBy,
	queuePosition: _queuePosition,
	safeguardingHandledAt: _handled,
	originSubmissionId: _origin,
	chaperoneLinkId,
	...view
}: StoredSubmission): StaffItemView {
	return { ...view, preSubmitted: Boolean(chaperoneLinkId) };
}

export function itemAnnouncer({ repos, publisher }: Pick<ServiceDeps, 'repos' | 'publisher'>) {
	async function alertOf(item: StoredSubmission): Promise<SafeguardingAlert> {
		const event = await repos.events.findById(item.eventId);
		return {
			item: toStaffView(item),
			delegationName: event?.delegations.find((d) => d.id === item.delegationId)?.name ?? '',
			handled: item.safeguardingHandledAt !== null
		};
	}

	/** What became of a past forum's items: the counts, and those with news first. */
	async function reviewOf(eventId: string): Promise<ReviewView | null> {
		const [event, followUps] = await Promise.all([repos.events.findById(eventId), repos.followUps.listForEvent(eventId)]);
		if (!event) return null;
		const order = { fulfilled: 0, in_progress: 1, cannot_yet: 2, open: 3 } as const;
		const counts = { open: 0, in_progress: 0, fulfilled: 0, cannot_yet: 0 };
		for (const f of followUps) counts[f.status]++;
		const items = await Promise.all(
			[...followUps]
				.sort((a, b) => order[a.status] - order[b.status])
				.slice(0, REVIEW_ITEMS)
				.map(async (f) => {
					const item = await repos.submissions.findById(f.submissionId);
					return {
						kind: item?.kind ?? ('recommendation' as const),
						text: item?.text ?? '',
						agency: event.agencies.find((a) => a.id === f.agencyId)?.name ?? '',
						status: f.status,
						response: f.response,
						reason: f.reason,
						wayForward: f.wayForward
					};
				})
		);
		return { title: event.title, counts, items };
	}

	async function counters(eventId: string): Promise<Counters> {
		const rows = await repos.submissions.countByStatus(eventId);
		const total = (statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + r.n, 0);
		const notShown = Object.fromEntries(REJECTION_REASONS.map((reason) => [reason, 0])) as Counters['notShown'];
		for (const row of rows) {
			if (row.status === 'rejected' && row.rejectionReason && row.rejectionReason in notShown)
				notShown[row.rejectionReason as keyof Counters['notShown']] += row.n;
		}
		return {
			// Every voice counts, including those only the organiser may read.
			received: total(['pending', 'approved', 'rejected', 'answered', 'follow_up', 'merged', 'withdrawn', 'safeguarding']),
			approved: total(['approved', 'answered', 'follow_up']),
			answered: total(['answered']),
			merged: total(['merged']),
			notShown
		};
	}

	async function stage(eventId: string): Promise<StageView> {
		const [stored, queue, event] = await Promise.all([
			repos.events.getStage(eventId),
			repos.submissions.listQueue(eventId),
			repos.events.findById(eventId)
		]);
		const onScreen = stored?.onScreenId ? await repos.submissions.findById(stored.onScreenId) : null;
		const nextIds = queue.filter((id) => id !== stored?.onScreenId).slice(0, NEXT_ON_STAGE);
		const next = (await Promise.all(nextIds.map((id) => repos.submissions.findById(id)))).filter((s) => s !== null);
		const agendaItem = event?.agenda.find((a) => a.id === stored?.agendaCurrentId);
		const review = stored?.reviewOnScreen && event?.predecessorId ? await reviewOf(event.predecessorId) : null;
		return {
			review,
			// Belt and braces: whatever the pointer says, only a public item is ever shown.
			onScreen: onScreen && isPublic(onScreen.status) ? toView(onScreen) : null,
			onScreenSince: onScreen ? (stored?.onScreenSince ?? null) : null,
			next: next.filter((s) => isPublic(s.status)).map(toView),
			agenda: agendaItem && stored?.agendaStartedAt ? { ...agendaItem, startedAt: stored.agendaStartedAt } : null
		};
	}

	return {
		counters,
		stageView: stage,
		alertOf,

		/**
		 * A new or changed item. `previous` is how it was before the change (null when new): an item
		 * that stops being public is announced to the audience once more, so phones drop it.
		 */
		async item(item: StoredSubmission, previous: StoredSubmission | null) {
			const before = previous?.status ?? null;
			const { eventId, participantId } = item;
			if (item.status === 'safeguarding') {
				publisher.publish({ kind: 'organisers', eventId }, 'safeguarding:alert', await alertOf(item));
			} else {
				publisher.publish({ kind: 'moderators', eventId }, 'item:changed', toStaffView(item));
			}
			const event = before === null ? 'submission:added' : 'submission:updated';
			if (isPublic(item.status) || (before !== null && isPublic(before)))
				publisher.publish({ kind: 'audience', eventId }, event, toView(item));
			else if (participantId) publisher.publish({ kind: 'participant', participantId }, event, toView(item));
			if (before !== item.status) await announceCounters(eventId);
			// Leaving the approved status takes an item out of the queue: the consoles' queue follows.
			if (previous && previous.queuePosition !== null && item.queuePosition === null)
				publisher.publish({ kind: 'moderators', eventId }, 'queue:changed', { queue: await repos.submissions.listQueue(eventId) });
			if (previous && (await touchesStage(previous))) await announceStage(eventId);
		},

		async queue(eventId: string, queue: string[]) {
			publisher.publish({ kind: 'moderators', eventId }, 'queue:changed', { queue });
			await announceStage(eventId);
		},

		stage: announceStage
	};

	async function announceCounters(eventId: string) {
		const figures = await counters(eventId);
		publisher.publish({ kind: 'display', eventId }, 'counters:changed', figures);
		publisher.publish({ kind: 'staff', eventId }, 'counters:changed', figures);
	}

	async function announceStage(eventId: string): Promise<StageView> {
		const view = await stage(eventId);
		publisher.publish({ kind: 'audience', eventId }, 'stage:changed', view);
		return view;
	}

	/** Whether the hall's stage showed this item: on screen, or queued (perhaps among the next). */
	async function touchesStage(previous: StoredSubmission) {
		if (previous.queuePosition !== null) return true;
		return (await repos.events.getStage(previous.eventId))?.onScreenId === previous.id;
	}
}

export type ItemAnnouncer = ReturnType<typeof itemAnnouncer>;
