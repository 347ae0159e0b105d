import { randomBytes, randomInt } from 'node:crypto';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import {
	generateJoinCode,
	reconcileEntries,
	setupFormOf,
	validateEventSetup,
	type EventSetup,
	type EventSetupInput
} from '$lib/domain/event-setup';
import type { EventDetails } from '$lib/domain/event';
import { ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import type { EventLists } from '../repositories';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';

export function newDisplayKey(): string {
	return encodeBase64urlNoPadding(randomBytes(18));
}

/** Turns a validated setup into stored lists, keeping the ids of entries the event already has. */
function listsFor(setup: EventSetup, stored: EventDetails | null, newId: () => string) {
	const match = <T extends { id: string }>(entries: (T & { key: string })[], wanted: string[]) =>
		reconcileEntries(entries, wanted.map((key) => ({ key })), newId);
	const named = (entries: { id: string; name: string }[] = []) => entries.map((e) => ({ ...e, key: e.name }));
	const agencies = match(named(stored?.agencies), setup.agencies);
	const delegations = match(named(stored?.delegations), setup.delegations);
	const topics = match(named(stored?.topics), setup.topics.map((t) => t.name));
	const agenda = match(
		(stored?.agenda ?? []).map((a) => ({ ...a, key: a.title })),
		setup.agenda.map((a) => a.title)
	);
	const lists: EventLists = {
		agencies: setup.agencies.map((name, i) => ({ id: agencies.ids[i], name })),
		delegations: setup.delegations.map((name, i) => ({ id: delegations.ids[i], name })),
		topics: setup.topics.map((t, i) => ({
			id: topics.ids[i],
			name: t.name,
			agencyId: t.agency === null ? null : agencies.ids[t.agency]
		})),
		agenda: setup.agenda.map((a, i) => ({ id: agenda.ids[i], ...a }))
	};
	const removed = {
		agencies: agencies.removed,
		delegations: delegations.removed,
		topics: topics.removed,
		agenda: agenda.removed
	};
	return { lists, removed };
}

function fieldsOf({ topics: _t, delegations: _d, agencies: _a, agenda: _g, personalDataConsent: _c, ...fields }: EventSetup) {
	return fields;
}

/**
 * Who recorded the consent for children's personal data, and when: kept while the questions stay
 * on, recorded anew when they are turned on, cleared when they are turned off.
 */
function consentFor(setup: EventSetup, stored: EventDetails | null, userId: string, at: number) {
	if (!setup.personalDataConsent) return { personalDataConsentBy: null, personalDataConsentAt: null, recorded: false };
	if (stored?.personalDataConsentAt != null && (stored.askAgeBand || stored.askGender))
		return { personalDataConsentBy: stored.personalDataConsentBy ?? null, personalDataConsentAt: stored.personalDataConsentAt, recorded: false };
	return { personalDataConsentBy: userId, personalDataConsentAt: at, recorded: true };
}

const consentDetail = (setup: EventSetup) =>
	`legal representatives' consent recorded for: ${[setup.askAgeBand && 'age band', setup.askGender && 'gender'].filter(Boolean).join(', ')}`;

export function createEventSetupService(deps: ServiceDeps) {
	const { repos, announce, newId, now } = deps;
	const audit = auditTrail(deps);

	async function unusedJoinCode(): Promise<string> {
		// 31^7 ≈ 27.5 billion codes: a collision is rare, and then we simply draw again.
		for (;;) {
			const code = generateJoinCode(randomInt);
			if (!(await repos.events.findByCode(code))) return code;
		}
	}

	/**
	 * Whether the actor may start next year's forum from this one: one they organise, or one imported
	 * from another installation into a forum they organise (imported forums have no staff of their own).
	 */
	async function mayCopy(actor: StaffActor | null, eventId: string): Promise<boolean> {
		if (authorise(actor, 'event:edit', { eventId })) return true;
		const event = await repos.events.findById(eventId);
		return Boolean(event?.importedFrom && event.parentEventId && authorise(actor, 'event:edit', { eventId: event.parentEventId }));
	}

	/** A form error; asking children's personal data without the consent tick is also logged. */
	function refusedSetup(actor: StaffActor, eventId: string | null, failed: Extract<Result<unknown>, { ok: false }>) {
		if (failed.error.code === 'consent_required') return audit.refused(actor, 'personalData:consent', eventId, 'consent_required');
		return Promise.resolve(failed as Result<never>);
	}

	return {
		/**
		 * An organiser account creates an event and becomes its organiser. With a predecessor (last
		 * year's forum, which they organised) the new event is linked to it for the review.
		 */
		async create(
			actor: StaffActor | null,
			input: EventSetupInput,
			predecessorId: string | null = null
		): Promise<Result<{ id: string; code: string }>> {
			if (!authorise(actor, 'event:create') || !actor) return audit.refused(actor, 'event:create', null, 'forbidden');
			if (predecessorId && !(await mayCopy(actor, predecessorId)))
				return audit.refused(actor, 'event:create', null, 'forbidden');
			const setup = validateEventSetup(input);
			if (!setup.ok) return refusedSetup(actor, null, setup);
			const id = newId();
			const code = await unusedJoinCode();
			const { lists } = listsFor(setup.data, null, newId);
			const { recorded, ...consent } = consentFor(setup.data, null, actor.userId, now());
			await repos.events.create({ ...fieldsOf(setup.data), ...consent, ...lists, id, code, predecessorId, displayKey: newDisplayKey() });
			await repos.staff.grantRole(actor.userId, { eventId: id, role: 'organiser', agencyId: null });
			await audit.done(actor, 'event:create', id, predecessorId ? `copy of ${predecessorId}` : '');
			if (recorded) await audit.done(actor, 'personalData:consent', id, consentDetail(setup.data));
			return ok({ id, code });
		},

		/** The setup form of an event its organiser may edit; null for anyone else. */
		async formOf(actor: StaffActor | null, eventId: string): Promise<EventSetupInput | null> {
			if (!authorise(actor, 'event:edit', { eventId })) return null;
			const event = await repos.events.findById(eventId);
			return event && setupFormOf(event);
		},

		/** The form next year's forum starts from: of a forum they organise, or one imported into theirs. */
		async copyFormOf(actor: StaffActor | null, eventId: string): Promise<EventSetupInput | null> {
			if (!(await mayCopy(actor, eventId))) return null;
			const event = await repos.events.findById(eventId);
			return event && setupFormOf(event);
		},

		/**
		 * Edits an event. Entries kept by name keep their ids (children joined to a delegation stay
		 * in it); removing one that children, items or staff point at is refused, nothing changed.
		 */
		async update(actor: StaffActor | null, eventId: string, input: EventSetupInput): Promise<Result<{ id: string }>> {
			if (!authorise(actor, 'event:edit', { eventId }) || !actor) return audit.refused(actor, 'event:edit', eventId, 'forbidden');
			const stored = await repos.events.findById(eventId);
			if (!stored) return audit.refused(actor, 'event:edit', null, 'unknown_event');
			const setup = validateEventSetup(input);
			if (!setup.ok) return refusedSetup(actor, eventId, setup);
			const { lists, removed } = listsFor(setup.data, stored, newId);
			const { recorded, ...consent } = consentFor(setup.data, stored, actor.userId, now());
			if (!(await repos.events.update(eventId, { fields: { ...fieldsOf(setup.data), ...consent }, lists, removed })))
				return audit.refused(actor, 'event:edit', eventId, 'entry_in_use');
			// Before and after, field by field, as the organiser's form shows them.
			const before = setupFormOf(stored);
			const after = setupFormOf((await repos.events.findById(eventId)) ?? stored);
			const changes = (Object.keys(after) as (keyof EventSetupInput)[])
				.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
				.map((key) => `${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`);
			await audit.done(actor, 'event:edit', eventId, changes.join('; ').slice(0, 2000));
			if (recorded) await audit.done(actor, 'personalData:consent', eventId, consentDetail(setup.data));
			return ok({ id: eventId });
		},

		/** Revokes the screen's link: a new secret, and screens on the old one are cut off at once. */
		async rotateDisplayKey(actor: StaffActor | null, eventId: string): Promise<Result<{ displayKey: string }>> {
			if (!authorise(actor, 'display:control', { eventId }) || !actor)
				return audit.refused(actor, 'display:control', eventId, 'forbidden');
			if (!(await repos.events.findById(eventId))) return audit.refused(actor, 'display:control', null, 'unknown_event');
			const displayKey = newDisplayKey();
			await repos.events.setDisplayKey(eventId, displayKey);
			await announce({ type: 'screen:revoked', eventId });
			await audit.done(actor, 'display:control', eventId, 'screen link revoked');
			return ok({ displayKey });
		}
	};
}

export type EventSetupService = ReturnType<typeof createEventSetupService>;
