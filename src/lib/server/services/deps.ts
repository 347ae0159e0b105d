import type { Submission } from '$lib/domain/submission';
import type { Repositories } from '../repositories';
import type { Announce } from './changes';
import type { HallViews } from './hall-views';
import type { RateLimiter } from './rate-limit';

export interface ServiceDeps {
	repos: Repositories;
	/** Says what happened; the announcer alone turns it into wire messages. */
	announce: Announce;
	/** How the stored forum looks to each surface, for snapshots and acks. */
	views: HallViews;
	limiter: RateLimiter;
	now(): number;
	newId(): string;
	/** Several processes serve the forum (REDIS_URL): what one process announced may die with it. */
	clustered?: boolean;
}

/**
 * What nobody has decided yet about a new item: each way in (a phone, a paper card, a chaperone,
 * a lower-level forum) spreads this and sets only what it knows.
 */
export const NEW_SUBMISSION = {
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
} as const satisfies Partial<Submission>;

/** The name staff records carry for an actor: their display name, or their id if it is gone. */
export async function staffName(repos: Repositories, actor: { userId: string }): Promise<string> {
	return (await repos.staff.displayNameOf(actor.userId)) ?? actor.userId;
}
