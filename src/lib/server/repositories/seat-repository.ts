import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { seats } from '../db/schema';
import type { SeatRepository } from './types';

export function createSeatRepository(db: Db): SeatRepository {
	return {
		async createMany(rows) {
			if (!rows.length) return;
			db.transaction((tx) => {
				for (const row of rows) tx.insert(seats).values(row).run();
			});
		},
		async findByHash(codeHash) {
			return (
				db
					.select({ id: seats.id, eventId: seats.eventId, delegationId: seats.delegationId, usedAt: seats.usedAt })
					.from(seats)
					.where(eq(seats.codeHash, codeHash))
					.get() ?? null
			);
		},
		async counts(eventId) {
			return db
				.select({
					delegationId: seats.delegationId,
					total: count(),
					used: sql<number>`count(${seats.usedAt})`
				})
				.from(seats)
				.where(eq(seats.eventId, eventId))
				.groupBy(seats.delegationId)
				.all();
		}
	};
}
