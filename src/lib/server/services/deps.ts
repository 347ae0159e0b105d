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

export function toView({
	eventId: _eventId,
	participantId: _participantId,
	answeredBy: _answeredBy,
	...view
}: StoredSubmission): SubmissionView {
	return view;
}
