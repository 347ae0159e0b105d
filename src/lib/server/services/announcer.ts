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
 */
import { isPublic, publicView } from '$lib/domain/submission';
import type { PollView } from '$lib/realtime/protocol';
import type { Repositories } from '../repositories';
import type { Announce, ForumChange } from './changes';
import { coalescer } from './coalesce';
import { hallViews, toStaffView } from './hall-views';
import type { Publisher } from './publisher';
import { VoteTicker } from './vote-ticker';

/** Answers arriving together are announced once per poll per tick, as vote counts are. */
const POLL_TICK_MS = 100;
/** How often, at most, the screen's count of children who joined is told during a burst of joins. */
export const JOIN_COUNT_TICK_MS = 200;

export function createAnnouncer(repos: Repositories, publisher: Publisher) {
	const views = hallViews(repos, publisher);
	const ticker = new VoteTicker(publisher);

	const pollAnswered = coalescer(POLL_TICK_MS, async (pollId) => {
		const poll = await repos.polls.findById(pollId);
		if (poll) publishPoll(poll.eventId, await views.poll(poll, true));
	});
	// One count per event per tick: counting and broadcasting on every join cost the burst.
	const joined = coalescer(JOIN_COUNT_TICK_MS, async (eventId) => {
		publisher.publish({ kind: 'display', eventId }, 'participant:joined', { participantCount: await repos.participants.countByEvent(eventId) });
	});

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
				return ticker.counted(change.eventId, change.submissionId, change.votes);
			case 'queue:changed':
				// The hall's "next" list follows through the stage:changed the service says next.
				return publisher.publish({ kind: 'moderators', eventId: change.eventId }, 'queue:changed', { queue: [...change.queue] });
			case 'stage:changed':
				if (change.stage) return publisher.publish({ kind: 'audience', eventId: change.eventId }, 'stage:changed', change.stage);
				return stage(change.eventId);
			case 'poll:changed':
				return publishPoll(change.eventId, change.poll);
			case 'poll:answered':
				return pollAnswered.soon(change.pollId);
			case 'participant:joined':
				return joined.soon(change.eventId);
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
		flush() {
			ticker.flush();
		},
		/** Sends what is still gathering and drops pending ticks; for shutdown. */
		close() {
			ticker.flush();
			pollAnswered.close();
			joined.close();
		}
	};
}

export type Announcer = ReturnType<typeof createAnnouncer>;
