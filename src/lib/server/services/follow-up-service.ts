import { SUBMISSION_FLOW } from '$lib/domain/submission-flow';
import {
	defaultDueAt,
	parseDueDate,
	validateFollowUpUpdate,
	type FollowUpUpdateInput
} from '$lib/domain/follow-up';
import { ok, type Result } from '$lib/domain/result';
import { authorise, isAgencyBound, type StaffActor } from '$lib/domain/staff';
import { publicView, type FollowUpOutcome } from '$lib/domain/submission';
import type { FollowUpFilter, FollowUpListRow, HandOver, StoredFollowUp, StoredSubmission } from '../repositories';
import { auditTrail } from './audit-trail';
import { staffName, type ServiceDeps } from './deps';

export interface MarkFollowUpInput {
	submissionId: string;
	/** Another agency than the item's (organisers and the MC only); null keeps the item's. */
	agencyId: string | null;
	/** yyyy-mm-dd, or '' for the event's default period. */
	dueDate: string;
	note: string;
}

export const outcomeOf = (f: StoredFollowUp): FollowUpOutcome => ({
	status: f.status,
	response: f.response,
	reason: f.reason,
	wayForward: f.wayForward,
	dueAt: f.dueAt
});

/**
 * Items not answered on the day become follow-ups for an agency, tracked until every child gets
 * an answer. Leaders hand their own agency's items over; the organiser and the MC any item; the
 * agency's follow-up officer reports progress; each change is kept with who and when.
 */
