import { ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import {
	ANSWERABLE_STATUSES,
	isPublic,
	SUBMISSION_STATUSES,
	type SubmissionStatus,
	type SubmissionView
} from '$lib/domain/submission';
import type { AnswerInput, ModerationDecisionInput, StaffSnapshot } from '$lib/realtime/protocol';
import type { StoredSubmission, SubmissionChange } from '../repositories';
import { auditTrail } from './audit-trail';
import { toView, type ServiceDeps } from './deps';

const PUBLIC_STATUSES = SUBMISSION_STATUSES.filter(isPublic);

/**
 * What staff do to children's items on the day: approve or reject, and mark answered. One path for
 * socket commands and form actions alike: every call names the actor and is checked here.
 */
export function createModerationService(deps: ServiceDeps) {
	const { repos, publisher } = deps;
	const audit = auditTrail(deps);

	/** Tells everyone who may see the item that it changed, and nobody else. */
	function announce(item: StoredSubmission) {
		const view = toView(item);
		if (isPublic(item.status)) {
			publisher.publish({ kind: 'audience', eventId: item.eventId }, 'submission:updated', view);
			return;
		}
		publisher.publish({ kind: 'moderators', eventId: item.eventId }, 'submission:updated', view);
		if (item.participantId) publisher.publish({ kind: 'participant', participantId: item.participantId }, 'submission:updated', view);
	}

	async function change(
		actor: StaffActor,
		action: 'submission:moderate' | 'submission:answer',
		item: StoredSubmission,
		from: readonly SubmissionStatus[],
		patch: SubmissionChange
	): Promise<Result<SubmissionView>> {
		const changed = await repos.submissions.transition(item.id, from, patch);
		if (!changed) return audit.refused(actor, action, item.eventId, action === 'submission:moderate' ? 'not_pending' : 'not_answerable');
		announce(changed);
		await audit.done(actor, action, item.eventId, `${item.id}: ${item.status} → ${changed.status}`);
		return ok(toView(changed));
	}

	return {
		/** The items a staff member may see in an event: all of them for those who moderate. */
		async snapshot(actor: StaffActor | null, eventId: string): Promise<Result<StaffSnapshot>> {
			if (!authorise(actor, 'event:view', { eventId })) return audit.refused(actor, 'event:view', eventId, 'forbidden');
			const canModerate = authorise(actor, 'submission:moderate', { eventId });
			const items = await repos.submissions.listByStatus(eventId, canModerate ? SUBMISSION_STATUSES : PUBLIC_STATUSES);
			return ok({ submissions: items.map(toView), canModerate });
		},

		async decide(actor: StaffActor | null, input: ModerationDecisionInput): Promise<Result<SubmissionView>> {
			const item = await repos.submissions.findById(input.submissionId);
			if (!item || !actor || !authorise(actor, 'submission:moderate', { eventId: item.eventId }))
				return audit.refused(actor, 'submission:moderate', item?.eventId ?? null, item ? 'forbidden' : 'unknown_submission');
			const patch: SubmissionChange =
				input.decision === 'approve' ? { status: 'approved' } : { status: 'rejected', rejectionReason: input.reason };
			return change(actor, 'submission:moderate', item, ['pending'], patch);
		},

		/** A leader answers for their own agency; organisers and the MC for any. */
		async markAnswered(actor: StaffActor | null, input: AnswerInput): Promise<Result<SubmissionView>> {
			const item = await repos.submissions.findById(input.submissionId);
			const target = { eventId: item?.eventId, agencyId: item?.agencyId ?? null };
			if (!item || !actor || !authorise(actor, 'submission:answer', target))
				return audit.refused(actor, 'submission:answer', item?.eventId ?? null, item ? 'forbidden' : 'unknown_submission');
			return change(actor, 'submission:answer', item, ANSWERABLE_STATUSES, {
				status: 'answered',
				answerSummary: input.summary,
				answeredBy: input.answeredBy
			});
		}
	};
}

export type ModerationService = ReturnType<typeof createModerationService>;
