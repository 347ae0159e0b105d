import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	integer('created_at', { mode: 'number' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const events = sqliteTable(
	'events',
	{
		id: text('id').primaryKey(),
		code: text('code').notNull(),
		title: text('title').notNull(),
		theme: text('theme').notNull().default(''),
		level: text('level', { enum: ['commune', 'district', 'province', 'national'] }).notNull(),
		organisingUnit: text('organising_unit').notNull().default(''),
		venue: text('venue').notNull().default(''),
		startsAt: integer('starts_at', { mode: 'number' }),
		moderation: integer('moderation', { mode: 'boolean' }).notNull().default(true),
		allowNicknames: integer('allow_nicknames', { mode: 'boolean' }).notNull().default(true),
		joinOpen: integer('join_open', { mode: 'boolean' }).notNull().default(true),
		/** Days an agency has to answer a follow-up, unless the leader sets another due date. */
		followUpDays: integer('follow_up_days').notNull().default(30),
		/** Last year's forum, copied to make this one; its follow-ups are reviewed first. */
		predecessorId: text('predecessor_id'),
		/** The higher-level forum this one compiles into (district → province): its roll-up counts this one. */
		parentEventId: text('parent_event_id'),
		/** The event's own filtered words, one per line, on top of the default list. */
		wordFilter: text('word_filter').notNull().default(''),
		/** The stage: the item on the projection screen and since when (for the MC's timer). */
		onScreenId: text('on_screen_id'),
		onScreenSince: integer('on_screen_since', { mode: 'number' }),
		/** The agenda item running now and when it started (for the countdown). */
		agendaCurrentId: text('agenda_current_id'),
		agendaStartedAt: integer('agenda_started_at', { mode: 'number' }),
		/** The screen shows what became of last year's forum's items instead of a question. */
		reviewOnScreen: integer('review_on_screen', { mode: 'boolean' }).notNull().default(false),
		/** Before the day: chaperones send items until this time (none: no deadline set yet). */
		preDeadline: integer('pre_deadline', { mode: 'number' }),
		/** Items each delegation may send ahead. */
		preLimit: integer('pre_limit').notNull().default(6),
		/** Leaders see the items sent ahead to their agency, to prepare their answers. */
		preOpenToAgencies: integer('pre_open_to_agencies', { mode: 'boolean' }).notNull().default(false),
		/** Joining needs an unused printed seat code, one per child (off: the join code is enough). */
		seatCodes: integer('seat_codes', { mode: 'boolean' }).notNull().default(false),
		/** Optional personal data for the balance statistics; off unless the organiser turns it on. */
		askAgeBand: integer('ask_age_band', { mode: 'boolean' }).notNull().default(false),
		askGender: integer('ask_gender', { mode: 'boolean' }).notNull().default(false),
		/** How many children the organiser expects; joins past it (plus a margin) need a seat code. Null: not stated. */
		expectedChildren: integer('expected_children'),
		/** Who recorded that the legal representatives' consent was gathered (Law 91/2025), and when. */
		personalDataConsentBy: text('personal_data_consent_by'),
		personalDataConsentAt: integer('personal_data_consent_at', { mode: 'number' }),
		displayKey: text('display_key').notNull(),
		/**
		 * Set on a forum imported from another installation's package, which is then read-only here:
		 * that installation's id, the forum's id there, when the package was made and its checksum.
		 */
		importedFrom: text('imported_from'),
		importedSourceId: text('imported_source_id'),
		importedExportedAt: integer('imported_exported_at', { mode: 'number' }),
		importedChecksum: text('imported_checksum'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('events_code_unique').on(t.code),
		uniqueIndex('events_display_key_unique').on(t.displayKey),
		// One imported record per forum of origin: importing its package again updates it.
		uniqueIndex('events_imported_unique').on(t.importedFrom, t.importedSourceId)
	]
);

/** This installation's stable id (one row), written into every package it exports. */
export const installation = sqliteTable('installation', {
	key: text('key').primaryKey(),
	id: text('id').notNull(),
	createdAt: createdAt()
});

/** Topics, delegations and agencies share one shape: a named, ordered list per event. */
const eventList = (name: string) =>
	sqliteTable(
		name,
		{
			id: text('id').primaryKey(),
			eventId: text('event_id')
				.notNull()
				.references(() => events.id, { onDelete: 'cascade' }),
			name: text('name').notNull(),
			position: integer('position').notNull()
		},
		(t) => [index(`${name}_event_idx`).on(t.eventId, t.position)]
	);

export const delegations = eventList('delegations');
export const agencies = eventList('agencies');

export const topics = sqliteTable(
	'topics',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		position: integer('position').notNull(),
		/** The agency an item on this topic is addressed to when the child names none. */
		agencyId: text('agency_id').references(() => agencies.id, { onDelete: 'set null' })
	},
	(t) => [index('topics_event_idx').on(t.eventId, t.position)]
);

/** The run of show: welcome, opening, performances, dialogue, closing. */
export const agendaItems = sqliteTable(
	'agenda_items',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		plannedMinutes: integer('planned_minutes').notNull(),
		presenter: text('presenter').notNull().default('')
	},
	(t) => [index('agenda_items_event_idx').on(t.eventId, t.position)]
);

export const participants = sqliteTable(
	'participants',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		delegationId: text('delegation_id')
			.notNull()
			.references(() => delegations.id),
		nickname: text('nickname'),
		showNickname: integer('show_nickname', { mode: 'boolean' }).notNull().default(false),
		/** Only when the organiser asks, and only for the report's counts: never sent to a phone or screen. */
		ageBand: text('age_band', { enum: ['12-13', '14-15', '16+'] }),
		gender: text('gender', { enum: ['male', 'female', 'other', 'undisclosed'] }),
		createdAt: createdAt()
	},
	(t) => [index('participants_event_idx').on(t.eventId)]
);

