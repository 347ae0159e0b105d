/**
 * The storage seam: services only see these interfaces, all Promise-returning, so a second
 * engine (e.g. PostgreSQL for a national forum) can sit behind the same services.
 */
import type { PreEventSettings } from '$lib/domain/pre-event';
import type { DatabaseHealth } from './storage-unavailable';
import type { SharedEventCache } from './event-cache';
import type { AgendaItem, EventDetails, EventLevel, ForumEvent, NamedEntry, TopicEntry } from '$lib/domain/event';
import type { AgeBand, Gender, Participant } from '$lib/domain/participant';
import type { EventRole } from '$lib/domain/staff';
import type { Submission, SubmissionKind, SubmissionStatus } from '$lib/domain/submission';
import type { FollowUpStatus } from '$lib/domain/follow-up';
import type { Poll, PollAnswer, PollStatus } from '$lib/domain/poll';
import type { VoteCount } from '$lib/domain/vote';

export interface EventLists {
	topics: TopicEntry[];
	delegations: NamedEntry[];
	agencies: NamedEntry[];
	agenda: AgendaItem[];
}

/** Settings added later default to off (and no consent recorded) when a caller leaves them out. */
type LaterSettings = 'seatCodes' | 'askAgeBand' | 'askGender' | 'personalDataConsentBy' | 'personalDataConsentAt';
export interface NewEvent extends Omit<ForumEvent, LaterSettings>, Partial<Pick<ForumEvent, LaterSettings>>, EventLists {}

/** An edit: the new fields and lists, and the ids of list entries that are gone. */
export interface EventDetailsUpdate {
	fields: Omit<ForumEvent, 'id' | 'code' | 'displayKey' | 'predecessorId'>;
	lists: EventLists;
	removed: Record<keyof EventLists, string[]>;
}

/** The stage's pointers, stored on the event. */
export interface StoredStage {
	onScreenId: string | null;
	onScreenSince: number | null;
	agendaCurrentId: string | null;
	agendaStartedAt: number | null;
	reviewOnScreen: boolean;
}

export interface EventRepository {
	findByCode(code: string): Promise<EventDetails | null>;
	findById(id: string): Promise<EventDetails | null>;
	findByDisplayKey(displayKey: string): Promise<EventDetails | null>;
	create(event: NewEvent): Promise<void>;
	/** Applies an edit atomically; false (and nothing changed) if a removed entry is still in use. */
	update(eventId: string, update: EventDetailsUpdate): Promise<boolean>;
	setDisplayKey(eventId: string, displayKey: string): Promise<void>;
	getStage(eventId: string): Promise<StoredStage | null>;
	setStage(eventId: string, stage: Partial<StoredStage>): Promise<void>;
	count(): Promise<number>;
	/** Events children can join now: for the start-up banner. */
	listOpen(): Promise<Pick<ForumEvent, 'code' | 'displayKey' | 'title'>[]>;
	/** The lower-level forums whose results compile into this one (local or imported), oldest first. */
	listChildren(parentEventId: string): Promise<EventDetails[]>;
	/** Links a forum to the higher-level one it compiles into, or unlinks it (null). */
	setParent(eventId: string, parentEventId: string | null): Promise<void>;
}

export interface ParticipantSession {
	id: string;
	participantId: string;
	expiresAt: number;
}

/** What a join stores beside the participant: optional answers, and the seat it claims. */
export interface JoinDetails {
	ageBand?: AgeBand | null;
	gender?: Gender | null;
	seatId?: string | null;
}

export interface ParticipantRepository {
	/**
	 * The child and their first session, in one transaction. False, and nothing stored, when the
	 * seat was claimed first by another join.
	 */
	create(participant: Participant, session: Omit<ParticipantSession, 'participantId'>, details?: JoinDetails): Promise<boolean>;
	/** The report's balance figures: children per age band and gender ('none' when not answered). */
	countProfiles(eventId: string): Promise<{ ageBand: Record<string, number>; gender: Record<string, number> }>;
	countByEvent(eventId: string): Promise<number>;
	countByDelegation(eventId: string): Promise<{ delegationId: string; n: number }[]>;
	findSession(sessionId: string): Promise<{ session: ParticipantSession; participant: Participant } | null>;
	extendSession(sessionId: string, expiresAt: number): Promise<void>;
	deleteSession(sessionId: string): Promise<void>;
}

