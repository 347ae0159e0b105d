import { fail, ok, type Result } from '$lib/domain/result';
import {
	authorNameFor,
	decideResubmission,
	initialStatus,
	isPublic,
	SUBMISSION_STATUSES,
	type SubmissionView
} from '$lib/domain/submission';
import type { Participant } from '$lib/domain/participant';
import type { DisplaySnapshot, ParticipantSnapshot, SubmitSubmissionInput } from '$lib/realtime/protocol';
import { toView, type ServiceDeps } from './deps';

const PUBLIC_STATUSES = SUBMISSION_STATUSES.filter(isPublic);

export function createSubmissionService({ repos, publisher, limiter, now }: ServiceDeps) {
	return {
		/**
		 * Stores a child's question, recommendation or message once, however often the phone
		 * resends it, and shows it to everyone when moderation allows.
		 */
		async submit(participant: Participant, input: SubmitSubmissionInput): Promise<Result<SubmissionView>> {
			const existing = await repos.submissions.findById(input.id);
			const decision = decideResubmission(existing, participant.id);
			if (decision === 'conflict') return fail('id_conflict');
			if (decision === 'duplicate' && existing) return ok(toView(existing));

			if (!(await limiter.allow('submit', participant.id))) return fail('rate_limited');
			const event = await repos.events.findById(participant.eventId);
			if (!event) return fail('unknown_event');
			const topic = event.topics.find((t) => t.id === input.topicId);
			if (!topic) return fail('unknown_topic');
			if (input.agencyId && !event.agencies.some((a) => a.id === input.agencyId)) return fail('unknown_agency');

			const { inserted, stored } = await repos.submissions.insertIfAbsent({
				id: input.id,
				eventId: event.id,
				participantId: participant.id,
				delegationId: participant.delegationId,
				kind: input.kind,
				topicId: input.topicId,
				// A child who names no agency addresses the topic's agency, as the organiser set it up.
				agencyId: input.agencyId ?? topic.agencyId,
				text: input.text,
				authorName: authorNameFor(participant, event.allowNicknames),
				status: initialStatus(event.moderation),
				votes: 0,
				createdAt: now(),
				rejectionReason: null,
				answerSummary: null,
				answeredBy: null
			});
			// Two sends of one id racing each other: only the winner announces it.
			if (stored.participantId !== participant.id) return fail('id_conflict');
			const view = toView(stored);
			if (inserted) {
				if (isPublic(view.status)) publisher.publish({ kind: 'audience', eventId: event.id }, 'submission:added', view);
				else {
					// Waiting for moderation: its author and the moderators' consoles, nobody else.
					publisher.publish({ kind: 'participant', participantId: participant.id }, 'submission:added', view);
					publisher.publish({ kind: 'moderators', eventId: event.id }, 'submission:added', view);
				}
			}
			return ok(view);
		},

		async participantSnapshot(participant: Participant): Promise<ParticipantSnapshot> {
			const [visible, mine, votedIds] = await Promise.all([
				repos.submissions.listByStatus(participant.eventId, PUBLIC_STATUSES),
				repos.submissions.listByParticipant(participant.id),
				repos.votes.listVotedIds(participant.id)
			]);
			return { submissions: visible.map(toView), mine: mine.map(toView), votedIds };
		},

		async displaySnapshot(eventId: string): Promise<DisplaySnapshot> {
			const [visible, participantCount] = await Promise.all([
				repos.submissions.listByStatus(eventId, PUBLIC_STATUSES),
				repos.participants.countByEvent(eventId)
			]);
			return { submissions: visible.map(toView), participantCount };
		}
	};
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
