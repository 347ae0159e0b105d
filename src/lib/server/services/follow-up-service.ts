import { SUBMISSION_FLOW } from '$lib/domain/submission-flow';
import {
	defaultDueAt,
	isOverdue,
	parseDueDate,
	validateFollowUpUpdate,
	type FollowUpUpdateInput
} from '$lib/domain/follow-up';
import { ok, type Result } from '$lib/domain/result';
import { nameIn, type EventDetails, type EventLevel } from '$lib/domain/event';
import { authorise, isAgencyBound, type StaffActor } from '$lib/domain/staff';
import type { SubmissionKind } from '$lib/domain/submission';
import { publicView, type FollowUpOutcome } from '$lib/domain/submission';
import type { FollowUpStatus } from '$lib/domain/follow-up';
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

/** The tracking list's filters, as the page's URL carries them. */
export interface TrackingFilter extends Omit<FollowUpFilter, 'eventIds' | 'overdueAt'> {
	eventId?: string;
	overdue?: boolean;
	/** The event's year (its day, else when it was created), e.g. "2026". */
	year?: string;
	level?: EventLevel | string;
}

/** One line of the tracking list, named: what, whose, since when, due when, who answers for it. */
export interface TrackingRow {
	id: string;
	eventId: string;
	eventTitle: string;
	status: FollowUpStatus;
	openedAt: number;
	dueAt: number;
	updatedAt: number;
	overdue: boolean;
	kind: SubmissionKind;
	text: string;
	agencyId: string | null;
	agency: string;
	topic: string;
	delegation: string;
	/** The agency's follow-up officers for that event (else its leaders): who answers for it. */
	responsible: string[];
	response: string;
}

const yearOf = (event: { startsAt: number | null; createdAt: number }) => String(new Date(event.startsAt ?? event.createdAt).getUTCFullYear());

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

	const service = {
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

		/**
		 * The tracking list with names, as the dashboard and its export show it: the same rows
		 * `list` gives this person, narrowed by year and level, each with the people who answer for
		 * it. Also the events involved, for the page's filter choices.
		 */
		async tracking(actor: StaffActor | null, filter: TrackingFilter, at = now()): Promise<{ rows: TrackingRow[]; events: EventDetails[]; years: string[] }> {
			const { overdue, year, level, ...rest } = filter;
			const listed = await service.list(actor, { ...rest, overdueAt: overdue ? at : undefined });
			const events = (await Promise.all([...new Set(listed.map((r) => r.followUp.eventId))].map((id) => repos.events.findById(id)))).filter(
				(e) => e !== null
			);
			const eventById = new Map(events.map((e) => [e.id, e]));
			const shown = listed.filter((r) => (!year || yearOf(r.event) === year) && (!level || r.event.level === level));
			// Who answers for an agency's items in an event: its follow-up officers, else its leaders.
			const staffOf = new Map<string, Awaited<ReturnType<typeof repos.staff.listEventStaff>>>();
			for (const eventId of new Set(shown.map((r) => r.followUp.eventId))) staffOf.set(eventId, await repos.staff.listEventStaff(eventId));
			const responsible = (eventId: string, agencyId: string | null) => {
				if (!agencyId) return [];
				const ofAgency = (staffOf.get(eventId) ?? []).filter((s) => s.agencyId === agencyId);
				const officers = ofAgency.filter((s) => s.role === 'follow_up_officer');
				return [...new Set((officers.length ? officers : ofAgency.filter((s) => s.role === 'leader')).map((s) => s.displayName))];
			};
			const rows = shown.map(({ followUp, item, event }): TrackingRow => {
				const details = eventById.get(followUp.eventId);
				return {
					id: followUp.id,
					eventId: followUp.eventId,
					eventTitle: event.title,
					status: followUp.status,
					openedAt: followUp.createdAt,
					dueAt: followUp.dueAt,
					updatedAt: followUp.updatedAt,
					overdue: isOverdue(followUp, at),
					kind: item.kind,
					text: item.text,
					agencyId: followUp.agencyId,
					agency: details ? nameIn(details.agencies, followUp.agencyId) : '',
					topic: details ? nameIn(details.topics, item.topicId) : '',
					delegation: details ? nameIn(details.delegations, item.delegationId) : '',
					responsible: responsible(followUp.eventId, followUp.agencyId),
					response: followUp.response
				};
			});
			return { rows, events, years: [...new Set(listed.map((r) => yearOf(r.event)))].sort() };
		},

		/**
		 * An agency across the province: what this person's agency has to answer in every forum they
		 * are invited to for it (the agency each leader or follow-up officer role names, forum by
		 * forum, as the role grants match it), overdue first, then by due date.
		 */
		async agencyView(actor: StaffActor | null, filter: Pick<TrackingFilter, 'eventId' | 'status' | 'overdue'>, at = now()) {
			const roles = actor ? actor.roles.filter((r) => isAgencyBound(r.role) && r.agencyId) : [];
			const tracked = await service.tracking(actor && { ...actor, roles }, filter, at);
			const rows = tracked.rows.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueAt - b.dueAt);
			const events = new Map(tracked.events.map((e) => [e.id, e]));
			// The forums of the filter are those the roles name, whether or not they have follow-ups yet.
			const forums = await Promise.all([...new Set(roles.map((r) => r.eventId))].map(async (id) => events.get(id) ?? (await repos.events.findById(id))));
			const agencies = roles.map((r) => {
				const event = forums.find((e) => e?.id === r.eventId);
				return { eventId: r.eventId, eventTitle: event?.title ?? '', agency: event ? nameIn(event.agencies, r.agencyId) : '' };
			});
			return { rows, agencies, forums: forums.filter((e) => e !== null).map((e) => ({ id: e.id, title: e.title })) };
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
	return service;
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
