import { fail, type ErrorCode, type Result } from '$lib/domain/result';
import type { StaffActor } from '$lib/domain/staff';
import type { ServiceDeps } from './deps';

/**
 * Records staff actions and refusals for the organiser. A refusal is returned as the failure it
 * records, so a service refuses and logs in one line.
 */
export function auditTrail({ repos, now }: Pick<ServiceDeps, 'repos' | 'now'>) {
	return {
		async refused(
			actor: StaffActor | null,
			action: string,
			eventId: string | null,
			code: ErrorCode,
			by?: string
		): Promise<Result<never>> {
			await repos.audit.record({ at: now(), eventId, userId: actor?.userId ?? null, action, outcome: 'refused', detail: code });
			return fail(code, by);
		},
		async done(actor: StaffActor, action: string, eventId: string | null, detail = '') {
			await repos.audit.record({ at: now(), eventId, userId: actor.userId, action, outcome: 'done', detail });
		}
	};
}

export type AuditTrail = ReturnType<typeof auditTrail>;
