import { SUBMISSION_FLOW, mergedSupporters, type SubmissionAction } from '$lib/domain/submission-flow';
import { ok, type ErrorCode, type Result } from '$lib/domain/result';
import { authorise, type StaffAction, type StaffActor } from '$lib/domain/staff';
import { isPublic, publicView, SUBMISSION_STATUSES, type SubmissionStatus, type SubmissionView } from '$lib/domain/submission';
import type {
	AnswerInput,
	IntakeInput,
	MergeInput,
	ModerationDecisionInput,
	SafeguardingAlert,
	StaffSubmissionView,
	StaffSnapshot
} from '$lib/realtime/protocol';
import type { StoredSubmission, SubmissionChange } from '../repositories';
import { auditTrail } from './audit-trail';
import { NEW_SUBMISSION, staffName, type ServiceDeps } from './deps';
import { toStaffView } from './hall-views';
import { BULK_JOIN } from './session-service';
import { verdictOn } from './text-check';

const MODERATED_STATUSES = SUBMISSION_STATUSES.filter((s) => s !== 'safeguarding');
const PUBLIC_STATUSES = SUBMISSION_STATUSES.filter(isPublic);

/**
 * What staff do to children's items on the day: approve (perhaps edited) or reject, merge, type in
 * a paper card, mark answered, deal with safeguarding alerts. One path for socket commands and form
 * actions alike: every call names the actor and is checked here.
 */
