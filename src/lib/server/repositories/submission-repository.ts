import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { submissions } from '../db/schema';
import type { StoredSubmission, SubmissionRepository } from './types';

const toStored = ({ voteCount, rejectionReason, ...row }: typeof submissions.$inferSelect): StoredSubmission => ({
	...row,
	rejectionReason: rejectionReason as StoredSubmission['rejectionReason'],
	votes: voteCount
});

export function createSubmissionRepository(db: Db): SubmissionRepository {
	const findById = (id: string) => {
		const row = db.select().from(submissions).where(eq(submissions.id, id)).get();
		return row ? toStored(row) : null;
	};

	return {
		async findById(id) {
			return findById(id);
		},
		async insertIfAbsent(submission) {
			const { votes, ...row } = submission;
			const result = db
				.insert(submissions)
				.values({ ...row, voteCount: votes })
				.onConflictDoNothing({ target: submissions.id })
				.run();
			const stored = findById(submission.id);
			if (!stored) throw new Error(`submission ${submission.id} vanished after insert`);
			return { inserted: result.changes === 1, stored };
		},
		async listByStatus(eventId, statuses) {
			return db
				.select()
				.from(submissions)
				.where(and(eq(submissions.eventId, eventId), inArray(submissions.status, [...statuses])))
				.all()
				.map(toStored);
		},
		async transition(id, from, change) {
			const result = db
				.update(submissions)
				.set(change)
				.where(and(eq(submissions.id, id), inArray(submissions.status, [...from])))
				.run();
			return result.changes === 1 ? findById(id) : null;
		},
		async listByParticipant(participantId) {
			return db.select().from(submissions).where(eq(submissions.participantId, participantId)).all().map(toStored);
		}
	};
}
