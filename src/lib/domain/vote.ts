/** An item's vote count as it stands. */
export interface VoteCount {
	submissionId: string;
	votes: number;
}

export type VoteRefusal = 'unknown_submission' | 'own_submission';

export function refuseVote(
	submission: { eventId: string; participantId: string | null; public: boolean } | null,
	voter: { id: string; eventId: string }
): VoteRefusal | null {
	if (!submission || submission.eventId !== voter.eventId || !submission.public) return 'unknown_submission';
	if (submission.participantId === voter.id) return 'own_submission';
	return null;
}
