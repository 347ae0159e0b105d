import { count, eq, sql } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import { seats } from '../../db/schema-pg';
import type { SeatRepository } from '../types';

export function createSeatRepository(db: PgDb): SeatRepository {
	return {
		async createMany(rows) {
			if (rows.length) await db.insert(seats).values(rows);
		},
		async findByHash(codeHash) {
			const [row] = await db
				.select({ id: seats.id, eventId: seats.eventId, delegationId: seats.delegationId, usedAt: seats.usedAt })
				.from(seats)
				.where(eq(seats.codeHash, codeHash));
			return row ?? null;
		},
		async counts(eventId) {
			return db
				.select({ delegationId: seats.delegationId, total: count(), used: sql<number>`count(${seats.usedAt})`.mapWith(Number) })
				.from(seats)
				.where(eq(seats.eventId, eventId))
				.groupBy(seats.delegationId);
		}
	};
}
