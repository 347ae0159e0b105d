import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import { participants, submissions, votes } from '../../db/schema-pg';
import type { VoteRepository } from '../types';

export function createVoteRepository(db: PgDb): VoteRepository {
	return {
		async set(submissionId, participantId, voted) {
			// One transaction: the vote row and the stored count can never disagree. The count is
			// moved by the row's own update (a row lock), so concurrent votes never lose one.
			return db.transaction(async (tx) => {
				const changed = voted
					? await tx.insert(votes).values({ submissionId, participantId }).onConflictDoNothing().returning({ id: votes.submissionId })
					: await tx
							.delete(votes)
							.where(and(eq(votes.submissionId, submissionId), eq(votes.participantId, participantId)))
							.returning({ id: votes.submissionId });
				const delta = changed.length === 1 ? (voted ? 1 : -1) : 0;
				const [row] = await tx
					.update(submissions)
					.set({ voteCount: sql`${submissions.voteCount} + ${delta}` })
					.where(eq(submissions.id, submissionId))
					.returning({ votes: submissions.voteCount });
				return { changed: delta !== 0, votes: row?.votes ?? 0 };
			});
		},
		async setMany(changes) {
			// One transaction, one commit (the cost a vote paid alone): the rows in order, then each
			// item's count once, by the row's own update (a row lock), as in set().
			return db.transaction(async (tx) => {
				const deltas = new Map<string, number>();
				const changed: boolean[] = [];
				for (const { submissionId, participantId, voted } of changes) {
					const rows = voted
						? await tx.insert(votes).values({ submissionId, participantId }).onConflictDoNothing().returning({ id: votes.submissionId })
						: await tx
								.delete(votes)
								.where(and(eq(votes.submissionId, submissionId), eq(votes.participantId, participantId)))
								.returning({ id: votes.submissionId });
					const delta = rows.length === 1 ? (voted ? 1 : -1) : 0;
					deltas.set(submissionId, (deltas.get(submissionId) ?? 0) + delta);
					changed.push(delta !== 0);
				}
				const counts = new Map<string, number>();
				// In a fixed order, so two batches on the same items take their row locks alike (no deadlock).
				for (const [submissionId, delta] of [...deltas].sort(([a], [b]) => (a < b ? -1 : 1))) {
					const [row] = await tx
						.update(submissions)
						.set({ voteCount: sql`${submissions.voteCount} + ${delta}` })
						.where(eq(submissions.id, submissionId))
						.returning({ votes: submissions.voteCount });
					counts.set(submissionId, row?.votes ?? 0);
				}
				return changes.map((change, i) => ({ changed: changed[i], votes: counts.get(change.submissionId) ?? 0 }));
			});
		},
		async listVoterIds(submissionId) {
			return (await db.select({ id: votes.participantId }).from(votes).where(eq(votes.submissionId, submissionId))).map((r) => r.id);
		},
		async countsOf(submissionIds) {
			if (!submissionIds.length) return [];
			return db
				.select({ submissionId: submissions.id, votes: submissions.voteCount })
				.from(submissions)
				.where(inArray(submissions.id, [...submissionIds]));
		},
		async countBulkJoinVotes(eventId, since, withinMs, burst) {
			const [row] = await db
				.select({ n: sql<number>`count(*)`.mapWith(Number) })
				.from(votes)
				.innerJoin(participants, eq(participants.id, votes.participantId))
				.where(
					and(
						eq(participants.eventId, eventId),
						sql`${votes.createdAt} >= ${since}`,
						sql`${votes.createdAt} - ${participants.createdAt} <= ${withinMs}`,
						sql`(select count(*) from ${participants} as other where other.event_id = ${eventId}
							and abs(other.created_at - ${participants.createdAt}) <= ${withinMs}) >= ${burst}`
					)
				);
			return row?.n ?? 0;
		},
		async listVotedIds(participantId) {
			return (await db.select({ id: votes.submissionId }).from(votes).where(eq(votes.participantId, participantId))).map((r) => r.id);
		}
	};
}
