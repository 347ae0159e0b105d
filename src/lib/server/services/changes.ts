/**
 * What happened, in the product's words. Services say it once (`deps.announce(change)`); the
 * announcer decides which audience hears which wire message. Nothing else publishes to the hall.
 */
import type { FollowUpOutcome, Submission } from '$lib/domain/submission';
import type { PollView, StageView } from '$lib/realtime/protocol';

export type ForumChange =
	/** A new item, from any way in: a phone, a paper card, a chaperone, a lower forum, a poll. */
	| { type: 'submission:added'; submission: Submission }
	/**
	 * An item changed: decided, answered, handed over (with its follow-up), merged, withdrawn,
	 * released or marked handled. `previous` is how it was, so the announcer knows who saw it.
	 */
	| { type: 'submission:changed'; submission: Submission; previous: Submission; followUp?: FollowUpOutcome }
	/** An item's count changed (a vote, a merge's united supporters): through the ticker only. */
	| { type: 'votes:changed'; eventId: string; submissionId: string; votes: number }
	/** The MC's queue (consoles only); the service also says stage:changed, which the hall sees. */
	| { type: 'queue:changed'; eventId: string; queue: readonly string[] }
	/** The stage moved; `stage` when the service already read it (for its own ack). */
	| { type: 'stage:changed'; eventId: string; stage?: StageView }
	/** A poll opened, closed or its results shown, as staff see it (tally included). */
	| { type: 'poll:changed'; eventId: string; poll: PollView }
	/** Answers arrived: their tally is announced once per tick (by the event's tick owner, with several processes). */
	| { type: 'poll:answered'; eventId: string; pollId: string }
	/** Children joined: the screen's count is told once per tick. */
	| { type: 'participant:joined'; eventId: string }
	/** An alert arrived or was handled, or an organiser came or went: the MC's neutral notice. */
	| { type: 'safeguarding:waiting'; eventId: string }
	/** The screen's link was replaced: screens on the old one are closed. */
	| { type: 'screen:revoked'; eventId: string }
	/** A staff member's sessions ended: their open consoles are closed. */
	| { type: 'staff:signed-out'; userId: string }
	/** One staff session ended (signed out, expired): the consoles opened with it are closed. */
	| { type: 'staff:session-ended'; sessionId: string }
	/** A staff member lost their roles in one event: their consoles for it are closed. */
	| { type: 'staff:access-removed'; userId: string; eventId: string };

export type Announce = (change: ForumChange) => Promise<void>;