export function createFollowUpService(deps: ServiceDeps) {
	const { repos, now, newId, announce } = deps;
	const audit = auditTrail(deps);
	const nameOf = (actor: StaffActor) => staffName(repos, actor);

	/** Builds one hand-over: the follow-up row and its first history entry. */
	function handOverOf(item: StoredSubmission, agencyId: string | null, dueAt: number, byName: string, note: string): HandOver {
		const at = now();
		const followUp = { id: newId(), submissionId: item.id, eventId: item.eventId, agencyId, status: 'open' as const, dueAt, response: '', reason: '', wayForward: '', createdAt: at, updatedAt: at };
		return { followUp, history: { at, byName, status: 'open', agencyId, dueAt, response: '', reason: '', wayForward: '', note } };
	}

	/** Tells the hall, the consoles and the author's phone, once each, what each hand-over did. */
	async function announceHandedOver(done: { submission: StoredSubmission; followUp: StoredFollowUp }[], before: Map<string, StoredSubmission>) {
		for (const { submission, followUp } of done)
			await announce({ type: 'submission:changed', submission, previous: before.get(submission.id)!, followUp: outcomeOf(followUp) });
	}

	return {
		/** "To follow up", on the day: the item goes to an agency with a due date and a note. */
		async mark(actor: StaffActor | null, input: MarkFollowUpInput): Promise<Result<StoredFollowUp>> {
			const item = await repos.submissions.findById(input.submissionId);
			if (!item || !actor || !authorise(actor, 'submission:answer', { eventId: item.eventId, agencyId: item.agencyId }))
				return audit.refused(actor, 'submission:answer', item?.eventId ?? null, item ? 'forbidden' : 'unknown_submission');
			const event = await repos.events.findById(item.eventId);
			if (!event) return audit.refused(actor, 'submission:answer', null, 'unknown_event');
			const agencyId = input.agencyId ?? item.agencyId;
			// Handing an item to another agency is the organiser's or the MC's call, not a leader's.
			if (agencyId !== item.agencyId && !authorise(actor, 'followUp:assign', { eventId: item.eventId }))
				return audit.refused(actor, 'followUp:assign', item.eventId, 'forbidden');
			if (agencyId && !event.agencies.some((a) => a.id === agencyId)) return audit.refused(actor, 'submission:answer', item.eventId, 'unknown_agency');
			const due = input.dueDate.trim() ? parseDueDate(input.dueDate, now()) : ok(defaultDueAt(event.startsAt, event.followUpDays, now()));
			if (!due.ok) return due;
			const handOver = handOverOf(item, agencyId, due.data, await nameOf(actor), input.note.trim().slice(0, 1000));
			const done = await repos.followUps.handOver([handOver], SUBMISSION_FLOW.followUp.from);
			if (!done.length) return audit.refused(actor, 'submission:answer', item.eventId, 'not_answerable');
			await announceHandedOver(done, new Map([[item.id, item]]));
			const followUp = done[0].followUp;
			await audit.done(actor, 'submission:answer', item.eventId, `${item.id}: to follow up`);
			return ok(followUp);
		},

		/**
		 * Ends the live session: every approved item nobody reached becomes a follow-up for its
		 * agency (or "to be assigned"). Recommendations and messages are follow-ups by nature.
		 */
		async closeSession(actor: StaffActor | null, eventId: string): Promise<Result<{ followUps: number }>> {
			if (!actor || !authorise(actor, 'session:close', { eventId })) return audit.refused(actor, 'session:close', eventId, 'forbidden');
			const event = await repos.events.findById(eventId);
			if (!event) return audit.refused(actor, 'session:close', null, 'unknown_event');
			const dueAt = defaultDueAt(event.startsAt, event.followUpDays, now());
			const byName = await nameOf(actor);
			const waiting = await repos.submissions.listByStatus(eventId, ['approved']);
			const done = await repos.followUps.handOver(
				waiting.map((item) => handOverOf(item, item.agencyId, dueAt, byName, 'session closed')),
				['approved'],
				{ clearStageOf: eventId }
			);
			await announceHandedOver(done, new Map(waiting.map((item) => [item.id, item])));
			await announce({ type: 'stage:changed', eventId });
			const count = done.length;
			await audit.done(actor, 'session:close', eventId, `${count} follow-ups`);
			return ok({ followUps: count });
		},

		/** The agency reports progress; "cannot be done yet" needs the reason and the way forward. */
		async update(actor: StaffActor | null, followUpId: string, input: FollowUpUpdateInput): Promise<Result<StoredFollowUp>> {
			const current = await repos.followUps.findById(followUpId);
			if (!current || !actor || !authorise(actor, 'followUp:update', { eventId: current.eventId, agencyId: current.agencyId }))
				return audit.refused(actor, 'followUp:update', current?.eventId ?? null, current ? 'forbidden' : 'unknown_follow_up');
			const checked = validateFollowUpUpdate(current.status, input);
			if (!checked.ok) return checked;
			const at = now();
			const updated = await repos.followUps.update(
				followUpId,
				current.status,
				{ ...checked.data, updatedAt: at },
				{ at, byName: await nameOf(actor), agencyId: current.agencyId, dueAt: current.dueAt, note: '', ...checked.data }
			);
			if (!updated) return audit.refused(actor, 'followUp:update', current.eventId, 'already_decided');
			const item = await repos.submissions.findById(current.submissionId);
			// The item is unchanged; its outcome is news for its author (and the public outcome page).
			if (item) await announce({ type: 'submission:changed', submission: item, previous: item, followUp: outcomeOf(updated) });
			await audit.done(actor, 'followUp:update', current.eventId, `${followUpId}: ${current.status} → ${updated.status}`);
			return ok(updated);
		},

		/** The organiser or the MC hands a follow-up to another agency, or gives it a new due date. */
		async assign(actor: StaffActor | null, followUpId: string, input: { agencyId: string | null; dueDate: string }): Promise<Result<StoredFollowUp>> {
			const current = await repos.followUps.findById(followUpId);
			if (!current || !actor || !authorise(actor, 'followUp:assign', { eventId: current.eventId }))
				return audit.refused(actor, 'followUp:assign', current?.eventId ?? null, current ? 'forbidden' : 'unknown_follow_up');
			const event = await repos.events.findById(current.eventId);
			if (input.agencyId && !event?.agencies.some((a) => a.id === input.agencyId)) return audit.refused(actor, 'followUp:assign', current.eventId, 'unknown_agency');
			const due = input.dueDate.trim() ? parseDueDate(input.dueDate, now()) : ok(current.dueAt);
			if (!due.ok) return due;
			const at = now();
			const updated = await repos.followUps.update(
				followUpId,
				current.status,
				{ agencyId: input.agencyId, dueAt: due.data, updatedAt: at },
				{ at, byName: await nameOf(actor), status: current.status, agencyId: input.agencyId, dueAt: due.data, response: current.response, reason: current.reason, wayForward: current.wayForward, note: 'reassigned' }
			);
			if (!updated) return audit.refused(actor, 'followUp:assign', current.eventId, 'already_decided');
			await audit.done(actor, 'followUp:assign', current.eventId, `${followUpId}: agency ${input.agencyId ?? 'to be assigned'}`);
			return ok(updated);
		},

		/**
		 * The tracking list as this person may see it: everything of the events they organise, only
		 * their agency's items where they speak for one agency.
		 */
		async list(actor: StaffActor | null, filter: Omit<FollowUpFilter, 'eventIds'> & { eventId?: string }): Promise<FollowUpListRow[]> {
			if (!actor) return [];
			const wanted = (eventId: string) => !filter.eventId || filter.eventId === eventId;
			const whole = actor.roles.filter((r) => !isAgencyBound(r.role) && r.role === 'organiser' && wanted(r.eventId)).map((r) => r.eventId);
			const rows = await repos.followUps.list({ ...filter, eventIds: whole });
			const seen = new Set(rows.map((r) => r.followUp.id));
			for (const role of actor.roles.filter((r) => isAgencyBound(r.role) && r.agencyId && wanted(r.eventId))) {
				if (filter.agencyId !== undefined && filter.agencyId !== role.agencyId) continue;
				for (const row of await repos.followUps.list({ ...filter, eventIds: [role.eventId], agencyId: role.agencyId })) {
					if (!seen.has(row.followUp.id)) rows.push(row), seen.add(row.followUp.id);
				}
			}
			return rows.sort((a, b) => a.followUp.dueAt - b.followUp.dueAt);
		},

		/** One follow-up with its item and history, for someone who may see it. */
		async detail(actor: StaffActor | null, followUpId: string) {
			const followUp = await repos.followUps.findById(followUpId);
			if (!followUp || !actor) return null;
			const mayUpdate = authorise(actor, 'followUp:update', { eventId: followUp.eventId, agencyId: followUp.agencyId });
			const mayAssign = authorise(actor, 'followUp:assign', { eventId: followUp.eventId });
			const maySee = mayUpdate || mayAssign || authorise(actor, 'submission:answer', { eventId: followUp.eventId, agencyId: followUp.agencyId });
			if (!maySee) return null;
			const [item, history, event] = await Promise.all([
				repos.submissions.findById(followUp.submissionId),
				repos.followUps.history(followUp.id),
				repos.events.findById(followUp.eventId)
			]);
			if (!item || !event) return null;
			return { followUp, item: publicView(item), history, event, mayUpdate, mayAssign };
		}
	};
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
