import { randomInt } from 'node:crypto';
import { fail, ok, type Result } from '$lib/domain/result';
import { formatSeatCode, generateSeatCode, SEATS_PER_BATCH_MAX } from '$lib/domain/seat';
import { authorise, type StaffActor } from '$lib/domain/staff';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';
import { seatCodeHash } from './session-service';

export interface SeatCard {
	/** As printed: XXXX-XXXX. */
	code: string;
	delegationName: string | null;
}

/** Printed single-use seat codes: the organiser makes a batch, prints it at once, only hashes stay. */
export function createSeatService(deps: ServiceDeps) {
	const { repos, newId } = deps;
	const audit = auditTrail(deps);
	return {
		/** Cards printed and used so far, per delegation; null for anyone but the event's organiser. */
		async overview(actor: StaffActor | null, eventId: string) {
			if (!authorise(actor, 'seats:manage', { eventId })) return null;
			return repos.seats.counts(eventId);
		},

		/** A batch of N new codes, for one delegation or for the whole event (the child then picks). */
		async generate(
			actor: StaffActor | null,
			eventId: string,
			input: { delegationId: string | null; count: number }
		): Promise<Result<{ cards: SeatCard[] }>> {
			if (!authorise(actor, 'seats:manage', { eventId }) || !actor) return audit.refused(actor, 'seats:generate', eventId, 'forbidden');
			const event = await repos.events.findById(eventId);
			if (!event) return audit.refused(actor, 'seats:generate', null, 'unknown_event');
			if (!Number.isInteger(input.count) || input.count < 1 || input.count > SEATS_PER_BATCH_MAX) return fail('seat_count_invalid');
			const delegation = input.delegationId ? event.delegations.find((d) => d.id === input.delegationId) : null;
			if (input.delegationId && !delegation) return fail('unknown_delegation');

			const codes = new Set<string>();
			while (codes.size < input.count) codes.add(generateSeatCode(randomInt));
			await repos.seats.createMany(
				[...codes].map((code) => ({ id: newId(), eventId, delegationId: delegation?.id ?? null, codeHash: seatCodeHash(eventId, code) }))
			);
			await audit.done(actor, 'seats:generate', eventId, `${input.count} seat codes for ${delegation?.name ?? 'the whole event'}`);
			return ok({ cards: [...codes].map((code) => ({ code: formatSeatCode(code), delegationName: delegation?.name ?? null })) });
		}
	};
}

export type SeatService = ReturnType<typeof createSeatService>;
