/**
 * What staff pages read, each behind the same permission check the actions use: the event for a
 * staff member, their forums, the logs, what may be forwarded, who works on an event, health.
 * Routes read through here; they never reach a repository.
 */
import { authorise, type StaffAction, type StaffActor } from '$lib/domain/staff';
import type { EventDetails } from '$lib/domain/event';
import { normaliseJoinCode } from '$lib/domain/event';
import type { ServiceDeps } from './deps';

const LOG_ROWS = 300;

export function createStaffReadService({ repos }: ServiceDeps) {
	/** The event, when it exists and this person may take `action` on it; null either way otherwise. */
	async function eventFor(actor: StaffActor | null, action: StaffAction, eventId: string): Promise<EventDetails | null> {
		if (!actor || !authorise(actor, action, { eventId })) return null;
		return repos.events.findById(eventId);
	}

	return {
		eventFor,

		/** The forums on a staff member's home page, with the screen's link for those who run it. */
		async forumsOf(actor: StaffActor) {
			const eventIds = [...new Set(actor.roles.map((r) => r.eventId))].filter((eventId) => authorise(actor, 'event:view', { eventId }));
			const events = await Promise.all(eventIds.map((id) => repos.events.findById(id)));
			return events
				.filter((event) => event !== null)
				.map((event) => ({
					id: event.id,
					title: event.title,
					code: event.code,
					roles: actor.roles.filter((r) => r.eventId === event.id).map((r) => r.role),
					// The screen's secret link is for those who run the event, not every role.
					displayKey: authorise(actor, 'display:control', { eventId: event.id }) ? event.displayKey : null
				}));
		},

		async eventLog(actor: StaffActor | null, eventId: string) {
			const event = await eventFor(actor, 'audit:view', eventId);
			return event && { event: { id: event.id, title: event.title }, rows: await repos.audit.listForEvent(event.id, LOG_ROWS) };
		},

		/** Refusals that belong to no forum: for those who may create forums (they run the installation). */
		async installationLog(actor: StaffActor | null) {
			return actor && authorise(actor, 'event:create') ? repos.audit.listWithoutEvent(LOG_ROWS) : null;
		},

		/** Upward: this forum's shown recommendations and messages, for those who edit it. */
		async forwardable(actor: StaffActor | null, eventId: string) {
			if (!(await eventFor(actor, 'event:edit', eventId))) return [];
			const shown = await repos.submissions.listByStatus(eventId, ['approved', 'answered', 'follow_up']);
			return shown.filter((item) => item.kind !== 'question').map((item) => ({ id: item.id, kind: item.kind, text: item.text }));
		},

		async eventStaff(actor: StaffActor | null, eventId: string) {
			return (await eventFor(actor, 'staff:invite', eventId)) ? repos.staff.listEventStaff(eventId) : [];
		},

		/** The events behind rows this person was already allowed to see (the tracking list's names). */
		async eventsNamed(eventIds: readonly string[]) {
			return (await Promise.all([...new Set(eventIds)].map((id) => repos.events.findById(id)))).filter((e) => e !== null);
		},

		/** The public outcome page's event, by its join code. */
		publicEvent: (code: string) => repos.events.findByCode(normaliseJoinCode(code)),

		/** Events children can join now: for the start-up banner. */
		openEvents: () => repos.events.listOpen(),

		/** True when the store answers; for /healthz. */
		healthy: () => repos.ping(),
		/** Whether writes go through now ('busy': another process holds the lock; 'failing': a full disk); for /healthz. */
		databaseHealth: () => repos.health()
	};
}

export type StaffReadService = ReturnType<typeof createStaffReadService>;
