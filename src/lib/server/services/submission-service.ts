import { fail, ok, type Result } from '$lib/domain/result';
import { SUBMISSION_FLOW } from '$lib/domain/submission-flow';
import {
	authorNameFor,
	publicView,
	decideResubmission,
	isPublic,
	SUBMISSION_STATUSES,
	type SubmissionView
} from '$lib/domain/submission';
import type { Participant } from '$lib/domain/participant';
import type { DisplaySnapshot, ParticipantSnapshot, SubmitSubmissionInput } from '$lib/realtime/protocol';
import { NEW_SUBMISSION, type ServiceDeps } from './deps';
import { outcomeOf } from './follow-up-service';
import { startingPoint } from './text-check';

const PUBLIC_STATUSES = SUBMISSION_STATUSES.filter(isPublic);

export function createSubmissionService(deps: ServiceDeps) {
	const { repos, limiter, now, announce, views } = deps;

	async function mineOf(participant: Participant): Promise<SubmissionView[]> {
		const mine = await repos.submissions.listByParticipant(participant.id);
		// What became of the child's items handed to an agency: "my questions" shows it.
		return Promise.all(
			mine.map(async (item) => {
				const followUp = item.status === 'follow_up' ? await repos.followUps.findBySubmission(item.id) : null;
				return publicView(item, followUp && outcomeOf(followUp));
			})
		);
	}

	return {
		/**
		 * Stores a child's question, recommendation or message once, however often the phone
		 * resends it, and shows it to everyone when moderation allows. `originLabel` names where it
		 * came from when not the composer (an open poll's answer).
		 */
		async submit(
			participant: Participant,
			input: SubmitSubmissionInput,
			originLabel: string | null = null,
			clientKey: string | null = null
		): Promise<Result<SubmissionView>> {
			const existing = await repos.submissions.findById(input.id);
			const decision = decideResubmission(existing, participant.id);
			if (decision === 'conflict') return fail('id_conflict');
			if (decision === 'duplicate' && existing) {
				// A resend after a lost ack. In one process the first announcement reached every room, or
				// the crash that lost the ack made every room resync. With several processes the one that
				// stored it may have died before its broadcast left for the others' screens and phones,
				// which stay connected and never resync: say it again (rooms take an item by its id).
				if (deps.clustered) await announce({ type: 'submission:added', submission: existing });
				return ok(publicView(existing));
			}

			if (!(await limiter.allow('submit', participant.id))) return fail('rate_limited');
			// The address's ceiling: a whole hall shares one, so it is sized far above a hall (rate-limit.ts).
			if (clientKey && !(await limiter.allow('submitPerAddress', clientKey))) return fail('rate_limited');
			const event = await repos.events.findById(participant.eventId);
			if (!event) return fail('unknown_event');
			const topic = event.topics.find((t) => t.id === input.topicId);
			if (!topic) return fail('unknown_topic');
			if (input.agencyId && !event.agencies.some((a) => a.id === input.agencyId)) return fail('unknown_agency');

			const { inserted, stored } = await repos.submissions.insertIfAbsent({
				...NEW_SUBMISSION,
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
				...(({ status, held }) => ({ status, heldReason: held ? ('word_filter' as const) : null }))(
					startingPoint(input.text, event.wordFilter, event.moderation)
				),
				createdAt: now(),
				originLabel
			});
			// Two sends of one id racing each other: only the winner announces it.
			if (stored.participantId !== participant.id) return fail('id_conflict');
			const view = publicView(stored);
			if (inserted) await announce({ type: 'submission:added', submission: stored });
			return ok(view);
		},

		/** A child takes back their own item before it is answered; it leaves the queue and the screen. */
		async withdraw(participant: Participant, submissionId: string): Promise<Result<SubmissionView>> {
			const item = await repos.submissions.findById(submissionId);
			if (!item || item.participantId !== participant.id) return fail('unknown_submission');
			const { from, to } = SUBMISSION_FLOW.withdraw;
			const changed = await repos.submissions.transition(item.id, from, { status: to });
			if (!changed) return fail('not_withdrawable');
			const stage = await repos.events.getStage(item.eventId);
			const wasOnScreen = stage?.onScreenId === item.id;
			if (wasOnScreen) await repos.events.setStage(item.eventId, { onScreenId: null, onScreenSince: null });
			await announce({ type: 'submission:changed', submission: changed, previous: item });
			// Not queued, it was only on screen: the screen was cleared above, so tell the hall.
			if (wasOnScreen && item.queuePosition === null) await announce({ type: 'stage:changed', eventId: item.eventId });
			return ok(publicView(changed));
		},

		async participantSnapshot(participant: Participant): Promise<Omit<ParticipantSnapshot, 'polls' | 'pollAnswers'>> {
			const [visible, mine, votedIds, stage] = await Promise.all([
				repos.submissions.listByStatus(participant.eventId, PUBLIC_STATUSES),
				mineOf(participant),
				repos.votes.listVotedIds(participant.id),
				views.stage(participant.eventId)
			]);
			return { submissions: visible.map((s) => publicView(s)), mine, votedIds, onScreen: stage.onScreen };
		},

		/** The child's own items, whatever their status, for "my questions" (a full snapshot and a resync alike). */
		mine: mineOf,

		async displaySnapshot(eventId: string): Promise<Omit<DisplaySnapshot, 'polls'>> {
			const [visible, participantCount, stage, counters] = await Promise.all([
				repos.submissions.listByStatus(eventId, PUBLIC_STATUSES),
				repos.participants.countByEvent(eventId),
				views.stage(eventId),
				views.counters(eventId)
			]);
			return { submissions: visible.map((s) => publicView(s)), participantCount, stage, counters };
		}
	};
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
