import { randomBytes, randomInt } from 'node:crypto';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { generateJoinCode, validateEventSetup, type EventSetupInput } from '$lib/domain/event-setup';
import { fail, ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import type { ServiceDeps } from './deps';

export function newDisplayKey(): string {
	return encodeBase64urlNoPadding(randomBytes(18));
}

export function createEventSetupService({ repos, publisher, newId }: ServiceDeps) {
	async function unusedJoinCode(): Promise<string> {
		// 31^5 ≈ 28 million codes: a collision is rare, and then we simply draw again.
		for (;;) {
			const code = generateJoinCode(randomInt);
			if (!(await repos.events.findByCode(code))) return code;
		}
	}

	return {
		/** An organiser account creates an event and becomes its organiser. */
		async create(actor: StaffActor | null, input: EventSetupInput): Promise<Result<{ id: string; code: string }>> {
			if (!authorise(actor, 'event:create') || !actor) return fail('forbidden');
			const setup = validateEventSetup(input);
			if (!setup.ok) return setup;
			const { topics, delegations, agencies, ...fields } = setup.data;
			const entries = (names: string[]) => names.map((name) => ({ id: newId(), name }));
			const id = newId();
			const code = await unusedJoinCode();
			await repos.events.create({
				...fields,
				id,
				code,
				displayKey: newDisplayKey(),
				topics: entries(topics),
				delegations: entries(delegations),
				agencies: entries(agencies)
			});
			await repos.staff.grantRole(actor.userId, { eventId: id, role: 'organiser', agencyId: null });
			return ok({ id, code });
		},

		/** Revokes the screen's link: a new secret, and screens on the old one are cut off at once. */
		async rotateDisplayKey(actor: StaffActor | null, eventId: string): Promise<Result<{ displayKey: string }>> {
			if (!authorise(actor, 'display:control', { eventId })) return fail('forbidden');
			if (!(await repos.events.findById(eventId))) return fail('unknown_event');
			const displayKey = newDisplayKey();
			await repos.events.setDisplayKey(eventId, displayKey);
			publisher.evict({ kind: 'display', eventId });
			return ok({ displayKey });
		}
	};
}

export type EventSetupService = ReturnType<typeof createEventSetupService>;
