import { and, asc, eq, isNotNull, isNull, or } from 'drizzle-orm';
import type { Db } from '../db';
import { chaperoneLinks, events, submissions } from '../db/schema';
import { toStored } from './submission-repository';
import type { ChaperoneLink, PreEventRepository } from './types';


export function createPreEventRepository(db: Db): PreEventRepository {
	return {
		async settings(eventId) {
			const row = db
				.select({ deadline: events.preDeadline, limit: events.preLimit, openToAgencies: events.preOpenToAgencies })
				.from(events)
				.where(eq(events.id, eventId))
				.get();
			return row ?? { deadline: null, limit: 6, openToAgencies: false };
		},
		async saveSettings(eventId, { deadline, limit, openToAgencies }) {
			db.update(events).set({ preDeadline: deadline, preLimit: limit, preOpenToAgencies: openToAgencies }).where(eq(events.id, eventId)).run();
		},
		async replaceLink(link) {
			db.transaction((tx) => {
				tx.update(chaperoneLinks)
					.set({ revokedAt: link.createdAt })
					.where(and(eq(chaperoneLinks.eventId, link.eventId), eq(chaperoneLinks.delegationId, link.delegationId), isNull(chaperoneLinks.revokedAt)))
					.run();
				tx.insert(chaperoneLinks).values(link).run();
			});
		},
		async revokeLink(eventId, delegationId, at) {
			db.update(chaperoneLinks)
				.set({ revokedAt: at })
				.where(and(eq(chaperoneLinks.eventId, eventId), eq(chaperoneLinks.delegationId, delegationId), isNull(chaperoneLinks.revokedAt)))
				.run();
		},
		async findLink(id) {
			return (db.select().from(chaperoneLinks).where(eq(chaperoneLinks.id, id)).get() as ChaperoneLink | undefined) ?? null;
		},
		async listLinks(eventId) {
			return db
				.select()
				.from(chaperoneLinks)
				.where(and(eq(chaperoneLinks.eventId, eventId), isNull(chaperoneLinks.revokedAt)))
				.all();
		},
		async listByDelegation(eventId, delegationId) {
			return db
				.select()
				.from(submissions)
				.where(and(eq(submissions.eventId, eventId), eq(submissions.delegationId, delegationId), isNotNull(submissions.chaperoneLinkId)))
				.orderBy(asc(submissions.createdAt))
				.all()
				.map(toStored);
		},
		async listForEvent(eventId) {
			return db
				.select()
				.from(submissions)
				.where(and(eq(submissions.eventId, eventId), or(isNotNull(submissions.chaperoneLinkId), isNotNull(submissions.originSubmissionId))))
				.orderBy(asc(submissions.createdAt))
				.all()
				.map(toStored);
		}
	};
}
