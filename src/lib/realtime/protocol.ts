/**
 * The one description of the live channel, shared by server and browser. Types only and a few
 * constants: the zod schemas that enforce it live server-side (schemas.ts) so phones never
 * download the validator. docs/realtime.md documents every event listed here.
 */
import type { Result } from '$lib/domain/result';
import type { Poll, PollAnswer, PollTally } from '$lib/domain/poll';
import type { RejectionReason, Submission, SubmissionKind, SubmissionView } from '$lib/domain/submission';
import type { VoteCount } from '$lib/domain/vote';

export type Ack<T> = Result<T>;

export interface SubmitSubmissionInput {
	id: string;
	kind: SubmissionKind;
	topicId: string;
	agencyId: string | null;
	text: string;
}

export interface SetVoteInput {
	submissionId: string;
	voted: boolean;
}

export type { VoteCount };

export interface VoteState extends VoteCount {
	voted: boolean;
}

export type ModerationDecisionInput =
	/** `text` set: the MC edited the wording before approving; the child's original is kept. */
	| { submissionId: string; decision: 'approve'; text?: string }
	| { submissionId: string; decision: 'reject'; reason: RejectionReason };

/** What moderators see of an item, beyond what children see (derived from the entity). */
export interface StaffSubmissionView
	extends SubmissionView,
		Pick<Submission, 'heldReason' | 'mergedInto' | 'originalText' | 'decidedBy' | 'enteredBy' | 'originLabel'> {
	/** Sent ahead of the day through the delegation's chaperone link. */
	preSubmitted: boolean;
}

/** Transparency counters, shown on the screen and the console: every voice counted. */
export interface Counters {
	received: number;
	approved: number;
	answered: number;
	merged: number;
	/** Items not shown, by reason; safeguarding items are never counted here by name. */
	notShown: Record<RejectionReason, number>;
}

export interface AgendaNow {
	id: string;
	title: string;
	plannedMinutes: number;
	presenter: string;
	startedAt: number;
}

/** Last year's forum's items and what became of them, for the screen at the opening. */
export interface ReviewView {
	title: string;
	counts: Record<'open' | 'in_progress' | 'fulfilled' | 'cannot_yet', number>;
	items: {
		kind: SubmissionKind;
		text: string;
		agency: string;
		status: 'open' | 'in_progress' | 'fulfilled' | 'cannot_yet';
		response: string;
		reason: string;
		wayForward: string;
	}[];
}

/** What the hall sees: the question on screen, what comes next, the agenda item running. */
export interface StageView {
	onScreen: SubmissionView | null;
	onScreenSince: number | null;
	/** The first queued items after the one on screen. */
	next: SubmissionView[];
	agenda: AgendaNow | null;
	/** Set while the MC shows last year's review instead of a question. */
	review: ReviewView | null;
}

/** A poll as the hall sees it; `tally` only once the MC shows the results (always for staff). */
export interface PollView extends Poll {
	resultsShown: boolean;
	tally: PollTally | null;
}

/** A child's item that suggests they are in danger: for the organiser only. */
export interface SafeguardingAlert {
	item: StaffSubmissionView;
	delegationName: string;
	handled: boolean;
}

/**
 * What the MC is told of safeguarding: a neutral count of alerts no organiser has marked handled,
 * and whether an organiser is connected to read them. Without one, the MC knows to call them.
 */
export interface SafeguardingNotice {
	waiting: number;
	organiserOnline: boolean;
}

export interface MergeInput {
	targetId: string;
	sourceIds: string[];
}

export interface QueueInput {
	submissionId: string;
	/** 0-based place in the queue; null takes it out of the queue. */
	position: number | null;
}

/** "To follow up": the item goes to an agency after the day. */
export interface FollowUpInput {
	submissionId: string;
	/** Another agency than the item's (organisers and the MC only); null keeps the item's. */
	agencyId: string | null;
	/** yyyy-mm-dd, or '' for the event's default follow-up period. */
	dueDate: string;
	note: string;
}

export interface IntakeInput extends SubmitSubmissionInput {
	/** The delegation whose child wrote the paper card. */
	delegationId: string;
}

export interface AnswerInput {
	submissionId: string;
	/** One line: what the leader said. */
	summary: string;
	/** Who answered, as the MC names them; the leader's own account when left out. */
	answeredBy: string | null;
}

