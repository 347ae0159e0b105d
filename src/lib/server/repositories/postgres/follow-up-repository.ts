import { and, asc, desc, eq, inArray, isNull, lt, ne, type SQL } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import { events, followUpHistory, followUps, submissions } from '../../db/schema-pg';
import { toStored } from './submission-repository';
import type { FollowUpRepository, StoredFollowUp } from '../types';

export function createFollowUpRepository(db: PgDb): FollowUpRepository {
	const find = async (where: SQL) => (await db.select().from(followUps).where(where))[0] ?? null;

	return {
		async handOver(handOvers, from, options = {}) {
			// One transaction for the status, the follow-up and its history (and, when the session
			// closes, for every item and the cleared stage): a crash leaves all of it or none.
			return db.transaction(async (tx) => {
				const done = [];
				// Rows locked in one order (by item id) whoever sweeps: two sweeps at once on two
				// processes then wait for each other instead of deadlocking; the status guard below
				// makes the second one skip what the first took.
				const ordered = [...handOvers].sort((x, y) => (x.followUp.submissionId < y.followUp.submissionId ? -1 : 1));
				for (const { followUp, history } of ordered) {
					const [moved] = await tx
						.update(submissions)
						.set({ status: 'follow_up', queuePosition: null })
						.where(and(eq(submissions.id, followUp.submissionId), inArray(submissions.status, [...from])))
						.returning();
					if (!moved) continue;
					await tx.insert(followUps).values(followUp).onConflictDoNothing({ target: followUps.submissionId });
					const [stored] = await tx.select().from(followUps).where(eq(followUps.submissionId, followUp.submissionId));
					if (stored.id === followUp.id) await tx.insert(followUpHistory).values({ ...history, followUpId: followUp.id });
					done.push({ submission: toStored(moved), followUp: stored as StoredFollowUp });
				}
				if (options.clearStageOf) await tx.update(events).set({ onScreenId: null, onScreenSince: null }).where(eq(events.id, options.clearStageOf));
				return done;
			});
		},
		async create(followUp, history) {
			return db.transaction(async (tx) => {
				const inserted = await tx
					.insert(followUps)
					.values(followUp)
					.onConflictDoNothing({ target: followUps.submissionId })
					.returning({ id: followUps.id });
				if (inserted.length === 1) await tx.insert(followUpHistory).values({ ...history, followUpId: followUp.id });
				const [stored] = await tx.select().from(followUps).where(eq(followUps.submissionId, followUp.submissionId));
				return stored as StoredFollowUp;
			});
		},
		findById: (id) => find(eq(followUps.id, id)),
		findBySubmission: (submissionId) => find(eq(followUps.submissionId, submissionId)),
		async update(id, expectedStatus, change, history) {
			return db.transaction(async (tx) => {
				const [row] = await tx
					.update(followUps)
					.set(change)
					.where(and(eq(followUps.id, id), eq(followUps.status, expectedStatus)))
					.returning();
				if (!row) return null;
				await tx.insert(followUpHistory).values({ ...history, followUpId: id });
				return row;
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
				.orderBy(asc(followUpHistory.id));
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
					item: { kind: submissions.kind, text: submissions.text, topicId: submissions.topicId, delegationId: submissions.delegationId },
					event: { title: events.title, level: events.level, startsAt: events.startsAt, createdAt: events.createdAt }
				})
				.from(followUps)
				.innerJoin(submissions, eq(submissions.id, followUps.submissionId))
				.innerJoin(events, eq(events.id, followUps.eventId))
				.where(and(...where))
				.orderBy(asc(followUps.dueAt), desc(followUps.createdAt));
		},
		async listForEvent(eventId) {
			return db.select().from(followUps).where(eq(followUps.eventId, eventId));
		}
	};
}