/** The entity as stored: the domain's own type (an alias kept for the repositories' names). */
export type StoredSubmission = Submission;

/** A status change and the fields that go with it; the status only changes if still expected. */
export type SubmissionChange = Partial<
	Pick<
		StoredSubmission,
		| 'rejectionReason'
		| 'answerSummary'
		| 'answeredBy'
		| 'text'
		| 'kind'
		| 'topicId'
		| 'agencyId'
		| 'originalText'
		| 'decidedBy'
		| 'heldReason'
		| 'mergedInto'
		| 'safeguardingHandledAt'
	>
> & { status: SubmissionStatus };

export type CounterRow = { status: SubmissionStatus; rejectionReason: string | null; n: number };

export interface SubmissionRepository {
	findById(id: string): Promise<StoredSubmission | null>;
	/** Stores the item unless its id is already taken; returns what is stored under that id. */
	insertIfAbsent(submission: StoredSubmission): Promise<{ inserted: boolean; stored: StoredSubmission }>;
	listByStatus(eventId: string, statuses: readonly SubmissionStatus[]): Promise<StoredSubmission[]>;
	listByParticipant(participantId: string): Promise<StoredSubmission[]>;
	/**
	 * Changes an item only if its status is still one of `from`; null if someone was first. Leaving
	 * the approved status also takes the item out of the queue.
	 */
	transition(id: string, from: readonly SubmissionStatus[], change: SubmissionChange): Promise<StoredSubmission | null>;
	/** Sets a field that does not change the status (e.g. a handled alert). */
	mark(id: string, change: Pick<SubmissionChange, 'safeguardingHandledAt'>): Promise<StoredSubmission | null>;
	/** Ids in the event's queue, in order. */
	listQueue(eventId: string): Promise<string[]>;
	/** Replaces the queue's order; ids of items that are not approved are left out. Returns the stored order. */
	setQueue(eventId: string, ids: readonly string[]): Promise<string[]>;
	/** Items per status (and rejection reason): for the transparency counters. */
	countByStatus(eventId: string): Promise<CounterRow[]>;
	/**
	 * Folds `sourceIds` into `targetId` in one transaction: the sources become merged (if still in
	 * one of `from`), the supporters get a vote on the target. Null if the target or any source
	 * changed meanwhile (nothing is changed then).
	 */
	merge(
		targetId: string,
		sourceIds: readonly string[],
		from: readonly SubmissionStatus[],
		supporters: readonly string[]
	): Promise<{ target: StoredSubmission; sources: StoredSubmission[] } | null>;
}

/** One child's vote on one item, cast (`voted`) or taken back. */
export interface VoteChange {
	submissionId: string;
	participantId: string;
	voted: boolean;
}

export interface VoteRepository {
	/** Sets one child's vote on one item and returns the item's new count, atomically. */
	set(submissionId: string, participantId: string, voted: boolean): Promise<{ changed: boolean; votes: number }>;
	/**
	 * Several votes in one transaction (a group commit), in order: all stored or none. Each gets
	 * whether it changed anything and its item's count once all of them are in.
	 */
	setMany(changes: readonly VoteChange[]): Promise<{ changed: boolean; votes: number }[]>;
	listVotedIds(participantId: string): Promise<string[]>;
	listVoterIds(submissionId: string): Promise<string[]>;
	/**
	 * The stored counts of the given items, in one query: what a tick announces when several
	 * processes take votes (the count a vote returned may already be overtaken on another process).
	 */
	countsOf(submissionIds: readonly string[]): Promise<VoteCount[]>;
	/**
	 * Votes in an event since `since` cast by phones that joined at most `withinMs` before voting,
	 * in a burst: at least `burst` children of the event joined within `withinMs` of them.
	 */
	countBulkJoinVotes(eventId: string, since: number, withinMs: number, burst: number): Promise<number>;
}

