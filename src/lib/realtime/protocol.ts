/**
 * The one description of the live channel, shared by server and browser. Types only and a few
 * constants: the zod schemas that enforce it live server-side (schemas.ts) so phones never
 * download the validator. docs/realtime.md documents every event listed here.
 */
import type { Result } from '$lib/domain/result';
import type { RejectionReason, SubmissionKind, SubmissionView } from '$lib/domain/submission';

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

export interface VoteCount {
	submissionId: string;
	votes: number;
}

export interface VoteState extends VoteCount {
	voted: boolean;
}

export type ModerationDecisionInput =
	| { submissionId: string; decision: 'approve' }
	| { submissionId: string; decision: 'reject'; reason: RejectionReason };

export interface AnswerInput {
	submissionId: string;
	/** One line: what the leader said. */
	summary: string;
	/** Who answered, as the MC names them; the leader's own account when left out. */
	answeredBy: string | null;
}

/** What a staff console draws from: the items this role may see in this event. */
export interface StaffSnapshot {
	submissions: SubmissionView[];
	/** Whether this connection may approve and reject (moderators and organisers). */
	canModerate: boolean;
}

/** Everything a phone needs to redraw its view from scratch after a (re)connect. */
export interface ParticipantSnapshot {
	submissions: SubmissionView[];
	/** The child's own items, whatever their status, so "my questions" survives moderation. */
	mine: SubmissionView[];
	votedIds: string[];
}

export interface DisplaySnapshot {
	submissions: SubmissionView[];
	participantCount: number;
}

export interface ClientToServerEvents {
	'submission:submit': (input: SubmitSubmissionInput, ack: (result: Ack<SubmissionView>) => void) => void;
	'vote:set': (input: SetVoteInput, ack: (result: Ack<VoteState>) => void) => void;
	'participant:sync': (input: Record<string, never>, ack: (result: Ack<ParticipantSnapshot>) => void) => void;
	'display:sync': (input: Record<string, never>, ack: (result: Ack<DisplaySnapshot>) => void) => void;
	'staff:sync': (input: Record<string, never>, ack: (result: Ack<StaffSnapshot>) => void) => void;
	'moderation:decide': (input: ModerationDecisionInput, ack: (result: Ack<SubmissionView>) => void) => void;
	'submission:answer': (input: AnswerInput, ack: (result: Ack<SubmissionView>) => void) => void;
}

/**
 * Commands only a staff connection may send. Each is checked against the staff table on the
 * server; the authorisation matrix test lists every one, so a new command must be added there.
 */
export const STAFF_COMMANDS = ['staff:sync', 'moderation:decide', 'submission:answer'] as const satisfies readonly (keyof ClientToServerEvents)[];
export type StaffCommand = (typeof STAFF_COMMANDS)[number];

export interface ServerToClientEvents {
	'submission:added': (submission: SubmissionView) => void;
	/** An item changed (approved, rejected, answered): clients replace their copy. */
	'submission:updated': (submission: SubmissionView) => void;
	'vote:counted': (count: VoteCount) => void;
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
	/** Every staff connection of the event. */
	staff: (eventId: string) => `event:${eventId}:staff`,
	/** One staff member's connections, closed when their sessions end. */
	staffUser: (userId: string) => `staff-user:${userId}`
};

/** Socket.IO's 1 MB default invites abuse; the largest honest payload is a 500-character item. */
export const MAX_PAYLOAD_BYTES = 8 * 1024;