/**
 * Printed single-use seat codes: only the SHA-256 of the code is kept. `usedBy` is set once, by the
 * first join that claims the seat (an UPDATE guarded by `used_by IS NULL`).
 */
export const seats = sqliteTable(
	'seats',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		/** The delegation printed on the card, or null for a card that lets the child pick. */
		delegationId: text('delegation_id').references(() => delegations.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		usedBy: text('used_by').references(() => participants.id, { onDelete: 'set null' }),
		usedAt: integer('used_at', { mode: 'number' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('seats_code_hash_unique').on(t.codeHash), index('seats_event_idx').on(t.eventId)]
);

/** Lucia-style sessions: the id is the SHA-256 of the cookie token, never the token itself. */
export const participantSessions = sqliteTable(
	'participant_sessions',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'number' }).notNull()
	},
	(t) => [index('participant_sessions_participant_idx').on(t.participantId)]
);

export const submissions = sqliteTable(
	'submissions',
	{
		/** Generated by the phone, so a retried send is recognised and stored once. */
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		participantId: text('participant_id').references(() => participants.id, { onDelete: 'set null' }),
		delegationId: text('delegation_id')
			.notNull()
			.references(() => delegations.id),
		kind: text('kind', { enum: ['question', 'recommendation', 'message'] }).notNull(),
		topicId: text('topic_id')
			.notNull()
			.references(() => topics.id),
		agencyId: text('agency_id').references(() => agencies.id),
		text: text('text').notNull(),
		/** Set when the MC refused the item: one of REJECTION_REASONS. */
		rejectionReason: text('rejection_reason'),
		answerSummary: text('answer_summary'),
		answeredBy: text('answered_by'),
		authorName: text('author_name'),
		status: text('status', {
			enum: ['pending', 'approved', 'rejected', 'answered', 'follow_up', 'merged', 'withdrawn', 'safeguarding']
		}).notNull(),
		/** Set while a pending item is held by the word filter. */
		heldReason: text('held_reason'),
		/** The item this one was merged into. */
		mergedInto: text('merged_into'),
		/** The child's own words, kept when the MC edited the text before approving. */
		originalText: text('original_text'),
		/** Display name of the staff member who approved, rejected or edited it: "already done by X". */
		decidedBy: text('decided_by'),
		/** Place in the MC's queue; null when not queued. */
		queuePosition: integer('queue_position'),
		/** Staff who typed in a child's paper card, on behalf of the delegation. */
		enteredBy: text('entered_by'),
		/** When the organiser dealt with a safeguarding alert. */
		safeguardingHandledAt: integer('safeguarding_handled_at', { mode: 'number' }),
		/** Forwarded from a lower-level forum: the item there, and that forum's name. */
		originSubmissionId: text('origin_submission_id'),
		originLabel: text('origin_label'),
		/** Sent ahead of the day through a delegation's chaperone link. */
		chaperoneLinkId: text('chaperone_link_id'),
		voteCount: integer('vote_count').notNull().default(0),
		/** The event's version (event_versions) at this item's last change a phone can see; set by a trigger. */
		version: integer('version').notNull().default(0),
		createdAt: integer('created_at', { mode: 'number' }).notNull()
	},
	(t) => [
		index('submissions_event_status_idx').on(t.eventId, t.status),
		index('submissions_event_version_idx').on(t.eventId, t.version),
		index('submissions_participant_idx').on(t.participantId),
		uniqueIndex('submissions_origin_unique').on(t.eventId, t.originSubmissionId)
	]
);

