import { and, asc, count, eq, inArray, isNotNull, notInArray, TransactionRollbackError } from 'drizzle-orm';
import type { PgDb, PgTx } from '../../db/postgres';
import { submissions, votes } from '../../db/schema-pg';
import type { StoredSubmission, SubmissionRepository } from '../types';

type Row = typeof submissions.$inferSelect;

export const toStored = ({ voteCount, rejectionReason, heldReason, ...row }: Row): StoredSubmission => ({
	...row,
	rejectionReason: rejectionReason as StoredSubmission['rejectionReason'],
	heldReason: heldReason as StoredSubmission['heldReason'],
	votes: voteCount
});

export function createSubmissionRepository(db: PgDb): SubmissionRepository {
	const findById = async (id: string, on: PgDb | PgTx = db) => {
		const [row] = await on.select().from(submissions).where(eq(submissions.id, id));
		return row ? toStored(row) : null;
	};
	const queueOf = async (eventId: string, on: PgDb | PgTx = db) =>
		(
			await on
				.select({ id: submissions.id })
				.from(submissions)
				.where(and(eq(submissions.eventId, eventId), isNotNull(submissions.queuePosition)))
				.orderBy(asc(submissions.queuePosition))
		).map((r) => r.id);

	return {
		findById: (id) => findById(id),
		async insertIfAbsent(submission) {
			const { votes: voteCount, ...row } = submission;
			const inserted = await db
				.insert(submissions)
				.values({ ...row, voteCount })
				.onConflictDoNothing({ target: submissions.id })
				.returning({ id: submissions.id });
			const stored = await findById(submission.id);
			if (!stored) throw new Error(`submission ${submission.id} vanished after insert`);
			return { inserted: inserted.length === 1, stored };
		},
		async listByStatus(eventId, statuses) {
			if (!statuses.length) return [];
			const rows = await db
				.select()
				.from(submissions)
				.where(and(eq(submissions.eventId, eventId), inArray(submissions.status, [...statuses])));
			return rows.map(toStored);
		},
		async listByParticipant(participantId) {
			// In the order sent, as SQLite's rowid order gives it: PostgreSQL keeps no order of its own.
			const rows = await db.select().from(submissions).where(eq(submissions.participantId, participantId)).orderBy(asc(submissions.createdAt), asc(submissions.id));
			return rows.map(toStored);
		},
		async transition(id, from, change) {
			const queue = change.status === 'approved' ? {} : { queuePosition: null };
			const [row] = await db
				.update(submissions)
				.set({ ...change, ...queue })
				.where(and(eq(submissions.id, id), inArray(submissions.status, [...from])))
				.returning();
			return row ? toStored(row) : null;
		},
		async mark(id, change) {
			const [row] = await db.update(submissions).set(change).where(eq(submissions.id, id)).returning();
			return row ? toStored(row) : null;
		},
		listQueue: (eventId) => queueOf(eventId),
		async setQueue(eventId, ids) {
			return db.transaction(async (tx) => {
				const unique = [...new Set(ids)];
				const others = unique.length ? [notInArray(submissions.id, unique)] : [];
				await tx
					.update(submissions)
					.set({ queuePosition: null })
					.where(and(eq(submissions.eventId, eventId), isNotNull(submissions.queuePosition), ...others));
				for (const [position, id] of unique.entries())
					await tx
						.update(submissions)
						.set({ queuePosition: position })
						.where(and(eq(submissions.id, id), eq(submissions.eventId, eventId), eq(submissions.status, 'approved')));
				return queueOf(eventId, tx);
			});
		},
		async countByStatus(eventId) {
			return db
				.select({ status: submissions.status, rejectionReason: submissions.rejectionReason, n: count() })
				.from(submissions)
				.where(eq(submissions.eventId, eventId))
				.groupBy(submissions.status, submissions.rejectionReason);
		},
		async merge(targetId, sourceIds, from, supporters) {
			try {
				return await db.transaction(async (tx) => {
					// The target row is locked first, so a merge and a decision on it cannot interleave.
					const [target] = await tx.select().from(submissions).where(eq(submissions.id, targetId)).for('update');
					if (!target || !from.includes(target.status)) return null;
					const changed = await tx
						.update(submissions)
						.set({ status: 'merged', mergedInto: targetId, queuePosition: null })
						.where(and(inArray(submissions.id, [...sourceIds]), inArray(submissions.status, [...from])))
						.returning({ id: submissions.id });
					if (changed.length !== sourceIds.length) tx.rollback();
					for (const participantId of supporters)
						await tx.insert(votes).values({ submissionId: targetId, participantId }).onConflictDoNothing();
					const [{ n }] = await tx.select({ n: count() }).from(votes).where(eq(votes.submissionId, targetId));
					const [united] = await tx.update(submissions).set({ voteCount: n }).where(eq(submissions.id, targetId)).returning();
					const sources = await tx.select().from(submissions).where(inArray(submissions.id, [...sourceIds]));
					return { target: toStored(united), sources: sources.map(toStored) };
				});
			} catch (error) {
				if (error instanceof TransactionRollbackError) return null;
				throw error;
			}
		}
	};
}
