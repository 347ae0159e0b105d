import { POLL_KINDS, validateAnswer, type PollAnswer, type PollKind } from '$lib/domain/poll';
import type { Participant } from '$lib/domain/participant';
import { parseList } from '$lib/domain/event-setup';
import { fail, ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import { normaliseText } from '$lib/domain/submission';
import type { PollView } from '$lib/realtime/protocol';
import type { StoredPoll } from '../repositories';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';
import { verdictOn } from './text-check';
import { createSubmissionService } from './submission-service';

export const POLL_QUESTION_MAX = 300;
export const POLL_OPTIONS_MAX = 12;

export interface NewPollInput {
	kind: string;
	question: string;
	/** One option per line, for single and multiple choice. */
	options: string;
	/** The top of a rating scale from 1 (3 to 10). */
	scaleMax: number;
}

/**
 * Polls of the children in the hall: the MC prepares and runs them, children answer once (and may
 * change their answer while the poll is open), results go live to the consoles and, when the MC
 * chooses, to the screen and the phones.
 */
export function createPollService(deps: ServiceDeps) {
	const { repos, views, limiter, now, newId } = deps;
	const audit = auditTrail(deps);
	const submissions = createSubmissionService(deps);

	const viewOf = (poll: StoredPoll, withTally: boolean) => views.poll(poll, withTally);

	/** Staff always see the results; the hall only once the MC shows them (the announcer's rule). */
	async function announce(poll: StoredPoll): Promise<PollView> {
		const forStaff = await viewOf(poll, true);
		await deps.announce({ type: 'poll:changed', eventId: poll.eventId, poll: forStaff });
		return forStaff;
	}

	/** One poll's results on the screen at a time: showing one hides the others. */
	async function hideOtherResults(eventId: string, exceptId: string) {
		for (const other of await repos.polls.listByEvent(eventId)) {
			if (other.id === exceptId || !other.resultsShown) continue;
			const hidden = await repos.polls.update(other.id, ['draft', 'open', 'closed'], { resultsShown: false });
			if (hidden) await announce(hidden);
		}
	}

	/**
	 * An open answer goes through moderation like any item (word filter, safeguarding, the MC's
	 * approval), labelled with its poll; a changed answer takes the earlier item back.
	 */
	async function submitOpenAnswer(participant: Participant, poll: StoredPoll, text: string): Promise<Result<string>> {
		const event = await repos.events.findById(participant.eventId);
		const topic = event?.topics[0];
		if (!topic) return fail('unknown_topic');
		const earlier = (await repos.polls.listAnswersBy([poll.id], participant.id))[poll.id];
		const item = await submissions.submit(
			participant,
			{ id: newId(), kind: 'message', topicId: topic.id, agencyId: null, text },
			`Thăm dò ý kiến: ${poll.question}`
		);
		if (!item.ok) return item;
		if (earlier && 'itemId' in earlier && earlier.itemId) await submissions.withdraw(participant, earlier.itemId);
		return ok(item.data.id);
	}

	return {
		async create(actor: StaffActor | null, eventId: string, input: NewPollInput): Promise<Result<PollView>> {
			if (!actor || !authorise(actor, 'poll:run', { eventId })) return audit.refused(actor, 'poll:run', eventId, 'forbidden');
			if (!(POLL_KINDS as readonly string[]).includes(input.kind)) return fail('invalid_payload');
			const kind = input.kind as PollKind;
			const question = normaliseText(input.question).replace(/\n/g, ' ');
			if (!question) return fail('text_empty');
			if (question.length > POLL_QUESTION_MAX) return fail('text_too_long');
			const labels = kind === 'single' || kind === 'multiple' ? parseList(input.options) : [];
			if ((kind === 'single' || kind === 'multiple') && (labels.length < 2 || labels.length > POLL_OPTIONS_MAX)) return fail('poll_options_invalid');
			if (kind === 'rating' && !(Number.isInteger(input.scaleMax) && input.scaleMax >= 3 && input.scaleMax <= 10)) return fail('poll_options_invalid');
			const poll: StoredPoll = {
				id: newId(),
				eventId,
				kind,
				question,
				options: labels.map((label) => ({ id: newId(), label })),
				scale: { min: 1, max: kind === 'rating' ? input.scaleMax : 5 },
				status: 'draft',
				resultsShown: false
			};
			await repos.polls.create(poll);
			await audit.done(actor, 'poll:run', eventId, `poll created: ${poll.id}`);
			return ok(await viewOf(poll, true));
		},

		/** Opens, closes, or shows or hides the results of a poll of this event. */
		async set(
			actor: StaffActor | null,
			eventId: string,
			input: { pollId: string; status?: 'open' | 'closed'; resultsShown?: boolean }
		): Promise<Result<PollView>> {
			if (!actor || !authorise(actor, 'poll:run', { eventId })) return audit.refused(actor, 'poll:run', eventId, 'forbidden');
			const poll = await repos.polls.findById(input.pollId);
			if (!poll || poll.eventId !== eventId) return fail('unknown_poll');
			const from = input.status === 'open' ? (['draft'] as const) : input.status === 'closed' ? (['open'] as const) : (['draft', 'open', 'closed'] as const);
			const changed = await repos.polls.update(poll.id, from, {
				...(input.status ? { status: input.status } : {}),
				...(input.resultsShown !== undefined ? { resultsShown: input.resultsShown } : {})
			});
			if (!changed) return fail('poll_closed');
			if (input.resultsShown) await hideOtherResults(eventId, changed.id);
			const view = await announce(changed);
			await audit.done(actor, 'poll:run', eventId, `poll ${poll.id}: ${input.status ?? ''} ${input.resultsShown ?? ''}`);
			return ok(view);
		},

		/** A child's answer: one per child, replaced when they change it, while the poll is open. */
		async answer(participant: Participant, input: { pollId: string; answer: PollAnswer }): Promise<Result<{ pollId: string }>> {
			const poll = await repos.polls.findById(input.pollId);
			if (!poll || poll.eventId !== participant.eventId) return fail('unknown_poll');
			const checked = validateAnswer(poll, input.answer);
			if (!checked.ok) return checked;
			let answer = checked.data;
			if (poll.kind === 'open' && 'text' in answer) {
				const item = await submitOpenAnswer(participant, poll, answer.text);
				if (!item.ok) return item;
				answer = { text: answer.text, itemId: item.data };
			} else if (!(await limiter.allow('vote', participant.id))) return fail('rate_limited');
			if (poll.kind === 'word_cloud' && 'text' in answer) {
				// The cloud reaches the screen unmoderated: a rude word is refused for the child to
				// reword; a child in danger reaches the organiser privately, as an item, never the cloud.
				const event = await repos.events.findById(participant.eventId);
				const verdict = verdictOn(answer.text, event?.wordFilter ?? '');
				if (verdict === 'filtered') return fail('answer_not_allowed');
				if (verdict === 'danger') {
					const item = await submitOpenAnswer(participant, poll, answer.text);
					return item.ok ? ok({ pollId: poll.id }) : item;
				}
			}
			await repos.polls.saveAnswer(poll.id, participant.id, answer, now());
			await deps.announce({ type: 'poll:answered', eventId: poll.eventId, pollId: poll.id });
			return ok({ pollId: poll.id });
		},

		/** A phone's view after a (re)connect: the polls under way and this child's answers. */
		async participantView(participant: Participant): Promise<{ polls: PollView[]; answers: Record<string, PollAnswer> }> {
			const polls = await this.list(participant.eventId, false);
			const answers = await repos.polls.listAnswersBy(
				polls.map((p) => p.id),
				participant.id
			);
			return { polls, answers };
		},


		/** The event's polls as a console or a phone sees them. */
		async list(eventId: string, forStaff: boolean): Promise<PollView[]> {
			const all = await repos.polls.listByEvent(eventId);
			const visible = forStaff ? all : all.filter((p) => p.status !== 'draft');
			return Promise.all(visible.map((p) => viewOf(p, forStaff || p.resultsShown)));
		}
	};
}

export type PollService = ReturnType<typeof createPollService>;