export const votes = sqliteTable(
	'votes',
	{
		submissionId: text('submission_id')
			.notNull()
			.references(() => submissions.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.submissionId, t.participantId] }), index('votes_participant_idx').on(t.participantId)]
);

export const staffUsers = sqliteTable(
	'staff_users',
	{
		id: text('id').primaryKey(),
		username: text('username').notNull(),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		canCreateEvents: integer('can_create_events', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('staff_users_username_unique').on(t.username)]
);

/** Lucia-style, like participant sessions: the id is the SHA-256 of the cookie token. */
export const staffSessions = sqliteTable(
	'staff_sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => staffUsers.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'number' }).notNull()
	},
	(t) => [index('staff_sessions_user_idx').on(t.userId)]
);

export const eventRoles = sqliteTable(
	'event_roles',
	{
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => staffUsers.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['organiser', 'moderator', 'leader', 'follow_up_officer'] }).notNull(),
		agencyId: text('agency_id').references(() => agencies.id)
	},
	(t) => [primaryKey({ columns: [t.eventId, t.userId, t.role] }), index('event_roles_user_idx').on(t.userId)]
);

/** One-time invitation links: the id is the SHA-256 of the token in the link. */
export const staffInvitations = sqliteTable(
	'staff_invitations',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['organiser', 'moderator', 'leader', 'follow_up_officer'] }).notNull(),
		agencyId: text('agency_id').references(() => agencies.id),
		createdBy: text('created_by')
			.notNull()
			.references(() => staffUsers.id),
		expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
		usedAt: integer('used_at', { mode: 'number' }),
		usedBy: text('used_by').references(() => staffUsers.id),
		createdAt: createdAt()
	},
	(t) => [index('staff_invitations_event_idx').on(t.eventId)]
);

/**
 * What staff did and what was refused, for the organiser: who, what, when, and the outcome.
 * Refusals without an event (a failed sign-in, a forged invitation) have no event id.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'number' }).notNull(),
		eventId: text('event_id').references(() => events.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		outcome: text('outcome', { enum: ['done', 'refused'] }).notNull(),
		/** The error code of a refusal, or a short note of what changed. */
		detail: text('detail').notNull().default('')
	},
	(t) => [index('audit_log_event_idx').on(t.eventId, t.at)]
);

/**
 * An item an agency must answer after the day. One per item; `agencyId` null while the organiser
 * has not assigned it. `response`, `reason` and `wayForward` are the latest; history keeps them all.
 */