/** What a staff console draws from: the items this role may see in this event. */
export interface StaffSnapshot {
	/** Every item for those who moderate (never safeguarding ones); the public ones otherwise. */
	items: StaffSubmissionView[];
	/** Ids in the MC's queue, in order. */
	queue: string[];
	stage: StageView;
	counters: Counters;
	/** For organisers only; empty for everyone else. */
	alerts: SafeguardingAlert[];
	/** For those who moderate: alerts waiting for an organiser, as a count only. */
	safeguarding: SafeguardingNotice;
	/** Whether this connection may approve and reject (moderators and organisers). */
	canModerate: boolean;
	/** Votes of the last 10 minutes from phones that joined seconds before, in a burst of joins (a script re-joining). */
	bulkJoinVotes?: number;
	/** Every poll of the event with its live results, for those who run the room; empty otherwise. */
	polls: PollView[];
}

/** Everything a phone needs to redraw its view from scratch after a (re)connect. */
export interface ParticipantSnapshot {
	submissions: SubmissionView[];
	/** The child's own items, whatever their status, so "my questions" survives moderation. */
	mine: SubmissionView[];
	votedIds: string[];
	/** The question on the projection screen now. */
	onScreen: SubmissionView | null;
	/** Polls opened so far (results only where the MC shows them), and this child's answers. */
	polls: PollView[];
	pollAnswers: Record<string, PollAnswer>;
	/** The event's version this snapshot reflects; the phone names it when it resyncs. */
	cursor?: SyncCursor;
}

/** How far a phone's view has come: the event's version in one database (`epoch`). */
export interface SyncCursor {
	epoch: string;
	version: number;
}

/**
 * A phone's resync when it named a cursor the server can continue from: only the public items
 * changed since, and the small state sent whole (every public item's count, which also says which
 * items are public now; the child's own items, votes and answers; the stage; the polls changed or
 * showing results). Anything else the phone has is still current.
 */
export interface ParticipantDelta {
	delta: true;
	cursor: SyncCursor;
	changed: SubmissionView[];
	counts: VoteCount[];
	mine: SubmissionView[];
	votedIds: string[];
	onScreen: SubmissionView | null;
	polls: PollView[];
	pollAnswers: Record<string, PollAnswer>;
}

export interface ParticipantSyncInput {
	/** The cursor of the phone's view; none (or one the server cannot continue from) gets a full snapshot. */
	since?: SyncCursor;
}

export interface DisplaySnapshot {
	submissions: SubmissionView[];
	participantCount: number;
	stage: StageView;
	counters: Counters;
	polls: PollView[];
}

export interface ClientToServerEvents {
	'submission:submit': (input: SubmitSubmissionInput, ack: (result: Ack<SubmissionView>) => void) => void;
	'vote:set': (input: SetVoteInput, ack: (result: Ack<VoteState>) => void) => void;
	'participant:sync': (input: ParticipantSyncInput, ack: (result: Ack<ParticipantSnapshot | ParticipantDelta>) => void) => void;
	'display:sync': (input: Record<string, never>, ack: (result: Ack<DisplaySnapshot>) => void) => void;
	'staff:sync': (input: Record<string, never>, ack: (result: Ack<StaffSnapshot>) => void) => void;
	'moderation:decide': (input: ModerationDecisionInput, ack: (result: Ack<SubmissionView>) => void) => void;
	'submission:answer': (input: AnswerInput, ack: (result: Ack<SubmissionView>) => void) => void;
	'submission:merge': (input: MergeInput, ack: (result: Ack<StaffSubmissionView>) => void) => void;
	'submission:intake': (input: IntakeInput, ack: (result: Ack<StaffSubmissionView>) => void) => void;
	'queue:set': (input: QueueInput, ack: (result: Ack<string[]>) => void) => void;
	'stage:show': (input: { submissionId: string | null }, ack: (result: Ack<StageView>) => void) => void;
	'stage:next': (input: Record<string, never>, ack: (result: Ack<StageView>) => void) => void;
	'agenda:start': (input: { agendaItemId: string | null }, ack: (result: Ack<StageView>) => void) => void;
	'safeguarding:release': (input: { submissionId: string }, ack: (result: Ack<StaffSubmissionView>) => void) => void;
	'safeguarding:handled': (input: { submissionId: string }, ack: (result: Ack<SafeguardingAlert>) => void) => void;
	'submission:followUp': (input: FollowUpInput, ack: (result: Ack<{ followUpId: string; dueAt: number }>) => void) => void;
	'session:close': (input: Record<string, never>, ack: (result: Ack<{ followUps: number }>) => void) => void;
	'stage:review': (input: { on: boolean }, ack: (result: Ack<StageView>) => void) => void;
	'poll:create': (
		input: { kind: string; question: string; options: string; scaleMax: number },
		ack: (result: Ack<PollView>) => void
	) => void;
	'poll:set': (
		input: { pollId: string; status?: 'open' | 'closed'; resultsShown?: boolean },
		ack: (result: Ack<PollView>) => void
	) => void;
	/** A child answers a poll; answering again replaces the earlier answer. */
	'poll:answer': (input: { pollId: string; answer: PollAnswer }, ack: (result: Ack<{ pollId: string }>) => void) => void;
	/** A child takes back their own item before it is answered. */
	'submission:withdraw': (input: { submissionId: string }, ack: (result: Ack<SubmissionView>) => void) => void;
}

