import { POLL_KINDS, tallyPoll, validateAnswer, type PollAnswer, type PollKind, type PollTally } from '$lib/domain/poll';
import type { Participant } from '$lib/domain/participant';
import { parseList } from '$lib/domain/event-setup';
import { fail, ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import { normaliseText } from '$lib/domain/submission';
import type { PollView } from '$lib/realtime/protocol';
import type { StoredPoll } from '../repositories';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';

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
	const { repos, publisher, limiter, now, newId } = deps;
	const audit = auditTrail(deps);

	async function viewOf(poll: StoredPoll, withTally: boolean): Promise<PollView> {
		const { eventId: _eventId, ...rest } = poll;
		return { ...rest, tally: withTally ? await tallyOf(poll) : null };
	}

	async function tallyOf(poll: StoredPoll): Promise<PollTally> {
		return tallyPoll(poll, await repos.polls.listAnswers(poll.id));
	}

	/** Staff always see the results; the hall only once the MC shows them. */
	async function announce(poll: StoredPoll) {
		publisher.publish({ kind: 'staff', eventId: poll.eventId }, 'poll:changed', await viewOf(poll, true));
		publisher.publish({ kind: 'audience', eventId: poll.eventId }, 'poll:changed', await viewOf(poll, poll.resultsShown));
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
			await announce(changed);
			await audit.done(actor, 'poll:run', eventId, `poll ${poll.id}: ${input.status ?? ''} ${input.resultsShown ?? ''}`);
			return ok(await viewOf(changed, true));
		},

		/** A child's answer: one per child, replaced when they change it, while the poll is open. */
		async answer(participant: Participant, input: { pollId: string; answer: PollAnswer }): Promise<Result<{ pollId: string }>> {
			const poll = await repos.polls.findById(input.pollId);
			if (!poll || poll.eventId !== participant.eventId) return fail('unknown_poll');
			const checked = validateAnswer(poll, input.answer);
			if (!checked.ok) return checked;
			if (!(await limiter.allow('vote', participant.id))) return fail('rate_limited');
			await repos.polls.saveAnswer(poll.id, participant.id, checked.data, now());
			await announce(poll);
			return ok({ pollId: poll.id });
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
