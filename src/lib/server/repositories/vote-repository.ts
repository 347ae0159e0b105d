import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { participants, submissions, votes } from '../db/schema';
import { preparedOnce } from './prepared';
import type { VoteRepository } from './types';

export function createVoteRepository(db: Db): VoteRepository {
	// Prepared: a vote storm runs these a thousand times a second.
	const castVote = preparedOnce(() =>
		db
			.insert(votes)
			.values({ submissionId: sql.placeholder('submissionId'), participantId: sql.placeholder('participantId') })
			.onConflictDoNothing()
			.prepare()
	);
	const takeBack = preparedOnce(() =>
		db
			.delete(votes)
			.where(and(eq(votes.submissionId, sql.placeholder('submissionId')), eq(votes.participantId, sql.placeholder('participantId'))))
			.prepare()
	);
	const addToCount = preparedOnce(() =>
		db
			.update(submissions)
			.set({ voteCount: sql`${submissions.voteCount} + ${sql.placeholder('delta')}` })
			.where(eq(submissions.id, sql.placeholder('submissionId')))
			.returning({ votes: submissions.voteCount })
			.prepare()
	);
	const countOf = preparedOnce(() =>
		db
			.select({ votes: submissions.voteCount })
			.from(submissions)
			.where(eq(submissions.id, sql.placeholder('submissionId')))
			.prepare()
	);
	const votedBy = preparedOnce(() =>
		db
			.select({ id: votes.submissionId })
			.from(votes)
			.where(eq(votes.participantId, sql.placeholder('participantId')))
			.prepare()
	);

	return {
		async set(submissionId, participantId, voted) {
			// One transaction: the vote row and the stored count can never disagree.
			return db.transaction(() => {
				const { changes } = (voted ? castVote() : takeBack()).run({ submissionId, participantId });
				const delta = changes === 1 ? (voted ? 1 : -1) : 0;
				const row = addToCount().get({ submissionId, delta });
				return { changed: delta !== 0, votes: row?.votes ?? 0 };
			});
		},
		async setMany(changes) {
			return db.transaction(() => {
				// Each item's count moves once, by the sum of its votes' changes.
				const deltas = new Map<string, number>();
				const changed = changes.map(({ submissionId, participantId, voted }) => {
					const { changes: rows } = (voted ? castVote() : takeBack()).run({ submissionId, participantId });
					const delta = rows === 1 ? (voted ? 1 : -1) : 0;
					deltas.set(submissionId, (deltas.get(submissionId) ?? 0) + delta);
					return delta !== 0;
				});
				const counts = new Map<string, number>();
				for (const [submissionId, delta] of deltas) {
					const row = delta === 0 ? countOf().get({ submissionId }) : addToCount().get({ submissionId, delta });
					counts.set(submissionId, row?.votes ?? 0);
				}
				return changes.map((change, i) => ({ changed: changed[i], votes: counts.get(change.submissionId) ?? 0 }));
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
		async countsOf(submissionIds) {
			if (!submissionIds.length) return [];
			return db
				.select({ submissionId: submissions.id, votes: submissions.voteCount })
				.from(submissions)
				.where(inArray(submissions.id, [...submissionIds]))
				.all();
		},
		async countBulkJoinVotes(eventId, since, withinMs, burst) {
			const row = db
				.select({ n: sql<number>`count(*)` })
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
				)
				.get();
			return row?.n ?? 0;
		},
		async listVotedIds(participantId) {
			return votedBy()
				.all({ participantId })
				.map((r) => r.id);
		}
	};
}
