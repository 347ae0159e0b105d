import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { agencies, delegations, events, topics } from '../db/schema';
import type { EventDetails } from '$lib/domain/event';
import type { EventRepository, NewEvent } from './types';

export function createEventRepository(db: Db): EventRepository {
	const listOf = (table: typeof topics, eventId: string) =>
		db
			.select({ id: table.id, name: table.name })
			.from(table)
			.where(eq(table.eventId, eventId))
			.orderBy(asc(table.position))
			.all();

	const withDetails = (row: typeof events.$inferSelect | undefined): EventDetails | null => {
		if (!row) return null;
		const { createdAt: _createdAt, ...event } = row;
		return {
			...event,
			topics: listOf(topics, row.id),
			delegations: listOf(delegations, row.id),
			agencies: listOf(agencies, row.id)
		};
	};

	return {
		async findByCode(code) {
			return withDetails(db.select().from(events).where(eq(events.code, code)).get());
		},
		async findById(id) {
			return withDetails(db.select().from(events).where(eq(events.id, id)).get());
		},
		async findByDisplayKey(displayKey) {
			return withDetails(db.select().from(events).where(eq(events.displayKey, displayKey)).get());
		},
		async create(event: NewEvent) {
			const { topics: topicList, delegations: delegationList, agencies: agencyList, ...row } = event;
			db.transaction((tx) => {
				tx.insert(events).values(row).run();
				const rows = (list: typeof topicList) =>
					list.map((entry, position) => ({ ...entry, eventId: event.id, position }));
				if (topicList.length) tx.insert(topics).values(rows(topicList)).run();
				if (delegationList.length) tx.insert(delegations).values(rows(delegationList)).run();
				if (agencyList.length) tx.insert(agencies).values(rows(agencyList)).run();
			});
		},
		async listOpen() {
			return db
				.select({ code: events.code, displayKey: events.displayKey, title: events.title })
				.from(events)
				.where(eq(events.joinOpen, true))
				.orderBy(asc(events.createdAt))
				.all();
		},
		async setDisplayKey(eventId, displayKey) {
			db.update(events).set({ displayKey }).where(eq(events.id, eventId)).run();
		},
		async count() {
			return db.select({ n: count() }).from(events).get()?.n ?? 0;
		}
	};
}
