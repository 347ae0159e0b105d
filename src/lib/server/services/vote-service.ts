import { fail, ok, type Result } from '$lib/domain/result';
import { isPublic } from '$lib/domain/submission';
import { refuseVote } from '$lib/domain/vote';
import type { Participant } from '$lib/domain/participant';
import type { SetVoteInput, VoteState } from '$lib/realtime/protocol';
import type { ServiceDeps } from './deps';

export function createVoteService({ repos, announce, limiter }: ServiceDeps) {
	return {
		/** One vote per child per item: setting it twice is harmless, withdrawing gives it back. */
		async setVote(participant: Participant, { submissionId, voted }: SetVoteInput, clientKey: string | null = null): Promise<Result<VoteState>> {
			const submission = await repos.submissions.findById(submissionId);
			const refusal = refuseVote(
				submission && { ...submission, public: isPublic(submission.status) },
				participant
			);
			if (refusal) return fail(refusal);
			if (!(await limiter.allow('vote', participant.id))) return fail('rate_limited');
			// The address's ceiling: a whole hall shares one, so it is sized far above a hall (rate-limit.ts).
			if (clientKey && !(await limiter.allow('votePerAddress', clientKey))) return fail('rate_limited');

			const { changed, votes } = await repos.votes.set(submissionId, participant.id, voted);
			if (changed) await announce({ type: 'votes:changed', eventId: participant.eventId, submissionId, votes });
			return ok({ submissionId, votes, voted });
		}
	};
}

export type VoteService = ReturnType<typeof createVoteService>;
