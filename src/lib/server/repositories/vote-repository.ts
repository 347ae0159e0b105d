import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { submissions, votes } from '../db/schema';
import type { VoteRepository } from './types';

export function createVoteRepository(db: Db): VoteRepository {
	return {
		async set(submissionId, participantId, voted) {
			// One transaction: the vote row and the stored count can never disagree.
			return db.transaction((tx) => {
				const changes = voted
					? tx.insert(votes).values({ submissionId, participantId }).onConflictDoNothing().run().changes
					: tx
							.delete(votes)
							.where(and(eq(votes.submissionId, submissionId), eq(votes.participantId, participantId)))
							.run().changes;
				const delta = changes === 1 ? (voted ? 1 : -1) : 0;
				const row = tx
					.update(submissions)
					.set({ voteCount: sql`${submissions.voteCount} + ${delta}` })
					.where(eq(submissions.id, submissionId))
					.returning({ votes: submissions.voteCount })
					.get();
				return { changed: delta !== 0, votes: row?.votes ?? 0 };
			});
		},
		async listVoterIds(submissionId) {
			return db
				.select({ id: votes.participantId })
				.from(votes)
				.where(eq(votes.submissionId, submissionId))
				.all()
				.map((r) => r.id);
		},
		async listVotedIds(participantId) {
			return db
				.select({ id: votes.submissionId })
				.from(votes)
				.where(eq(votes.participantId, participantId))
				.all()
				.map((r) => r.id);
		}
	};
}