export interface StaffUser {
	id: string;
	username: string;
	displayName: string;
	passwordHash: string;
	canCreateEvents: boolean;
}

export interface StaffSession {
	id: string;
	userId: string;
	expiresAt: number;
}

export interface StaffRepository {
	countUsers(): Promise<number>;
	createUser(user: StaffUser): Promise<void>;
	/** Creates the user only while there is no user at all; false if someone was first. */
	createFirstUser(user: StaffUser): Promise<boolean>;
	findUserByUsername(username: string): Promise<StaffUser | null>;
	/** Changes the password and ends every session of that user, in one step. */
	setPasswordHash(userId: string, passwordHash: string): Promise<void>;
	createSession(session: StaffSession): Promise<void>;
	findSession(sessionId: string): Promise<{ session: StaffSession; user: StaffUser } | null>;
	extendSession(sessionId: string, expiresAt: number): Promise<void>;
	deleteSession(sessionId: string): Promise<void>;
	deleteSessionsOf(userId: string): Promise<void>;
	listRoles(userId: string): Promise<EventRole[]>;
	grantRole(userId: string, role: EventRole): Promise<void>;
	/** Removes every role the user holds in the event; returns what was removed. */
	revokeRoles(userId: string, eventId: string): Promise<EventRole[]>;
	displayNameOf(userId: string): Promise<string | null>;
	listEventStaff(eventId: string): Promise<{ displayName: string; username: string; role: EventRole['role']; agencyId: string | null }[]>;
	createInvitation(invitation: StaffInvitation): Promise<void>;
	findInvitation(id: string): Promise<StaffInvitation | null>;
	/** Marks the invitation used and grants its role, atomically; false if it was already used. */
	redeemInvitation(id: string, userId: string, at: number): Promise<boolean>;
	/**
	 * Creates the user, marks the invitation used and grants its role in one transaction: one link
	 * makes one account. 'used' (nothing created) when the link was taken first, 'taken' when the
	 * username exists.
	 */
	createUserThroughInvitation(user: StaffUser, invitationId: string, at: number): Promise<'created' | 'used' | 'taken'>;
}

export interface StaffInvitation extends EventRole {
	id: string;
	createdBy: string;
	expiresAt: number;
	usedAt: number | null;
}

export interface AuditEntry {
	at: number;
	eventId: string | null;
	userId: string | null;
	/** A staff action name, or what was attempted: 'login', 'invitation', 'form'. */
	action: string;
	outcome: 'done' | 'refused';
	/** The refusal's error code, or a short note of what changed. */
	detail: string;
}

export interface AuditRecord extends Omit<AuditEntry, 'userId'> {
	username: string | null;
}

export interface AuditRepository {
	/** Returns the new row's id. */
	record(entry: AuditEntry): Promise<number>;
	/** Rewrites one row's action: the running count of a window of sampled refusals. */
	setAction(id: number, action: string): Promise<void>;
	/** Newest first. */
	listForEvent(eventId: string, limit: number): Promise<AuditRecord[]>;
	/** Refusals that belong to no event (failed sign-ins, forged links): newest first. */
	listWithoutEvent(limit: number): Promise<AuditRecord[]>;
}

export interface StoredFollowUp {
	id: string;
	submissionId: string;
	eventId: string;
	agencyId: string | null;
	status: FollowUpStatus;
	dueAt: number;
	response: string;
	reason: string;
	wayForward: string;
	createdAt: number;
	updatedAt: number;
}

export interface FollowUpHistoryEntry {
	at: number;
	byName: string;
	status: FollowUpStatus;
	agencyId: string | null;
	dueAt: number;
	response: string;
	reason: string;
	wayForward: string;
	note: string;
}

