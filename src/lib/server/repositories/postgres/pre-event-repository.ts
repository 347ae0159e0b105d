import { and, asc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import { chaperoneLinks, events, submissions } from '../../db/schema-pg';
import { toStored } from './submission-repository';
import type { ChaperoneLink, PreEventRepository } from '../types';

export function createPreEventRepository(db: PgDb): PreEventRepository {
	const working = (eventId: string, delegationId: string) =>
		and(eq(chaperoneLinks.eventId, eventId), eq(chaperoneLinks.delegationId, delegationId), isNull(chaperoneLinks.revokedAt));
	return {
		async settings(eventId) {
			const [row] = await db
				.select({ deadline: events.preDeadline, limit: events.preLimit, openToAgencies: events.preOpenToAgencies })
				.from(events)
				.where(eq(events.id, eventId));
			return row ?? { deadline: null, limit: 6, openToAgencies: false };
		},
		async saveSettings(eventId, { deadline, limit, openToAgencies }) {
			await db.update(events).set({ preDeadline: deadline, preLimit: limit, preOpenToAgencies: openToAgencies }).where(eq(events.id, eventId));
		},
		async replaceLink(link) {
			await db.transaction(async (tx) => {
				await tx.update(chaperoneLinks).set({ revokedAt: link.createdAt }).where(working(link.eventId, link.delegationId));
				await tx.insert(chaperoneLinks).values(link);
			});
		},
		async revokeLink(eventId, delegationId, at) {
			await db.update(chaperoneLinks).set({ revokedAt: at }).where(working(eventId, delegationId));
		},
		async findLink(id) {
			const [row] = await db.select().from(chaperoneLinks).where(eq(chaperoneLinks.id, id));
			return (row as ChaperoneLink | undefined) ?? null;
		},
		async listLinks(eventId) {
			return db
				.select()
				.from(chaperoneLinks)
				.where(and(eq(chaperoneLinks.eventId, eventId), isNull(chaperoneLinks.revokedAt)));
		},
		async listByDelegation(eventId, delegationId) {
			const rows = await db
				.select()
				.from(submissions)
				.where(and(eq(submissions.eventId, eventId), eq(submissions.delegationId, delegationId), isNotNull(submissions.chaperoneLinkId)))
				.orderBy(asc(submissions.createdAt));
			return rows.map(toStored);
		},
		async listForEvent(eventId) {
			const rows = await db
				.select()
				.from(submissions)
				.where(and(eq(submissions.eventId, eventId), or(isNotNull(submissions.chaperoneLinkId), isNotNull(submissions.originSubmissionId))))
				.orderBy(asc(submissions.createdAt));
			return rows.map(toStored);
		}
	};
}
