import type { Repositories, StoredSubmission } from '../repositories';
import type { Publisher } from './publisher';
import type { RateLimiter } from './rate-limit';
import type { SubmissionView } from '$lib/domain/submission';

export interface ServiceDeps {
	repos: Repositories;
	publisher: Publisher;
	limiter: RateLimiter;
	now(): number;
	newId(): string;
}

/** What every phone and the screen may see of an item: named fields only, never staff records. */
/**
 * What nobody has decided yet about a new item: each way in (a phone, a paper card, a chaperone,
 * a lower-level forum) spreads this and sets only what it knows.
 */
export const NEW_ITEM = {
	votes: 0,
	rejectionReason: null,
	answerSummary: null,
	answeredBy: null,
	heldReason: null,
	mergedInto: null,
	originalText: null,
	decidedBy: null,
	enteredBy: null,
	queuePosition: null,
	safeguardingHandledAt: null,
	originSubmissionId: null,
	originLabel: null
} as const satisfies Partial<StoredSubmission>;

export function toView(item: StoredSubmission): SubmissionView {
	return {
		id: item.id,
		kind: item.kind,
		topicId: item.topicId,
		agencyId: item.agencyId,
		delegationId: item.delegationId,
		text: item.text,
		authorName: item.authorName,
		status: item.status,
		votes: item.votes,
		createdAt: item.createdAt,
		rejectionReason: item.rejectionReason,
		answerSummary: item.answerSummary
	};
}
