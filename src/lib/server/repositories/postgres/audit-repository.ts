import { desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import { auditLog, events, staffUsers } from '../../db/schema-pg';
import type { AuditRepository } from '../types';

export function createAuditRepository(db: PgDb): AuditRepository {
	const listWhere = (where: SQL, limit: number) =>
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
			.limit(limit);

	return {
		async record(entry) {
			// An attempt on an event that does not exist (or by an account since deleted) is still
			// worth keeping: the unknown id goes into the detail instead of the reference.
			const [eventKnown] = entry.eventId !== null ? await db.select({ id: events.id }).from(events).where(eq(events.id, entry.eventId)) : [];
			const [userKnown] = entry.userId !== null ? await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, entry.userId)) : [];
			const unknown = [!eventKnown && entry.eventId, !userKnown && entry.userId].filter(Boolean);
			const [row] = await db
				.insert(auditLog)
				.values({
					...entry,
					eventId: eventKnown ? entry.eventId : null,
					userId: userKnown ? entry.userId : null,
					detail: unknown.length ? `${entry.detail} (${unknown.join(', ')})` : entry.detail
				})
				.returning({ id: auditLog.id });
			return row.id;
		},
		async setAction(id, action) {
			await db.update(auditLog).set({ action }).where(eq(auditLog.id, id));
		},
		listForEvent: (eventId, limit) => listWhere(eq(auditLog.eventId, eventId), limit),
		listWithoutEvent: (limit) => listWhere(isNull(auditLog.eventId), limit)
	};
}
