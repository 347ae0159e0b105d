import { visibleText } from './visible-text';

export const SUBMISSION_KINDS = ['question', 'recommendation', 'message'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

/**
 * The whole life of an item (submission-flow.ts has the transitions). Being queued or on screen is not a
 * status: an approved item can be both, and stays approved until it is answered.
 */
export const SUBMISSION_STATUSES = [
	'pending',
	'approved',
	'rejected',
	'answered',
	'follow_up',
	'merged',
	'withdrawn',
	'safeguarding'
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const SUBMISSION_TEXT_MAX = 500;
export const ANSWER_SUMMARY_MAX = 300;

/** Why the MC did not take an item; the child sees a kind explanation for each. */
export const REJECTION_REASONS = ['off_topic', 'duplicate', 'inappropriate', 'personal_information', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
export const NICKNAME_MAX = 30;

/**
 * A child's question, recommendation or message as the forum keeps it: the core entity.
 * Repositories return it; every wire view (the hall's, the staff's) is derived from it.
 */
export interface Submission {
	id: string;
	eventId: string;
	/** The child who sent it; null for a paper card or an item forwarded from another forum. */
	participantId: string | null;
	delegationId: string;
	kind: SubmissionKind;
	topicId: string;
	agencyId: string | null;
	text: string;
	authorName: string | null;
	status: SubmissionStatus;
	votes: number;
	createdAt: number;
	rejectionReason: RejectionReason | null;
	answerSummary: string | null;
	answeredBy: string | null;
	/** Set while the word filter holds a pending item for review. */
	heldReason: 'word_filter' | null;
	mergedInto: string | null;
	/** The child's own words when the MC edited them. */
	originalText: string | null;
	/** Who approved, rejected or edited it. */
	decidedBy: string | null;
	/** Staff who typed it in from a child's paper card. */
	enteredBy: string | null;
	/** Where it came from when not a phone or a paper card: a lower-level forum, a poll. */
	originLabel: string | null;
	queuePosition: number | null;
	safeguardingHandledAt: number | null;
	/** The item in a lower-level forum it was forwarded from. */
	originSubmissionId: string | null;
	/** Set on items a chaperone sent ahead of the day. */
	chaperoneLinkId?: string | null;
	/**
	 * The event's version at the item's last change a phone can see (the storage stamps it): a phone
	 * that has seen it asks, after a reconnect, only for what is newer.
	 */
	version?: number;
}

/** The fields the hall may see: never the participant behind it, nor staff records. */
type PublicField = 'id' | 'kind' | 'topicId' | 'agencyId' | 'delegationId' | 'text' | 'authorName' | 'status' | 'votes' | 'createdAt' | 'rejectionReason' | 'answerSummary' | 'version';

/** What every phone and the screen may see of an item, derived from the entity. */
export interface SubmissionView extends Pick<Submission, PublicField> {
	/** What became of it after the day, when it was handed to an agency (the child's own items). */
	followUp?: FollowUpOutcome | null;
}

/** What the hall may see of an item: named fields only, never the child or staff records. */
export function publicView(item: Submission, followUp?: FollowUpOutcome | null): SubmissionView {
	const { id, kind, topicId, agencyId, delegationId, text, authorName, status, votes, createdAt, rejectionReason, answerSummary } = item;
	const view: SubmissionView = { id, kind, topicId, agencyId, delegationId, text, authorName, status, votes, createdAt, rejectionReason, answerSummary };
	if (item.version !== undefined) view.version = item.version;
	return followUp ? { ...view, followUp } : view;
}

/** A follow-up as children are told about it. */
export interface FollowUpOutcome {
	status: 'open' | 'in_progress' | 'fulfilled' | 'cannot_yet';
	response: string;
	reason: string;
	wayForward: string;
	dueAt: number;
}

const PUBLIC_STATUSES: ReadonlySet<SubmissionStatus> = new Set(['approved', 'answered', 'follow_up']);

/**
 * Items other children may see and vote on. Pending, rejected, merged and withdrawn items stay with
 * their author; safeguarding items with their author and the organiser.
 */
export function isPublic(status: SubmissionStatus): boolean {
	return PUBLIC_STATUSES.has(status);
}

export function initialStatus(moderation: boolean): SubmissionStatus {
	return moderation ? 'pending' : 'approved';
}

/**
 * Phones may send decomposed Vietnamese (NFD) or stray spacing; store one canonical form so that
 * length limits, duplicates and display behave the same for everyone. What draws nothing goes, and
 * a text with nothing visible left is empty, refused as such (`visibleText`).
 */
export function normaliseText(text: string): string {
	return visibleText(text.normalize('NFC'))
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')
		.replace(/[ \t]+/g, ' ')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** A resend of the same client id is the same item; the same id from someone else is refused. */
export function decideResubmission(
	existing: { participantId: string | null } | null,
	participantId: string
): 'create' | 'duplicate' | 'conflict' {
	if (!existing) return 'create';
	return existing.participantId === participantId ? 'duplicate' : 'conflict';
}

export function authorNameFor(
	participant: { nickname: string | null; showNickname: boolean },
	allowNicknames: boolean
): string | null {
	return allowNicknames && participant.showNickname && participant.nickname ? participant.nickname : null;
}
