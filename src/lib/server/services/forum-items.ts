import { nameIn, type EventDetails } from '$lib/domain/event';
import type { ReportItem } from '$lib/domain/report';
import { SUBMISSION_STATUSES } from '$lib/domain/submission';
import type { Repositories, StoredFollowUp } from '../repositories';

/**
 * What a forum's figures count as items. Withdrawn and merged items are the children's own choices
 * or duplicates: not reported as items (merged ones count through the item they were merged into).
 * Safeguarding items are never gathered: every file made from these figures may be sent on to
 * agencies, and the organiser acts on those items from the private safeguarding view alone.
 */
const REPORTED = SUBMISSION_STATUSES.filter((s) => s !== 'withdrawn' && s !== 'merged' && s !== 'safeguarding');

/** One reported item, with what the roll-up adds to it: which submission it is and its follow-up. */
export interface GatheredItem {
	submissionId: string;
	item: ReportItem;
	followUp: StoredFollowUp | undefined;
}

export interface ForumItems {
	/** Oldest first. */
	items: GatheredItem[];
	participation: { delegation: string; participants: number }[];
	/** Sent privately to the organiser: a number, never an item. */
	safeguarding: number;
}

/**
 * One forum's items with their follow-ups, who took part per delegation, and how many safeguarding
 * items came in: what the forum's own report and the higher level's roll-up both count from.
 */
export async function gatherForumItems(repos: Repositories, event: EventDetails): Promise<ForumItems> {
	const [stored, followUps, participation, safeguarding] = await Promise.all([
		repos.submissions.listByStatus(event.id, REPORTED),
		repos.followUps.listForEvent(event.id),
		repos.participants.countByDelegation(event.id),
		repos.submissions.listByStatus(event.id, ['safeguarding']).then((found) => found.length)
	]);
	const bySubmission = new Map(followUps.map((f) => [f.submissionId, f]));
	const items = stored
		.sort((a, b) => a.createdAt - b.createdAt)
		.map((item): GatheredItem => {
			const followUp = bySubmission.get(item.id);
			return {
				submissionId: item.id,
				followUp,
				item: {
					kind: item.kind,
					status: item.status,
					topic: nameIn(event.topics, item.topicId),
					delegation: nameIn(event.delegations, item.delegationId),
					agency: nameIn(event.agencies, followUp?.agencyId ?? item.agencyId),
					text: item.text,
					votes: item.votes,
					answerSummary: item.answerSummary,
					answeredBy: item.answeredBy,
					followUpStatus: followUp?.status ?? null,
					followUpResponse: followUp?.response ?? '',
					followUpReason: followUp?.reason ?? '',
					followUpWayForward: followUp?.wayForward ?? ''
				}
			};
		});
	return {
		items,
		participation: event.delegations.map((d) => ({
			delegation: d.name,
			participants: participation.find((p) => p.delegationId === d.id)?.n ?? 0
		})),
		safeguarding
	};
}