export function createModerationService(deps: ServiceDeps) {
	const { repos, now, announce, views } = deps;
	const audit = auditTrail(deps);

	/** Loads the item and checks the actor may take `action` on it (for its event and agency). */
	async function itemFor(
		actor: StaffActor | null,
		action: StaffAction,
		submissionId: string
	): Promise<Result<{ actor: StaffActor; item: StoredSubmission }>> {
		const item = await repos.submissions.findById(submissionId);
		const target = { eventId: item?.eventId, agencyId: item?.agencyId ?? null };
		if (!item || !actor || !authorise(actor, action, target))
			return audit.refused(actor, action, item?.eventId ?? null, item ? 'forbidden' : 'unknown_submission');
		return ok({ actor, item });
	}

	/**
	 * Applies one step of the item flow if the item is still where the actor saw it. When another
	 * moderator was first, the refusal names them.
	 */
	async function step(
		actor: StaffActor,
		action: StaffAction,
		item: StoredSubmission,
		flow: SubmissionAction,
		patch: Omit<SubmissionChange, 'status'>,
		refusal: ErrorCode,
		onlyFrom?: readonly SubmissionStatus[]
	): Promise<Result<StoredSubmission>> {
		const { to } = SUBMISSION_FLOW[flow];
		const from = onlyFrom ?? SUBMISSION_FLOW[flow].from;
		const changed = await repos.submissions.transition(item.id, from, { ...patch, status: to });
		if (!changed) {
			// Someone else decided it (before or while this actor acted): name them.
			const current = await repos.submissions.findById(item.id);
			const someoneElse = current && !from.includes(current.status) && current.decidedBy;
			return someoneElse && current
				? audit.refused(actor, action, item.eventId, 'already_decided', current.decidedBy ?? undefined)
				: audit.refused(actor, action, item.eventId, refusal);
		}
		await announce({ type: 'submission:changed', submission: changed, previous: item });
		await audit.done(actor, action, item.eventId, `${item.id}: ${item.status} → ${changed.status}`);
		return ok(changed);
	}

	const nameOf = (actor: StaffActor) => staffName(repos, actor);

	return {
		/** The items a staff member may see in an event: all of them (but alerts) for those who moderate. */
		async snapshot(actor: StaffActor | null, eventId: string): Promise<Result<Omit<StaffSnapshot, 'polls'>>> {
			if (!authorise(actor, 'event:view', { eventId })) return audit.refused(actor, 'event:view', eventId, 'forbidden');
			const canModerate = authorise(actor, 'submission:moderate', { eventId });
			const canSeeAlerts = authorise(actor, 'safeguarding:view', { eventId });
			const [items, queue, stage, counters, alerts, safeguarding] = await Promise.all([
				repos.submissions.listByStatus(eventId, canModerate ? MODERATED_STATUSES : PUBLIC_STATUSES),
				canModerate ? repos.submissions.listQueue(eventId) : Promise.resolve([]),
				views.stage(eventId),
				views.counters(eventId),
				canSeeAlerts ? repos.submissions.listByStatus(eventId, ['safeguarding']) : Promise.resolve([]),
				canModerate ? views.safeguardingNotice(eventId) : Promise.resolve({ waiting: 0, organiserOnline: false })
			]);
			return ok({
				items: items.map(toStaffView),
				queue,
				stage,
				counters,
				alerts: await Promise.all(alerts.map(views.alertOf)),
				safeguarding,
				canModerate,
				bulkJoinVotes: canModerate ? await repos.votes.countBulkJoinVotes(eventId, now() - BULK_JOIN.windowMs, BULK_JOIN.withinMs, BULK_JOIN.burst) : 0
			});
		},

		/** Approve (possibly with the MC's wording; the child's is kept) or reject with a reason. */
		async decide(actor: StaffActor | null, input: ModerationDecisionInput): Promise<Result<StaffSubmissionView>> {
			const found = await itemFor(actor, 'submission:moderate', input.submissionId);
			if (!found.ok) return found;
			const { item } = found.data;
			// The MC's own wording passes the same check as a child's: it is what the hall will read.
			if (input.decision === 'approve' && input.text && input.text !== item.text) {
				const event = await repos.events.findById(item.eventId);
				if (verdictOn(input.text, event?.wordFilter ?? '') !== 'clean')
					return audit.refused(found.data.actor, 'submission:moderate', item.eventId, 'text_flagged');
			}
			const decidedBy = await nameOf(found.data.actor);
			const changed =
				input.decision === 'approve'
					? await step(
							found.data.actor,
							'submission:moderate',
							item,
							'approve',
							input.text && input.text !== item.text
								? { text: input.text, originalText: item.originalText ?? item.text, decidedBy, heldReason: null }
								: { decidedBy, heldReason: null },
							'not_pending'
						)
					: await step(
							found.data.actor,
							'submission:moderate',
							item,
							'reject',
							{ rejectionReason: input.reason, decidedBy, heldReason: null },
							'not_pending',
							// A decision is about a waiting item: an approved one is not re-decided by a
							// second moderator who saw it waiting a moment ago.
							['pending']
						);
			return changed.ok ? ok(toStaffView(changed.data)) : changed;
		},

		/** A leader answers for their own agency; organisers and the MC for any. */
		async markAnswered(actor: StaffActor | null, input: AnswerInput): Promise<Result<SubmissionView>> {
			const found = await itemFor(actor, 'submission:answer', input.submissionId);
			if (!found.ok) return found;
			const answeredBy = input.answeredBy ?? (await nameOf(found.data.actor));
			const changed = await step(
				found.data.actor,
				'submission:answer',
				found.data.item,
				'answer',
				{ answerSummary: input.summary, answeredBy },
				'not_answerable'
			);
			if (!changed.ok) return changed;
			// An answered question leaves the screen by itself only when the MC moves on; it stays
			// shown (now answered) until then, so the hall sees the answer recorded.
			return ok(publicView(changed.data));
		},

		/**
		 * Folds several children's versions of one question into one item. Votes are united
		 * without counting a child twice; the merged authors count as supporters.
		 */
		async merge(actor: StaffActor | null, { targetId, sourceIds }: MergeInput): Promise<Result<StaffSubmissionView>> {
			const found = await itemFor(actor, 'submission:moderate', targetId);
			if (!found.ok) return found;
			const { item: target } = found.data;
			const sources = await Promise.all(sourceIds.map((id) => repos.submissions.findById(id)));
			if (sourceIds.includes(targetId)) return audit.refused(found.data.actor, 'submission:moderate', target.eventId, 'merge_self');
			if (sources.some((s) => !s || s.eventId !== target.eventId))
				return audit.refused(found.data.actor, 'submission:moderate', target.eventId, 'unknown_submission');
			const present = sources as StoredSubmission[];
			const supporters = mergedSupporters(
				{ authorId: target.participantId, voterIds: await repos.votes.listVoterIds(target.id) },
				await Promise.all(
					present.map(async (s) => ({ authorId: s.participantId, voterIds: await repos.votes.listVoterIds(s.id) }))
				)
			);
			const merged = await repos.submissions.merge(target.id, sourceIds, SUBMISSION_FLOW.merge.from, supporters);
			if (!merged) return audit.refused(found.data.actor, 'submission:moderate', target.eventId, 'merge_invalid');
			for (const [i, source] of merged.sources.entries()) await announce({ type: 'submission:changed', submission: source, previous: present[i] });
			await announce({ type: 'submission:changed', submission: merged.target, previous: target });
			// The united count goes through the ticker like every vote, so an older count waiting
			// there cannot overwrite it.
			await announce({ type: 'votes:changed', eventId: target.eventId, submissionId: target.id, votes: merged.target.votes });
			await audit.done(found.data.actor, 'submission:moderate', target.eventId, `merged ${sourceIds.join(', ')} into ${target.id}`);
			return ok(toStaffView(merged.target));
		},

		intakeFor,

		/** An organiser's console connected or closed: the MC's notice says whether alerts are read. */
		organiserPresenceChanged: (eventId: string) => announce({ type: 'safeguarding:waiting', eventId }),

		async releaseAlert(actor: StaffActor | null, submissionId: string): Promise<Result<StaffSubmissionView>> {
			const found = await itemFor(actor, 'safeguarding:view', submissionId);
			if (!found.ok) return found;
			const changed = await step(found.data.actor, 'safeguarding:view', found.data.item, 'release', {}, 'not_safeguarding');
			return changed.ok ? ok(toStaffView(changed.data)) : changed;
		},

		async markAlertHandled(actor: StaffActor | null, submissionId: string): Promise<Result<SafeguardingAlert>> {
			const found = await itemFor(actor, 'safeguarding:view', submissionId);
			if (!found.ok) return found;
			if (found.data.item.status !== 'safeguarding')
				return audit.refused(found.data.actor, 'safeguarding:view', found.data.item.eventId, 'not_safeguarding');
			const marked = await repos.submissions.mark(submissionId, { safeguardingHandledAt: now() });
			if (!marked) return audit.refused(found.data.actor, 'safeguarding:view', found.data.item.eventId, 'unknown_submission');
			await announce({ type: 'submission:changed', submission: marked, previous: found.data.item });
			await audit.done(found.data.actor, 'safeguarding:view', marked.eventId, `${marked.id}: handled`);
			return ok(await views.alertOf(marked));
		}
	};

	/**
	 * A question a child wrote on a paper card, typed in by staff for the delegation. Staff are the
	 * moderators here, so it is approved at once, unless the safety check says a child is in danger.
	 * Retyping with the same id (a double click, a resend) stores it once.
	 */
	async function intakeFor(actor: StaffActor | null, eventId: string, input: IntakeInput): Promise<Result<StaffSubmissionView>> {
		if (!actor || !authorise(actor, 'submission:moderate', { eventId }))
			return audit.refused(actor, 'submission:moderate', eventId, 'forbidden');
		const event = await repos.events.findById(eventId);
		if (!event) return audit.refused(actor, 'submission:moderate', null, 'unknown_event');
		const existing = await repos.submissions.findById(input.id);
		if (existing)
			return existing.eventId === eventId && existing.enteredBy
				? ok(toStaffView(existing))
				: audit.refused(actor, 'submission:moderate', eventId, 'id_conflict');
		const topic = event.topics.find((t) => t.id === input.topicId);
		if (!topic) return audit.refused(actor, 'submission:moderate', eventId, 'unknown_topic');
		if (!event.delegations.some((d) => d.id === input.delegationId))
			return audit.refused(actor, 'submission:moderate', eventId, 'unknown_delegation');
		if (input.agencyId && !event.agencies.some((a) => a.id === input.agencyId))
			return audit.refused(actor, 'submission:moderate', eventId, 'unknown_agency');
		const verdict = verdictOn(input.text, event.wordFilter);
		const enteredBy = await nameOf(actor);
		const { inserted, stored } = await repos.submissions.insertIfAbsent({
			...NEW_SUBMISSION,
			id: input.id,
			eventId,
			participantId: null,
			delegationId: input.delegationId,
			kind: input.kind,
			topicId: input.topicId,
			agencyId: input.agencyId ?? topic.agencyId,
			text: input.text,
			// A paper card carries no name: the screen shows its delegation only.
			authorName: null,
			status: verdict === 'danger' ? 'safeguarding' : 'approved',
			createdAt: now(),
			decidedBy: enteredBy,
			enteredBy,
		});
		if (inserted) {
			await announce({ type: 'submission:added', submission: stored });
			await audit.done(actor, 'submission:moderate', eventId, `${stored.id}: paper card entered`);
		}
		return ok(toStaffView(stored));
	}
}

export type ModerationService = ReturnType<typeof createModerationService>;
