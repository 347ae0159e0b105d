/**
 * The one announcer: maps what happened (changes.ts) to the wire messages each audience gets, and
 * nobody else. Who sees what lives here only:
 * - public items: the audience room (phones, screens, staff) as SubmissionView, with the follow-up
 *   outcome when there is one (the outcome is public: /ket-qua shows it too);
 * - an item that is not public: its author's own devices only;
 * - every item but safeguarding ones: the moderators' consoles, as StaffSubmissionView;
 * - safeguarding items: the organisers, as an alert; never the hall;
 * - vote counts: one message per event per tick (VoteTicker), merges included, so a newer count is
 *   never overtaken by an older one waiting in the ticker.
 * With several processes (a count funnel given, cluster/count-funnel.ts), vote counts, poll tallies
 * and join counts are not ticked here: they are marked, and the event's one tick owner announces
 * them with the figures read from the database.
 */
import { isPublic, publicView, SUBMISSION_STATUSES } from '$lib/domain/submission';
import type { PollView } from '$lib/realtime/protocol';
import type { Repositories } from '../repositories';
import type { Announce, ForumChange } from './changes';
import { coalescer } from './coalesce';
import { hallViews, toStaffView } from './hall-views';
import type { Publisher } from './publisher';
import { VOTE_TICK_MS, VoteTicker } from './vote-ticker';

/** What the count funnel needs from the announcer: how to announce each kind of count, from the database. */
export type CountKinds = Record<'votes' | 'polls' | 'joins', { tickMs: number; announce(eventId: string, keys: string[]): Promise<void>; announceAll?(eventId: string): Promise<void> }>;
/** Where counts are marked when several processes share an event (cluster/count-funnel.ts). */
export interface CountMarks {
	mark(kind: keyof CountKinds, eventId: string, key: string): Promise<void>;
	flush(): Promise<void>;
	close(): Promise<void>;
}

const PUBLIC_STATUSES = SUBMISSION_STATUSES.filter(isPublic);

/** Answers arriving together are announced once per poll per tick, as vote counts are. */
const POLL_TICK_MS = 100;
/** How often, at most, the screen's count of children who joined is told during a burst of joins. */
export const JOIN_COUNT_TICK_MS = 200;

