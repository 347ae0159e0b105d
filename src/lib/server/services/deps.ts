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
