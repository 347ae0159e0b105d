import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { agencies, agendaItems, delegations, events, topics } from '../db/schema';
import type { EventDetails } from '$lib/domain/event';
import { preparedOnce } from './prepared';
import { createEventCache, type EventCache } from './event-cache';
import type { EventLists, EventRepository, NewEvent } from './types';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function createEventRepository(db: Db, cache: EventCache = createEventCache()): EventRepository & { forget(eventId: string): void } {
	// Prepared: every phone's sync and every screen's redraw reads the stage.
	const stageOf = preparedOnce(() =>
		db
			.select({
				onScreenId: events.onScreenId,
				onScreenSince: events.onScreenSince,
				agendaCurrentId: events.agendaCurrentId,
				agendaStartedAt: events.agendaStartedAt,
				reviewOnScreen: events.reviewOnScreen
			})
			.from(events)
			.where(eq(events.id, sql.placeholder('eventId')))
			.prepare()
	);
	// Kept in memory by id and code; dropped whenever this repository (or another process) writes the event.

	const listOf = (table: typeof delegations, eventId: string) =>
		db
			.select({ id: table.id, name: table.name })
			.from(table)
			.where(eq(table.eventId, eventId))
			.orderBy(asc(table.position))
			.all();

	const withDetails = (row: typeof events.$inferSelect | undefined): EventDetails | null => {
		if (!row) return null;
		// The stage's pointers are live state, read through getStage, not part of the event's setup.
		const {
			createdAt: _createdAt,
			onScreenId: _onScreenId,
			onScreenSince: _onScreenSince,
			agendaCurrentId: _agendaCurrentId,
			agendaStartedAt: _agendaStartedAt,
			reviewOnScreen: _reviewOnScreen,
			...event
		} = row;
		return {
			...event,
			topics: db
				.select({ id: topics.id, name: topics.name, agencyId: topics.agencyId })
				.from(topics)
				.where(eq(topics.eventId, row.id))
				.orderBy(asc(topics.position))
				.all(),
			delegations: listOf(delegations, row.id),
			agencies: listOf(agencies, row.id),
			agenda: db
				.select({
					id: agendaItems.id,
					title: agendaItems.title,
					plannedMinutes: agendaItems.plannedMinutes,
					presenter: agendaItems.presenter
				})
				.from(agendaItems)
				.where(eq(agendaItems.eventId, row.id))
				.orderBy(asc(agendaItems.position))
				.all()
		};
	};

	/** Writes an event's lists: entries kept by id are updated in place, new ones inserted. */
	function writeLists(tx: Tx, eventId: string, lists: EventLists) {
		const upsert = <R extends { id: string }>(table: typeof delegations | typeof topics | typeof agendaItems, rows: R[]) => {
			for (const [position, row] of rows.entries()) {
				const values = { ...row, eventId, position };
				tx.insert(table).values(values).onConflictDoUpdate({ target: table.id, set: values }).run();
			}
		};
		upsert(agencies, lists.agencies);
		upsert(delegations, lists.delegations);
		upsert(topics, lists.topics);
		upsert(agendaItems, lists.agenda);
	}

	return {
		/** For the imported-forum repository, which writes events itself. */
		// After another repository wrote the event (an import): drop it here and on the other processes.
		forget: (eventId: string) => cache.written(eventId),
		async findByCode(code) {
			return cache.byCode(code) ?? cache.remember(withDetails(db.select().from(events).where(eq(events.code, code)).get()), cache.generation());
		},
		async findById(id) {
			return cache.byId(id) ?? cache.remember(withDetails(db.select().from(events).where(eq(events.id, id)).get()), cache.generation());
		},
		async findByDisplayKey(displayKey) {
			return withDetails(db.select().from(events).where(eq(events.displayKey, displayKey)).get());
		},
		async create(event: NewEvent) {
			const { topics: topicList, delegations: delegationList, agencies: agencyList, agenda, ...row } = event;
			db.transaction((tx) => {
				tx.insert(events).values(row).run();
				writeLists(tx, event.id, { topics: topicList, delegations: delegationList, agencies: agencyList, agenda });
			});
		},
		async update(eventId, { fields, lists, removed }) {
			cache.forget(eventId);
			try {
				db.transaction((tx) => {
					tx.update(events).set(fields).where(eq(events.id, eventId)).run();
					// Topics may point at agencies about to go: drop those links before the agencies.
					if (removed.topics.length) tx.delete(topics).where(inArray(topics.id, removed.topics)).run();
					if (removed.agenda.length) tx.delete(agendaItems).where(inArray(agendaItems.id, removed.agenda)).run();
					if (removed.agencies.length) {
						tx.update(topics).set({ agencyId: null }).where(inArray(topics.agencyId, removed.agencies)).run();
						tx.delete(agencies).where(inArray(agencies.id, removed.agencies)).run();
					}
					if (removed.delegations.length) tx.delete(delegations).where(inArray(delegations.id, removed.delegations)).run();
					writeLists(tx, eventId, lists);
				});
				cache.written(eventId);
				return true;
			} catch (error) {
				// A removed entry that children, items or staff still point at: nothing is changed.
				if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
				throw error;
			}
		},
		async listOpen() {
			return db
				.select({ code: events.code, displayKey: events.displayKey, title: events.title })
				.from(events)
				.where(eq(events.joinOpen, true))
				.orderBy(asc(events.createdAt))
				.all();
		},
		async listChildren(parentEventId) {
			const since = cache.generation();
			const rows = db.select().from(events).where(eq(events.parentEventId, parentEventId)).orderBy(asc(events.createdAt)).all();
			return rows.map((row) => cache.byId(row.id) ?? cache.remember(withDetails(row), since)).filter((e) => e !== null);
		},
		async setParent(eventId, parentEventId) {
			cache.forget(eventId);
			db.update(events).set({ parentEventId }).where(eq(events.id, eventId)).run();
		},
		async getStage(eventId) {
			return stageOf().get({ eventId }) ?? null;
		},
		async setStage(eventId, stage) {
			db.update(events).set(stage).where(eq(events.id, eventId)).run();
		},
		async setDisplayKey(eventId, displayKey) {
			cache.forget(eventId);
			db.update(events).set({ displayKey }).where(eq(events.id, eventId)).run();
			cache.written(eventId);
		},
		async count() {
			return db.select({ n: count() }).from(events).get()?.n ?? 0;
		}
	};
}
