import { and, asc, count, eq, inArray, isNotNull, notInArray, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Db } from '../db';
import { submissions, votes } from '../db/schema';
import { preparedOnce, preparedPer } from './prepared';
import type { StoredSubmission, SubmissionRepository } from './types';

type Row = typeof submissions.$inferSelect;

export const toStored = ({ voteCount, rejectionReason, heldReason, ...row }: Row): StoredSubmission => ({
	...row,
	rejectionReason: rejectionReason as StoredSubmission['rejectionReason'],
	heldReason: heldReason as StoredSubmission['heldReason'],
	votes: voteCount
});

export function createSubmissionRepository(db: Db): SubmissionRepository {
	// Prepared: every phone's sync and every screen's redraw reads these.
	const byId = preparedOnce(() => db.select().from(submissions).where(eq(submissions.id, sql.placeholder('id'))).prepare());
	const byStatuses = preparedPer((statuses: string) =>
		db
			.select()
			.from(submissions)
			.where(and(eq(submissions.eventId, sql.placeholder('eventId')), inArray(submissions.status, statuses.split(',') as Row['status'][])))
			.prepare()
	);
	const byParticipant = preparedOnce(() =>
		db.select().from(submissions).where(eq(submissions.participantId, sql.placeholder('participantId'))).prepare()
	);
	const queue = preparedOnce(() =>
		db
			.select({ id: submissions.id })
			.from(submissions)
			.where(and(eq(submissions.eventId, sql.placeholder('eventId')), isNotNull(submissions.queuePosition)))
			.orderBy(asc(submissions.queuePosition))
			.prepare()
	);

	const findById = (id: string) => {
		const row = byId().get({ id });
		return row ? toStored(row) : null;
	};

	const queueOf = (eventId: string) =>
		queue()
			.all({ eventId })
			.map((r) => r.id);

	return {
		async findById(id) {
			return findById(id);
		},
		async insertIfAbsent(submission) {
			const { votes: voteCount, ...row } = submission;
			const result = db
				.insert(submissions)
				.values({ ...row, voteCount })
				.onConflictDoNothing({ target: submissions.id })
				.run();
			const stored = findById(submission.id);
			if (!stored) throw new Error(`submission ${submission.id} vanished after insert`);
			return { inserted: result.changes === 1, stored };
		},
		async listByStatus(eventId, statuses) {
			return byStatuses([...statuses].sort().join(','))
				.all({ eventId })
				.map(toStored);
		},
		async listByParticipant(participantId) {
			return byParticipant()
				.all({ participantId })
				.map(toStored);
		},
		async transition(id, from, change) {
			// Only approved items stay in the queue: any other status takes the item out of it.
			const queue = change.status === 'approved' ? {} : { queuePosition: null };
			const result = db
				.update(submissions)
				.set({ ...change, ...queue })
				.where(and(eq(submissions.id, id), inArray(submissions.status, [...from])))
				.run();
			return result.changes === 1 ? findById(id) : null;
		},
		async mark(id, change) {
			db.update(submissions).set(change).where(eq(submissions.id, id)).run();
			return findById(id);
		},
		async listQueue(eventId) {
			return queueOf(eventId);
		},
		async setQueue(eventId, ids) {
			return db.transaction((tx) => {
				const unique = [...new Set(ids)];
				tx.update(submissions)
					.set({ queuePosition: null })
					.where(and(eq(submissions.eventId, eventId), isNotNull(submissions.queuePosition), notInArray(submissions.id, unique)))
					.run();
				for (const [position, id] of unique.entries()) {
					tx.update(submissions)
						.set({ queuePosition: position })
						.where(and(eq(submissions.id, id), eq(submissions.eventId, eventId), eq(submissions.status, 'approved')))
						.run();
				}
				return queueOf(eventId);
			});
		},
		async countByStatus(eventId) {
			return db
				.select({ status: submissions.status, rejectionReason: submissions.rejectionReason, n: count() })
				.from(submissions)
				.where(eq(submissions.eventId, eventId))
				.groupBy(submissions.status, submissions.rejectionReason)
				.all();
		},
		async merge(targetId, sourceIds, from, supporters) {
			try {
				return mergeInTransaction(targetId, sourceIds, from, supporters);
			} catch (error) {
				if (error instanceof TransactionRollbackError) return null;
				throw error;
			}
		}
	};

	function mergeInTransaction(...[targetId, sourceIds, from, supporters]: Parameters<SubmissionRepository['merge']>) {
			return db.transaction((tx) => {
				const target = tx.select().from(submissions).where(eq(submissions.id, targetId)).get();
				if (!target || !from.includes(target.status)) return null;
				const changed = tx
					.update(submissions)
					.set({ status: 'merged', mergedInto: targetId, queuePosition: null })
					.where(and(inArray(submissions.id, [...sourceIds]), inArray(submissions.status, [...from])))
					.run().changes;
				if (changed !== sourceIds.length) {
					// Someone acted on one of them meanwhile: undo by aborting the transaction.
					tx.rollback();
				}
				for (const participantId of supporters) {
					tx.insert(votes).values({ submissionId: targetId, participantId }).onConflictDoNothing().run();
				}
				const votesNow = tx.select({ n: count() }).from(votes).where(eq(votes.submissionId, targetId)).get()?.n ?? 0;
				tx.update(submissions).set({ voteCount: votesNow }).where(eq(submissions.id, targetId)).run();
				return {
					target: toStored(tx.select().from(submissions).where(eq(submissions.id, targetId)).get()!),
					sources: tx.select().from(submissions).where(inArray(submissions.id, [...sourceIds])).all().map(toStored)
				};
			});
	}
}