export const followUps = sqliteTable(
	'follow_ups',
	{
		id: text('id').primaryKey(),
		submissionId: text('submission_id')
			.notNull()
			.references(() => submissions.id, { onDelete: 'cascade' }),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		agencyId: text('agency_id').references(() => agencies.id),
		status: text('status', { enum: ['open', 'in_progress', 'fulfilled', 'cannot_yet'] }).notNull(),
		dueAt: integer('due_at', { mode: 'number' }).notNull(),
		response: text('response').notNull().default(''),
		reason: text('reason').notNull().default(''),
		wayForward: text('way_forward').notNull().default(''),
		createdAt: integer('created_at', { mode: 'number' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'number' }).notNull()
	},
	(t) => [
		uniqueIndex('follow_ups_submission_unique').on(t.submissionId),
		index('follow_ups_event_idx').on(t.eventId),
		index('follow_ups_agency_idx').on(t.agencyId)
	]
);

/** Every change of a follow-up: who, when, and what was said. */
export const followUpHistory = sqliteTable(
	'follow_up_history',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		followUpId: text('follow_up_id')
			.notNull()
			.references(() => followUps.id, { onDelete: 'cascade' }),
		at: integer('at', { mode: 'number' }).notNull(),
		byName: text('by_name').notNull(),
		status: text('status', { enum: ['open', 'in_progress', 'fulfilled', 'cannot_yet'] }).notNull(),
		agencyId: text('agency_id'),
		dueAt: integer('due_at', { mode: 'number' }).notNull(),
		response: text('response').notNull().default(''),
		reason: text('reason').notNull().default(''),
		wayForward: text('way_forward').notNull().default(''),
		note: text('note').notNull().default('')
	},
	(t) => [index('follow_up_history_idx').on(t.followUpId, t.at)]
);

/** Opinion polls the MC prepares and runs live. Options are stored as JSON: [{ id, label }]. */
export const polls = sqliteTable(
	'polls',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['single', 'multiple', 'rating', 'word_cloud', 'open'] }).notNull(),
		question: text('question').notNull(),
		options: text('options', { mode: 'json' }).$type<{ id: string; label: string }[]>().notNull(),
		scaleMin: integer('scale_min').notNull().default(1),
		scaleMax: integer('scale_max').notNull().default(5),
		status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull(),
		/** Whether the results are on the projection screen and the phones. */
		resultsShown: integer('results_shown', { mode: 'boolean' }).notNull().default(false),
		/** As on submissions: the event's version at the poll's last change, set by a trigger. */
		version: integer('version').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index('polls_event_idx').on(t.eventId)]
);

/**
 * How far each event's visible state has moved: every change a phone can see (an item added or
 * changed, a poll) takes the next version, stamped by triggers in the migration so that no write
 * path can forget it. A reconnecting phone names the version it has and is sent only what is newer
 * (snapshot-service.ts). `epoch` is random per database: a version from another database is not
 * comparable, and the phone gets a full snapshot.
 */
export const eventVersions = sqliteTable('event_versions', {
	eventId: text('event_id')
		.primaryKey()
		.references(() => events.id, { onDelete: 'cascade' }),
	version: integer('version').notNull().default(0),
	epoch: text('epoch')
		.notNull()
		.default(sql`(lower(hex(randomblob(8))))`)
});

/** One answer per child per poll: a changed answer replaces the earlier one. */
export const pollAnswers = sqliteTable(
	'poll_answers',
	{
		pollId: text('poll_id')
			.notNull()
			.references(() => polls.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		answer: text('answer', { mode: 'json' }).notNull(),
		at: integer('at', { mode: 'number' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.pollId, t.participantId] })]
);

/**
 * A delegation's private link for sending items before the day (no account): the id is the
 * SHA-256 of the token in the link, so the database never holds a working link.
 */
export const chaperoneLinks = sqliteTable(
	'chaperone_links',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		delegationId: text('delegation_id')
			.notNull()
			.references(() => delegations.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'number' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'number' })
	},
	(t) => [index('chaperone_links_event_idx').on(t.eventId)]
);