export interface FollowUpFilter {
	eventIds: readonly string[];
	/** An agency id, or null for "to be assigned"; undefined for all. */
	agencyId?: string | null;
	status?: FollowUpStatus;
	topicId?: string;
	/** Only follow-ups not fulfilled and due before this time. */
	overdueAt?: number;
}

export interface FollowUpListRow {
	followUp: StoredFollowUp;
	item: { kind: SubmissionKind; text: string; topicId: string; delegationId: string };
	event: { title: string; level: EventLevel; startsAt: number | null; createdAt: number };
}

export interface HandOver {
	followUp: StoredFollowUp;
	history: FollowUpHistoryEntry;
}

export interface FollowUpRepository {
	/**
	 * Hands items over to their agencies in one transaction: each item still in `from` becomes
	 * "to follow up" together with its follow-up and first history entry; the others are skipped.
	 * `clearStageOf` also takes the event's screen down, in the same transaction.
	 */
	handOver(
		handOvers: readonly HandOver[],
		from: readonly SubmissionStatus[],
		options?: { clearStageOf?: string }
	): Promise<{ submission: StoredSubmission; followUp: StoredFollowUp }[]>;
	/** Creates the item's follow-up with its first history entry, unless it has one already. */
	create(followUp: StoredFollowUp, history: FollowUpHistoryEntry): Promise<StoredFollowUp>;
	findById(id: string): Promise<StoredFollowUp | null>;
	findBySubmission(submissionId: string): Promise<StoredFollowUp | null>;
	/** Changes it only if still in `expectedStatus`, and records the change; null if someone was first. */
	update(
		id: string,
		expectedStatus: FollowUpStatus,
		change: Partial<Omit<StoredFollowUp, 'id' | 'submissionId' | 'eventId' | 'createdAt'>>,
		history: FollowUpHistoryEntry
	): Promise<StoredFollowUp | null>;
	history(id: string): Promise<FollowUpHistoryEntry[]>;
	list(filter: FollowUpFilter): Promise<FollowUpListRow[]>;
	listForEvent(eventId: string): Promise<StoredFollowUp[]>;
}

export interface StoredPoll extends Poll {
	eventId: string;
	resultsShown: boolean;
}

export interface PollRepository {
	create(poll: StoredPoll): Promise<void>;
	findById(id: string): Promise<StoredPoll | null>;
	listByEvent(eventId: string): Promise<StoredPoll[]>;
	/** Changes the poll only while its status is one of `from`; null otherwise. */
	update(id: string, from: readonly PollStatus[], change: Partial<Pick<StoredPoll, 'status' | 'resultsShown'>>): Promise<StoredPoll | null>;
	/** One answer per child: a second one replaces the first. */
	saveAnswer(pollId: string, participantId: string, answer: PollAnswer, at: number): Promise<void>;
	listAnswers(pollId: string): Promise<{ participantId: string; answer: PollAnswer; at: number }[]>;
	/** One child's answers, by poll, so a reloaded phone shows what it chose. */
	listAnswersBy(pollIds: readonly string[], participantId: string): Promise<Record<string, PollAnswer>>;
}

export interface ChaperoneLink {
	/** SHA-256 of the token in the link. */
	id: string;
	eventId: string;
	delegationId: string;
	createdAt: number;
	revokedAt: number | null;
}

export interface PreEventRepository {
	settings(eventId: string): Promise<PreEventSettings>;
	saveSettings(eventId: string, settings: PreEventSettings): Promise<void>;
	/** A new link for the delegation; earlier ones stop working. */
	replaceLink(link: ChaperoneLink): Promise<void>;
	revokeLink(eventId: string, delegationId: string, at: number): Promise<void>;
	findLink(id: string): Promise<ChaperoneLink | null>;
	/** The working link of each delegation that has one. */
	listLinks(eventId: string): Promise<ChaperoneLink[]>;
	/** Items sent through a delegation's links (any of them, revoked or not). */
	listByDelegation(eventId: string, delegationId: string): Promise<StoredSubmission[]>;
	/** Everything sent ahead: by chaperones, and forwarded from lower-level forums. */
	listForEvent(eventId: string): Promise<StoredSubmission[]>;
}

