import { asc, count, eq, inArray } from 'drizzle-orm';
import type { EventDetails } from '$lib/domain/event';
import { pgErrorCode, type PgDb, type PgTx } from '../../db/postgres';
import { agencies, agendaItems, delegations, events, topics } from '../../db/schema-pg';
import { createEventCache, type EventCache } from '../event-cache';
import type { EventLists, EventRepository, NewEvent } from '../types';

const FOREIGN_KEY_VIOLATION = '23503';

export function createEventRepository(db: PgDb, cache: EventCache = createEventCache()): EventRepository & { forget(eventId: string): void } {
	// Kept in memory by id and code; dropped whenever this repository (or another process) writes the event.

	const listOf = (table: typeof delegations, eventId: string) =>
		db.select({ id: table.id, name: table.name }).from(table).where(eq(table.eventId, eventId)).orderBy(asc(table.position));

	async function withDetails(row: typeof events.$inferSelect | undefined): Promise<EventDetails | null> {
		if (!row) return null;
		const {
			createdAt: _createdAt,
			onScreenId: _onScreenId,
			onScreenSince: _onScreenSince,
			agendaCurrentId: _agendaCurrentId,
			agendaStartedAt: _agendaStartedAt,
			reviewOnScreen: _reviewOnScreen,
			...event
		} = row;
		const [topicList, delegationList, agencyList, agenda] = await Promise.all([
			db.select({ id: topics.id, name: topics.name, agencyId: topics.agencyId }).from(topics).where(eq(topics.eventId, row.id)).orderBy(asc(topics.position)),
			listOf(delegations, row.id),
			listOf(agencies, row.id),
			db
				.select({ id: agendaItems.id, title: agendaItems.title, plannedMinutes: agendaItems.plannedMinutes, presenter: agendaItems.presenter })
				.from(agendaItems)
				.where(eq(agendaItems.eventId, row.id))
				.orderBy(asc(agendaItems.position))
		]);
		return { ...event, topics: topicList, delegations: delegationList, agencies: agencyList, agenda };
	}

	async function writeLists(tx: PgTx, eventId: string, lists: EventLists) {
		const upsert = async <R extends { id: string }>(table: typeof delegations | typeof topics | typeof agendaItems, rows: R[]) => {
			for (const [position, row] of rows.entries()) {
				const values = { ...row, eventId, position };
				await tx.insert(table).values(values).onConflictDoUpdate({ target: table.id, set: values });
			}
		};
		await upsert(agencies, lists.agencies);
		await upsert(delegations, lists.delegations);
		await upsert(topics, lists.topics);
		await upsert(agendaItems, lists.agenda);
	}

	const first = async <T>(rows: Promise<T[]>) => (await rows)[0];

	return {
		/** For the imported-forum repository, which writes events itself. */
		// After another repository wrote the event (an import): drop it here and on the other processes.
		forget: (eventId: string) => cache.written(eventId),
		async findByCode(code) {
			const since = cache.generation();
			return cache.byCode(code) ?? cache.remember(await withDetails(await first(db.select().from(events).where(eq(events.code, code)))), since);
		},
		async findById(id) {
			const since = cache.generation();
			return cache.byId(id) ?? cache.remember(await withDetails(await first(db.select().from(events).where(eq(events.id, id)))), since);
		},
		async findByDisplayKey(displayKey) {
			return withDetails(await first(db.select().from(events).where(eq(events.displayKey, displayKey))));
		},
		async create(event: NewEvent) {
			const { topics: topicList, delegations: delegationList, agencies: agencyList, agenda, ...row } = event;
			await db.transaction(async (tx) => {
				await tx.insert(events).values(row);
				await writeLists(tx, event.id, { topics: topicList, delegations: delegationList, agencies: agencyList, agenda });
			});
		},
		async update(eventId, { fields, lists, removed }) {
			cache.forget(eventId);
			try {
				await db.transaction(async (tx) => {
					await tx.update(events).set(fields).where(eq(events.id, eventId));
					if (removed.topics.length) await tx.delete(topics).where(inArray(topics.id, removed.topics));
					if (removed.agenda.length) await tx.delete(agendaItems).where(inArray(agendaItems.id, removed.agenda));
					if (removed.agencies.length) {
						await tx.update(topics).set({ agencyId: null }).where(inArray(topics.agencyId, removed.agencies));
						await tx.delete(agencies).where(inArray(agencies.id, removed.agencies));
					}
					if (removed.delegations.length) await tx.delete(delegations).where(inArray(delegations.id, removed.delegations));
					await writeLists(tx, eventId, lists);
				});
				return true;
			} catch (error) {
				// A removed entry that children, items or staff still point at: nothing is changed.
				if (pgErrorCode(error) === FOREIGN_KEY_VIOLATION) return false;
				throw error;
			} finally {
				// Again after the write: a read that began before it finished is not kept (generation).
				cache.written(eventId);
			}
		},
		async listOpen() {
			return db
				.select({ code: events.code, displayKey: events.displayKey, title: events.title })
				.from(events)
				.where(eq(events.joinOpen, true))
				.orderBy(asc(events.createdAt));
		},
		async listChildren(parentEventId) {
			const since = cache.generation();
			const rows = await db.select().from(events).where(eq(events.parentEventId, parentEventId)).orderBy(asc(events.createdAt));
			const found = await Promise.all(rows.map(async (row) => cache.byId(row.id) ?? cache.remember(await withDetails(row), since)));
			return found.filter((e) => e !== null);
		},
		async setParent(eventId, parentEventId) {
			cache.forget(eventId);
			await db.update(events).set({ parentEventId }).where(eq(events.id, eventId));
			cache.forget(eventId);
		},
		async getStage(eventId) {
			return (
				(await first(
					db
						.select({
							onScreenId: events.onScreenId,
							onScreenSince: events.onScreenSince,
							agendaCurrentId: events.agendaCurrentId,
							agendaStartedAt: events.agendaStartedAt,
							reviewOnScreen: events.reviewOnScreen
						})
						.from(events)
						.where(eq(events.id, eventId))
				)) ?? null
			);
		},
		async setStage(eventId, stage) {
			await db.update(events).set(stage).where(eq(events.id, eventId));
		},
		async setDisplayKey(eventId, displayKey) {
			cache.forget(eventId);
			await db.update(events).set({ displayKey }).where(eq(events.id, eventId));
			cache.written(eventId);
		},
		async count() {
			return (await first(db.select({ n: count() }).from(events)))?.n ?? 0;
		}
	};
}