export function createAnnouncer(repos: Repositories, publisher: Publisher, funnel?: (kinds: CountKinds) => CountMarks) {
	const views = hallViews(repos, publisher);

	async function announcePoll(pollId: string) {
		const poll = await repos.polls.findById(pollId);
		if (poll) publishPoll(poll.eventId, await views.poll(poll, true));
	}
	// One count per event per tick: counting and broadcasting on every join cost the burst.
	async function announceJoins(eventId: string) {
		publisher.publish({ kind: 'display', eventId }, 'participant:joined', { participantCount: await repos.participants.countByEvent(eventId) });
	}
	const counts = funnel
		? markedCounts(
				funnel({
					votes: {
						tickMs: VOTE_TICK_MS,
						async announce(eventId, submissionIds) {
							const figures = await repos.votes.countsOf(submissionIds);
							if (figures.length) publisher.publish({ kind: 'audience', eventId }, 'votes:counted', figures);
						},
						async announceAll(eventId) {
							const figures = await repos.sync.voteCounts(eventId, PUBLIC_STATUSES);
							if (figures.length) publisher.publish({ kind: 'audience', eventId }, 'votes:counted', figures);
						}
					},
					polls: {
						tickMs: POLL_TICK_MS,
						async announce(_eventId, pollIds) {
							for (const pollId of pollIds) await announcePoll(pollId);
						}
					},
					joins: { tickMs: JOIN_COUNT_TICK_MS, announce: (eventId) => announceJoins(eventId) }
				})
			)
		: localCounts(publisher, announcePoll, announceJoins);

	function publishPoll(eventId: string, poll: PollView) {
		// One tally, read once: staff and (when shown) the hall get the same figures.
		publisher.publish({ kind: 'staff', eventId }, 'poll:changed', poll);
		publisher.publish({ kind: 'hall', eventId }, 'poll:changed', poll.resultsShown ? poll : { ...poll, tally: null });
	}

	async function counters(eventId: string) {
		const figures = await views.counters(eventId);
		publisher.publish({ kind: 'display', eventId }, 'counters:changed', figures);
		publisher.publish({ kind: 'staff', eventId }, 'counters:changed', figures);
	}

	async function safeguardingWaiting(eventId: string) {
		publisher.publish({ kind: 'moderators', eventId }, 'safeguarding:waiting', await views.safeguardingNotice(eventId));
	}

	async function stage(eventId: string) {
		publisher.publish({ kind: 'audience', eventId }, 'stage:changed', await views.stage(eventId));
	}

	async function submission(change: Extract<ForumChange, { type: 'submission:added' | 'submission:changed' }>) {
		const item = change.submission;
		const previous = change.type === 'submission:changed' ? change.previous : null;
		const { eventId, participantId } = item;
		if (item.status === 'safeguarding') publisher.publish({ kind: 'organisers', eventId }, 'safeguarding:alert', await views.alertOf(item));
		else publisher.publish({ kind: 'moderators', eventId }, 'moderation:updated', toStaffView(item));
		if (item.status === 'safeguarding' || previous?.status === 'safeguarding') await safeguardingWaiting(eventId);

		const wire = previous ? 'submission:updated' : 'submission:added';
		const view = publicView(item, change.type === 'submission:changed' ? change.followUp : null);
		// An item that stops being public is told to the audience once more, so phones drop it.
		if (isPublic(item.status) || (previous && isPublic(previous.status))) publisher.publish({ kind: 'audience', eventId }, wire, view);
		else if (participantId) publisher.publish({ kind: 'participant', participantId }, wire, view);

		if (previous?.status !== item.status) await counters(eventId);
		// Leaving the approved status takes an item out of the queue: the consoles' queue follows.
		if (previous && previous.queuePosition !== null && item.queuePosition === null)
			publisher.publish({ kind: 'moderators', eventId }, 'queue:changed', { queue: await repos.submissions.listQueue(eventId) });
		if (previous && (await views.touchedStage(previous))) await stage(eventId);
	}

	const announce: Announce = async (change) => {
		switch (change.type) {
			case 'submission:added':
			case 'submission:changed':
				return submission(change);
			case 'votes:changed':
				return counts.voted(change.eventId, change.submissionId, change.votes);
			case 'queue:changed':
				// The hall's "next" list follows through the stage:changed the service says next.
				return publisher.publish({ kind: 'moderators', eventId: change.eventId }, 'queue:changed', { queue: [...change.queue] });
			case 'stage:changed':
				if (change.stage) return publisher.publish({ kind: 'audience', eventId: change.eventId }, 'stage:changed', change.stage);
				return stage(change.eventId);
			case 'poll:changed':
				return publishPoll(change.eventId, change.poll);
			case 'poll:answered':
				return counts.answered(change.eventId, change.pollId);
			case 'participant:joined':
				return counts.joined(change.eventId);
			case 'safeguarding:waiting':
				return safeguardingWaiting(change.eventId);
			case 'screen:revoked':
				return publisher.evict({ kind: 'display', eventId: change.eventId });
			case 'staff:signed-out':
				return publisher.evict({ kind: 'staffUser', userId: change.userId });
			case 'staff:session-ended':
				return publisher.evict({ kind: 'staffSession', sessionId: change.sessionId });
			case 'staff:access-removed':
				return publisher.evict({ kind: 'staffMember', userId: change.userId, eventId: change.eventId });
		}
	};

	return {
		announce,
		views,
		/** Sends the vote counts still gathering now; for a graceful stop, before the sockets close. */
		flush: () => counts.flush(),
		/** Sends what is still gathering and drops pending ticks; for shutdown (a promise with a funnel). */
		close: () => counts.close()
	};
}

/** One process: counts tick here, from the figures the changes carry (as fast as it gets). */
function localCounts(publisher: Publisher, announcePoll: (pollId: string) => Promise<void>, announceJoins: (eventId: string) => Promise<void>) {
	const ticker = new VoteTicker(publisher);
	const pollAnswered = coalescer(POLL_TICK_MS, announcePoll);
	const joined = coalescer(JOIN_COUNT_TICK_MS, announceJoins);
	return {
		voted: (eventId: string, submissionId: string, votes: number) => ticker.counted(eventId, submissionId, votes),
		answered: (_eventId: string, pollId: string) => pollAnswered.soon(pollId),
		joined: (eventId: string) => joined.soon(eventId),
		flush: (): void | Promise<void> => ticker.flush(),
		close(): void | Promise<void> {
			ticker.flush();
			pollAnswered.close();
			joined.close();
		}
	};
}

/** Several processes: counts are marked for the event's tick owner (the figure a change carries may be overtaken). */
function markedCounts(marks: CountMarks) {
	return {
		voted: (eventId: string, submissionId: string, _votes: number) => marks.mark('votes', eventId, submissionId),
		answered: (eventId: string, pollId: string) => marks.mark('polls', eventId, pollId),
		joined: (eventId: string) => marks.mark('joins', eventId, eventId),
		flush: () => marks.flush(),
		close: () => marks.close()
	};
}

export type Announcer = ReturnType<typeof createAnnouncer>;