export interface StoredSeat {
	id: string;
	eventId: string;
	delegationId: string | null;
	usedAt: number | null;
}

export interface SeatRepository {
	createMany(seats: { id: string; eventId: string; delegationId: string | null; codeHash: string }[]): Promise<void>;
	findByHash(codeHash: string): Promise<StoredSeat | null>;
	/** Cards printed and used, per delegation (null: cards for the whole event). */
	counts(eventId: string): Promise<{ delegationId: string | null; total: number; used: number }[]>;
}

/** Reads for a phone's resync: how far an event has moved, and what moved (versions stamped by triggers). */
export interface SyncRepository {
	/** The event's version and its database's epoch (created on first use). */
	cursor(eventId: string): Promise<{ epoch: string; version: number }>;
	/** Items of the event whose visible part changed after `version`, whatever their status now. */
	changedSince(eventId: string, version: number, statuses: readonly SubmissionStatus[]): Promise<StoredSubmission[]>;
	/** Every item's count in those statuses: small, and says which items are in them now. */
	voteCounts(eventId: string, statuses: readonly SubmissionStatus[]): Promise<{ submissionId: string; votes: number }[]>;
}

/** A forum imported from another installation's package, as rows with this installation's ids. */
export interface ImportedForum {
	event: Pick<
		ForumEvent,
		| 'id'
		| 'code'
		| 'displayKey'
		| 'title'
		| 'theme'
		| 'level'
		| 'organisingUnit'
		| 'venue'
		| 'startsAt'
		| 'followUpDays'
		| 'askAgeBand'
		| 'askGender'
		| 'personalDataConsentAt'
		| 'parentEventId'
		| 'importedFrom'
		| 'importedSourceId'
		| 'importedExportedAt'
		| 'importedChecksum'
	>;
	lists: Pick<EventLists, 'topics' | 'delegations' | 'agencies'>;
	children: { id: string; delegationId: string; ageBand: AgeBand | null; gender: Gender | null }[];
	submissions: StoredSubmission[];
	followUps: { followUp: StoredFollowUp; history: FollowUpHistoryEntry[] }[];
	polls: { poll: StoredPoll; answers: { participantId: string; answer: PollAnswer; at: number }[] }[];
	/** Its forwarded recommendations, into the higher forum's inbox: stored once per item of origin. */
	inbox: StoredSubmission[];
}

export interface ForumPackageRepository {
	/** This installation's stable id: the one already stored, or `candidate` on first use. */
	installationId(candidate: string): Promise<string>;
	/** The record of a forum imported before, by where it came from. */
	findImported(installationId: string, sourceEventId: string): Promise<{ id: string; code: string; displayKey: string; exportedAt: number } | null>;
	/** The children of a forum with only what the package carries: delegation and the consented answers. */
	children(eventId: string): Promise<{ participantId: string; delegationId: string; ageBand: AgeBand | null; gender: Gender | null }[]>;
	/**
	 * Stores or updates the imported forum and its inbox items in one transaction: rows are
	 * upserted by id, so a second import of the same forum changes rows instead of adding copies.
	 * Returns the inbox items that were new.
	 */
	store(forum: ImportedForum): Promise<{ inboxAdded: StoredSubmission[] }>;
}

export interface Repositories {
	forumPackages: ForumPackageRepository;
	seats: SeatRepository;
	sync: SyncRepository;
	events: EventRepository;
	participants: ParticipantRepository;
	submissions: SubmissionRepository;
	votes: VoteRepository;
	staff: StaffRepository;
	audit: AuditRepository;
	followUps: FollowUpRepository;
	polls: PollRepository;
	preEvent: PreEventRepository;
	/** The event-setup cache of `events`, for sharing its invalidation with other processes. */
	eventCache: SharedEventCache;
	/** True when the store answers; for /healthz. */
	ping(): Promise<boolean>;
	/** Whether writes go through now: 'busy' (another process holds the lock), 'failing' (a refused write, a full disk). */
	health(): DatabaseHealth;
}
