import { nameIn } from '$lib/domain/event';
import { isPublic, SUBMISSION_STATUSES, type FollowUpOutcome, type SubmissionKind, type SubmissionStatus } from '$lib/domain/submission';
import type { ServiceDeps } from './deps';
import { outcomeOf } from './follow-up-service';

export interface OutcomeRow {
	id: string;
	kind: SubmissionKind;
	text: string;
	topic: string;
	delegation: string;
	agency: string;
	status: SubmissionStatus;
	votes: number;
	answerSummary: string | null;
	followUp: FollowUpOutcome | null;
}

const SHOWN = SUBMISSION_STATUSES.filter(isPublic);

/** What became of an event's items, anonymised as on the screen: for the public page and reports. */
export function createOutcomeService({ repos }: ServiceDeps) {
	return {
		async publicOutcome(eventId: string): Promise<OutcomeRow[]> {
			const event = await repos.events.findById(eventId);
			if (!event) return [];
			const [items, followUps] = await Promise.all([repos.submissions.listByStatus(eventId, SHOWN), repos.followUps.listForEvent(eventId)]);
			const bySubmission = new Map(followUps.map((f) => [f.submissionId, f]));
			return items
				.sort((a, b) => a.createdAt - b.createdAt)
				.map((item) => {
					const followUp = bySubmission.get(item.id);
					return {
						id: item.id,
						kind: item.kind,
						text: item.text,
						topic: nameIn(event.topics, item.topicId),
						delegation: nameIn(event.delegations, item.delegationId),
						agency: nameIn(event.agencies, followUp?.agencyId ?? item.agencyId),
						status: item.status,
						votes: item.votes,
						answerSummary: item.answerSummary,
						followUp: followUp ? outcomeOf(followUp) : null
					};
				});
		}
	};
}

export type OutcomeService = ReturnType<typeof createOutcomeService>;