/**
 * Commands only a staff connection may send. Each is checked against the staff table on the
 * server; the authorisation matrix test lists every one, so a new command must be added there.
 */
export const STAFF_COMMANDS = [
	'staff:sync',
	'moderation:decide',
	'submission:answer',
	'submission:merge',
	'submission:intake',
	'queue:set',
	'stage:show',
	'stage:next',
	'agenda:start',
	'safeguarding:release',
	'safeguarding:handled',
	'submission:followUp',
	'session:close',
	'stage:review',
	'poll:create',
	'poll:set'
] as const satisfies readonly (keyof ClientToServerEvents)[];
export type StaffCommand = (typeof STAFF_COMMANDS)[number];

export interface ServerToClientEvents {
	'submission:added': (submission: SubmissionView) => void;
	/** An item changed (approved, rejected, answered): clients replace their copy. */
	'submission:updated': (submission: SubmissionView) => void;
	/** Moderators only: an item as staff see it, on every change. */
	'moderation:updated': (item: StaffSubmissionView) => void;
	/** Moderators only: the queue's new order. */
	'queue:changed': (queue: { queue: string[] }) => void;
	/** Everyone in the hall: the question on screen, what is next, the agenda item. */
	'stage:changed': (stage: StageView) => void;
	/** Screens and staff: the transparency counters. */
	'counters:changed': (counters: Counters) => void;
	/** A poll opened, closed, answered, or its results shown: staff always, the hall per the MC. */
	'poll:changed': (poll: PollView) => void;
	/** Organisers only: a child may be in danger. */
	'safeguarding:alert': (alert: SafeguardingAlert) => void;
	/** Moderators: how many alerts wait for an organiser, never what they say or who wrote them. */
	'safeguarding:waiting': (notice: SafeguardingNotice) => void;
	/** The counts that changed in the last tick (VoteTicker), each the latest. */
	'votes:counted': (counts: VoteCount[]) => void;
	'participant:joined': (count: { participantCount: number }) => void;
}

/** How a browser says who it is in the handshake; participants are known by their cookie. */
export type HandshakeAuth =
	| { role: 'participant' }
	| { role: 'display'; displayKey: string }
	/** Staff are known by their session cookie; they name the event they open. */
	| { role: 'staff'; eventId: string };

export const rooms = {
	/** Everyone who may see the event's public items: phones and the projection screen. */
	audience: (eventId: string) => `event:${eventId}:audience`,
	/** Projection screens only: figures no phone shows, kept off 200 phones' connections. */
	display: (eventId: string) => `event:${eventId}:display`,
	/** One child's own devices, for updates to items only they can see. */
	participant: (participantId: string) => `participant:${participantId}`,
	/** Moderators' and organisers' consoles: items not public yet. */
	moderators: (eventId: string) => `event:${eventId}:moderators`,
	/** Organisers only: safeguarding alerts. */
	organisers: (eventId: string) => `event:${eventId}:organisers`,
	/** Every staff connection of the event. */
	staff: (eventId: string) => `event:${eventId}:staff`,
	/** One staff member's connections, closed when their sessions end. */
	staffUser: (userId: string) => `staff-user:${userId}`
};

/** Socket.IO's 1 MB default invites abuse; the largest honest payload is a 500-character item. */
export const MAX_PAYLOAD_BYTES = 8 * 1024;
