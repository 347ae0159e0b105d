import { desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog, events, staffUsers } from '../db/schema';
import type { AuditRepository } from './types';

export function createAuditRepository(db: Db): AuditRepository {
	const listWhere = (where: ReturnType<typeof eq>, limit: number) =>
		db
			.select({
				at: auditLog.at,
				eventId: auditLog.eventId,
				action: auditLog.action,
				outcome: auditLog.outcome,
				detail: auditLog.detail,
				username: staffUsers.username
			})
			.from(auditLog)
			.leftJoin(staffUsers, eq(staffUsers.id, auditLog.userId))
			.where(where)
			.orderBy(desc(auditLog.id))
			.limit(limit)
			.all();

	return {
		async record(entry) {
			// An attempt on an event that does not exist (or by an account since deleted) is still
			// worth keeping: the unknown id goes into the detail instead of the reference.
			const eventKnown = entry.eventId !== null && db.select({ id: events.id }).from(events).where(eq(events.id, entry.eventId)).get();
			const userKnown = entry.userId !== null && db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, entry.userId)).get();
			const unknown = [!eventKnown && entry.eventId, !userKnown && entry.userId].filter(Boolean);
			const row = db
				.insert(auditLog)
				.values({
					...entry,
					eventId: eventKnown ? entry.eventId : null,
					userId: userKnown ? entry.userId : null,
					detail: unknown.length ? `${entry.detail} (${unknown.join(', ')})` : entry.detail
				})
				.returning({ id: auditLog.id })
				.get();
			return row.id;
		},
		async setAction(id, action) {
			db.update(auditLog).set({ action }).where(eq(auditLog.id, id)).run();
		},
		async listForEvent(eventId, limit) {
			return listWhere(eq(auditLog.eventId, eventId), limit);
		},
		async listWithoutEvent(limit) {
			return listWhere(isNull(auditLog.eventId) as ReturnType<typeof eq>, limit);
		}
	};
}
