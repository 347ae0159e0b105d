/**
 * The one description of the live channel, shared by server and browser. Types only and a few
 * constants: the zod schemas that enforce it live server-side (schemas.ts) so phones never
 * download the validator. docs/realtime.md documents every event listed here.
 */
import type { Result } from '$lib/domain/result';
import type { SubmissionKind, SubmissionView } from '$lib/domain/submission';

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
}

export interface ServerToClientEvents {
	'submission:added': (submission: SubmissionView) => void;
	'vote:counted': (count: VoteCount) => void;
	'participant:joined': (count: { participantCount: number }) => void;
}

/** How a browser says who it is in the handshake; participants are known by their cookie. */
export type HandshakeAuth = { role: 'participant' } | { role: 'display'; displayKey: string };

export const rooms = {
	/** Everyone who may see the event's public items: phones and the projection screen. */
	audience: (eventId: string) => `event:${eventId}:audience`,
	/** Projection screens only: figures no phone shows, kept off 200 phones' connections. */
	display: (eventId: string) => `event:${eventId}:display`,
	/** One child's own devices, for updates to items only they can see. */
	participant: (participantId: string) => `participant:${participantId}`
};

/** Socket.IO's 1 MB default invites abuse; the largest honest payload is a 500-character item. */
export const MAX_PAYLOAD_BYTES = 8 * 1024;
