/**
 * Every way an item's status may change, in one table. Services ask `transition` and then store
 * the change only if the item is still in the status they saw, so two moderators acting on one
 * item at once cannot both win.
 */
import type { SubmissionStatus } from './submission';

export const ITEM_ACTIONS = ['approve', 'reject', 'answer', 'followUp', 'withdraw', 'merge', 'release'] as const;
export type SubmissionAction = (typeof ITEM_ACTIONS)[number];

export const SUBMISSION_FLOW: Record<SubmissionAction, { from: readonly SubmissionStatus[]; to: SubmissionStatus }> = {
	/** The MC lets a waiting item in (possibly edited). */
	approve: { from: ['pending'], to: 'approved' },
	/** Not taken, with a reason; an approved item can still be taken back. */
	reject: { from: ['pending', 'approved'], to: 'rejected' },
	/** Answered on the day; a follow-up can be answered on the day too. */
	answer: { from: ['approved', 'follow_up'], to: 'answered' },
	/** To be answered later by an agency (the follow-up issue tracks it from here). */
	followUp: { from: ['approved'], to: 'follow_up' },
	/** The child takes their own item back before it is answered. */
	withdraw: { from: ['pending', 'approved'], to: 'withdrawn' },
	/** One of several children's versions of the same question, folded into another item. */
	merge: { from: ['pending', 'approved'], to: 'merged' },
	/** The organiser finds a safeguarding alert was a false alarm and passes it to moderation. */
	release: { from: ['safeguarding'], to: 'pending' }
};

export function transition(action: SubmissionAction, from: SubmissionStatus): SubmissionStatus | null {
	const rule = SUBMISSION_FLOW[action];
	return rule.from.includes(from) ? rule.to : null;
}

/** Only approved items may be queued or shown: nothing unmoderated ever reaches the screen. */
export function canTakeTheStage(status: SubmissionStatus): boolean {
	return status === 'approved';
}

/**
 * Who supports the item that several were merged into: everyone who voted for any of them, and the
 * authors of the merged ones (they asked the same thing), each once. The target's own author
 * never votes for their own item.
 */
export function mergedSupporters(
	target: { authorId: string | null; voterIds: readonly string[] },
	sources: readonly { authorId: string | null; voterIds: readonly string[] }[]
): string[] {
	const supporters = new Set(target.voterIds);
	for (const source of sources) {
		for (const voter of source.voterIds) supporters.add(voter);
		if (source.authorId) supporters.add(source.authorId);
	}
	if (target.authorId) supporters.delete(target.authorId);
	return [...supporters];
}

/** Moves one id to a new place in the queue; out-of-range places clamp to the ends. */
export function moveInQueue(queue: readonly string[], id: string, to: number): string[] {
	const rest = queue.filter((queued) => queued !== id);
	const at = Math.max(0, Math.min(rest.length, to));
	return [...rest.slice(0, at), id, ...rest.slice(at)];
}
