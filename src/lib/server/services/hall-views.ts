/**
 * How the stored forum looks to each surface: the stage, the counters, an alert, a poll's results,
 * an item as staff see it. Read by the snapshots and by the announcer, so a reconnecting screen and
 * a live one are drawn from the same function.
 */
import { nameIn } from '$lib/domain/event';
import { tallyPoll, type PollTally } from '$lib/domain/poll';
import { isPublic, publicView, REJECTION_REASONS, type Submission } from '$lib/domain/submission';
import type { Counters, PollView, ReviewView, SafeguardingAlert, SafeguardingNotice, StaffSubmissionView, StageView } from '$lib/realtime/protocol';
import type { Repositories, StoredPoll } from '../repositories';
import type { Publisher } from './publisher';

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
}: Submission): StaffSubmissionView {
	return { ...view, preSubmitted: Boolean(chaperoneLinkId) };
}

/** `presence` says who is connected (the publisher's side); views never send anything. */
export function hallViews(repos: Repositories, presence: Pick<Publisher, 'present'>) {
	async function alertOf(item: Submission): Promise<SafeguardingAlert> {
		const event = await repos.events.findById(item.eventId);
		return {
			item: toStaffView(item),
			delegationName: nameIn(event?.delegations ?? [], item.delegationId),
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
						agency: nameIn(event.agencies, f.agencyId),
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
			onScreen: onScreen && isPublic(onScreen.status) ? publicView(onScreen) : null,
			onScreenSince: onScreen ? (stored?.onScreenSince ?? null) : null,
			next: next.filter((s) => isPublic(s.status)).map((s) => publicView(s)),
			agenda: agendaItem && stored?.agendaStartedAt ? { ...agendaItem, startedAt: stored.agendaStartedAt } : null
		};
	}

	/** A poll's results; open answers are items, and only those the moderators let through count as text. */
	async function pollTally(poll: StoredPoll): Promise<PollTally> {
		const answers = await repos.polls.listAnswers(poll.id);
		const tally = tallyPoll(poll, answers);
		if (poll.kind !== 'open') return tally;
		const items = await Promise.all(answers.map((a) => ('itemId' in a.answer && a.answer.itemId ? repos.submissions.findById(a.answer.itemId) : null)));
		return { ...tally, texts: items.filter((i) => i && isPublic(i.status)).map((i) => i!.text) };
	}

	async function poll(stored: StoredPoll, withTally: boolean): Promise<PollView> {
		const { eventId: _eventId, ...rest } = stored;
		return { ...rest, tally: withTally ? await pollTally(stored) : null };
	}

	/** Whether the hall's stage showed this item: on screen, or queued (perhaps among the next). */
	async function touchedStage(previous: Submission) {
		if (previous.queuePosition !== null) return true;
		return (await repos.events.getStage(previous.eventId))?.onScreenId === previous.id;
	}

	async function safeguardingNotice(eventId: string): Promise<SafeguardingNotice> {
		const [alerts, organiserOnline] = await Promise.all([
			repos.submissions.listByStatus(eventId, ['safeguarding']),
			presence.present({ kind: 'organisers', eventId })
		]);
		return { waiting: alerts.filter((a) => a.safeguardingHandledAt === null).length, organiserOnline };
	}

	return { alertOf, counters, stage, poll, pollTally, touchedStage, safeguardingNotice };
}

export type HallViews = ReturnType<typeof hallViews>;
