import { fail, ok, type Result } from '$lib/domain/result';
import { authorise, isAgencyBound, STAFF_ROLES, type StaffActor, type StaffRole } from '$lib/domain/staff';
import { generateSessionToken, sessionIdFromToken, TOKEN_PATTERN } from '../auth/participant-session';
import type { StaffInvitation } from '../repositories';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';
import type { NewAccount, StaffAuthService } from './staff-auth-service';

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface InvitationRequest {
	eventId: string;
	role: string;
	agencyId: string | null;
}

export interface InvitationSummary {
	eventTitle: string;
	role: StaffRole;
	agencyName: string | null;
}

export function createStaffInvitationService(deps: ServiceDeps, staffAuth: StaffAuthService) {
	const { repos, now, announce } = deps;

	async function createLink(actor: StaffActor, eventId: string, role: StaffRole, agencyId: string | null) {
		const token = generateSessionToken();
		const expiresAt = now() + INVITATION_LIFETIME_MS;
		await repos.staff.createInvitation({
			id: sessionIdFromToken(token),
			eventId,
			role,
			agencyId: isAgencyBound(role) ? agencyId : null,
			createdBy: actor.userId,
			expiresAt,
			usedAt: null
		});
		return { token, expiresAt };
	}
	const audit = auditTrail(deps);

	/** A forged, reused or expired link is refused and logged for the event's organiser. */
	async function usable(token: string): Promise<Result<StaffInvitation>> {
		if (!TOKEN_PATTERN.test(token)) return audit.refused(null, 'invitation', null, 'invitation_invalid');
		const invitation = await repos.staff.findInvitation(sessionIdFromToken(token));
		if (!invitation) return audit.refused(null, 'invitation', null, 'invitation_invalid');
		if (invitation.usedAt !== null) return audit.refused(null, 'invitation', invitation.eventId, 'invitation_used');
		if (invitation.expiresAt <= now()) return audit.refused(null, 'invitation', invitation.eventId, 'invitation_expired');
		return ok(invitation);
	}

	async function redeem(invitation: StaffInvitation, userId: string): Promise<Result<{ eventId: string }>> {
		return (await repos.staff.redeemInvitation(invitation.id, userId, now()))
			? ok({ eventId: invitation.eventId })
			: fail('invitation_used');
	}

	return {
		/** An organiser invites someone to one role in one event (and, for leaders and officers, one agency). */
		async invite(actor: StaffActor | null, request: InvitationRequest): Promise<Result<{ token: string; expiresAt: number }>> {
			if (!actor || !authorise(actor, 'staff:invite', { eventId: request.eventId }))
				return audit.refused(actor, 'staff:invite', request.eventId, 'forbidden');
			if (!(STAFF_ROLES as readonly string[]).includes(request.role)) return fail('invalid_payload');
			const role = request.role as StaffRole;
			const event = await repos.events.findById(request.eventId);
			if (!event) return fail('unknown_event');
			if (isAgencyBound(role) !== Boolean(request.agencyId)) return fail('agency_required');
			if (request.agencyId && !event.agencies.some((a) => a.id === request.agencyId)) return fail('unknown_agency');

			const link = await createLink(actor, event.id, role, request.agencyId);
			await audit.done(actor, 'staff:invite', event.id, role);
			return ok(link);
		},

		/**
		 * An organiser resets a staff member's access to their event (a forgotten password, a
		 * laptop left signed in, a password that leaked): the member's roles in this event are
		 * removed, every session of theirs ends and their open consoles close at once, and a new
		 * link for the same roles is made for the organiser to hand over. The member takes it onto
		 * a new account, or onto their own after changing the password.
		 */
		async resetAccess(
			actor: StaffActor | null,
			eventId: string,
			username: string
		): Promise<Result<{ links: { role: StaffRole; agencyId: string | null; token: string; expiresAt: number }[] }>> {
			if (!actor || !authorise(actor, 'staff:invite', { eventId })) return audit.refused(actor, 'staff:reset', eventId, 'forbidden');
			const member = await repos.staff.findUserByUsername(username.trim().toLowerCase().slice(0, 64));
			if (!member || !(await repos.staff.listRoles(member.id)).some((r) => r.eventId === eventId)) return fail('staff_unknown');
			if (member.id === actor.userId) return fail('staff_reset_self');
			const removed = await repos.staff.revokeRoles(member.id, eventId);
			await repos.staff.deleteSessionsOf(member.id);
			await announce({ type: 'staff:access-removed', userId: member.id, eventId });
			await announce({ type: 'staff:signed-out', userId: member.id });
			const links = [];
			for (const role of removed) links.push({ role: role.role, agencyId: role.agencyId, ...(await createLink(actor, eventId, role.role, role.agencyId)) });
			await audit.done(actor, 'staff:reset', eventId, member.username);
			return ok({ links });
		},

		async describe(token: string): Promise<Result<InvitationSummary>> {
			const found = await usable(token);
			if (!found.ok) return found;
			const event = await repos.events.findById(found.data.eventId);
			if (!event) return fail('invitation_invalid');
			return ok({
				eventTitle: event.title,
				role: found.data.role,
				agencyName: event.agencies.find((a) => a.id === found.data.agencyId)?.name ?? null
			});
		},

		/** A signed-in staff member takes the role onto their own account. */
		async acceptAsUser(token: string, userId: string): Promise<Result<{ eventId: string }>> {
			const found = await usable(token);
			return found.ok ? redeem(found.data, userId) : found;
		},

		/** Someone new creates their account through the link and is signed in. */
		async acceptWithNewAccount(token: string, account: NewAccount): Promise<Result<{ token: string; expiresAt: number }>> {
			const found = await usable(token);
			if (!found.ok) return found;
			const prepared = await staffAuth.prepareAccount(account, false);
			if (!prepared.ok) return prepared;
			// Account, claim and role in one transaction: five people racing on one link make one account.
			const outcome = await repos.staff.createUserThroughInvitation(prepared.data, found.data.id, now());
			if (outcome === 'taken') return fail('username_taken');
			if (outcome === 'used') return audit.refused(null, 'invitation', found.data.eventId, 'invitation_used');
			return ok(await staffAuth.startSession(prepared.data.id));
		}
	};
}

export type StaffInvitationService = ReturnType<typeof createStaffInvitationService>;
