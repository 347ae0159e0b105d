import { and, asc, desc, eq, inArray, isNull, lt, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { events, followUpHistory, followUps, submissions } from '../db/schema';
import { toStored } from './submission-repository';
import type { FollowUpRepository, StoredFollowUp } from './types';

export function createFollowUpRepository(db: Db): FollowUpRepository {
	const find = (where: SQL) => db.select().from(followUps).where(where).get() ?? null;

	return {
		async handOver(handOvers, from, options = {}) {
			// One transaction for the status, the follow-up and its history (and, when the session
			// closes, for every item and the cleared stage): a crash leaves all of it or none.
			return db.transaction((tx) => {
				const done = [];
				for (const { followUp, history } of handOvers) {
					const moved = tx
						.update(submissions)
						.set({ status: 'follow_up', queuePosition: null })
						.where(and(eq(submissions.id, followUp.submissionId), inArray(submissions.status, [...from])))
						.run();
					if (moved.changes !== 1) continue;
					tx.insert(followUps).values(followUp).onConflictDoNothing({ target: followUps.submissionId }).run();
					const stored = tx.select().from(followUps).where(eq(followUps.submissionId, followUp.submissionId)).get() as StoredFollowUp;
					if (stored.id === followUp.id) tx.insert(followUpHistory).values({ ...history, followUpId: followUp.id }).run();
					const submission = tx.select().from(submissions).where(eq(submissions.id, followUp.submissionId)).get()!;
					done.push({ submission: toStored(submission), followUp: stored });
				}
				if (options.clearStageOf) tx.update(events).set({ onScreenId: null, onScreenSince: null }).where(eq(events.id, options.clearStageOf)).run();
				return done;
			});
		},
		async create(followUp, history) {
			return db.transaction((tx) => {
				const inserted = tx.insert(followUps).values(followUp).onConflictDoNothing({ target: followUps.submissionId }).run();
				if (inserted.changes === 1) tx.insert(followUpHistory).values({ ...history, followUpId: followUp.id }).run();
				return tx.select().from(followUps).where(eq(followUps.submissionId, followUp.submissionId)).get() as StoredFollowUp;
			});
		},
		async findById(id) {
			return find(eq(followUps.id, id));
		},
		async findBySubmission(submissionId) {
			return find(eq(followUps.submissionId, submissionId));
		},
		async update(id, expectedStatus, change, history) {
			return db.transaction((tx) => {
				const result = tx
					.update(followUps)
					.set(change)
					.where(and(eq(followUps.id, id), eq(followUps.status, expectedStatus)))
					.run();
				if (result.changes !== 1) return null;
				tx.insert(followUpHistory).values({ ...history, followUpId: id }).run();
				return tx.select().from(followUps).where(eq(followUps.id, id)).get() ?? null;
			});
		},
		async history(id) {
			return db
				.select({
					at: followUpHistory.at,
					byName: followUpHistory.byName,
					status: followUpHistory.status,
					agencyId: followUpHistory.agencyId,
					dueAt: followUpHistory.dueAt,
					response: followUpHistory.response,
					reason: followUpHistory.reason,
					wayForward: followUpHistory.wayForward,
					note: followUpHistory.note
				})
				.from(followUpHistory)
				.where(eq(followUpHistory.followUpId, id))
				.orderBy(asc(followUpHistory.id))
				.all();
		},
		async list(filter) {
			if (!filter.eventIds.length) return [];
			const where = [inArray(followUps.eventId, [...filter.eventIds])];
			if (filter.agencyId !== undefined)
				where.push(filter.agencyId === null ? isNull(followUps.agencyId) : eq(followUps.agencyId, filter.agencyId));
			if (filter.status) where.push(eq(followUps.status, filter.status));
			if (filter.topicId) where.push(eq(submissions.topicId, filter.topicId));
			if (filter.overdueAt !== undefined) where.push(lt(followUps.dueAt, filter.overdueAt), ne(followUps.status, 'fulfilled'));
			return db
				.select({
					followUp: followUps,
					item: {
						kind: submissions.kind,
						text: submissions.text,
						topicId: submissions.topicId,
						delegationId: submissions.delegationId
					},
					event: { title: events.title, level: events.level, startsAt: events.startsAt, createdAt: events.createdAt }
				})
				.from(followUps)
				.innerJoin(submissions, eq(submissions.id, followUps.submissionId))
				.innerJoin(events, eq(events.id, followUps.eventId))
				.where(and(...where))
				.orderBy(asc(followUps.dueAt), desc(followUps.createdAt))
				.all();
		},
		async listForEvent(eventId) {
			return db.select().from(followUps).where(eq(followUps.eventId, eventId)).all();
		}
	};
}
