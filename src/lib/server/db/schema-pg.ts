/**
 * The PostgreSQL schema: the same tables, columns and indexes as `schema.ts` (SQLite), in the pg
 * dialect. drizzle shares no schema across dialects, so this file mirrors that one column for
 * column; `tests/unit/schema-parity.test.ts` fails when the two drift apart. Times stay epoch
 * milliseconds (bigint as a JS number, like SQLite's integers) so repositories see the same values.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

const millis = (name: string) => bigint(name, { mode: 'number' });
const createdAt = () =>
	millis('created_at')
		.notNull()
		.default(sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`);

export const events = pgTable(
	'events',
	{
		id: text('id').primaryKey(),
		code: text('code').notNull(),
		title: text('title').notNull(),
		theme: text('theme').notNull().default(''),
		level: text('level', { enum: ['commune', 'district', 'province', 'national'] }).notNull(),
		organisingUnit: text('organising_unit').notNull().default(''),
		venue: text('venue').notNull().default(''),
		startsAt: millis('starts_at'),
		moderation: boolean('moderation').notNull().default(true),
		allowNicknames: boolean('allow_nicknames').notNull().default(true),
		joinOpen: boolean('join_open').notNull().default(true),
		followUpDays: integer('follow_up_days').notNull().default(30),
		predecessorId: text('predecessor_id'),
		/** The higher-level forum this one compiles into (district → province): its roll-up counts this one. */
		parentEventId: text('parent_event_id'),
		wordFilter: text('word_filter').notNull().default(''),
		onScreenId: text('on_screen_id'),
		onScreenSince: millis('on_screen_since'),
		agendaCurrentId: text('agenda_current_id'),
		agendaStartedAt: millis('agenda_started_at'),
		reviewOnScreen: boolean('review_on_screen').notNull().default(false),
		preDeadline: millis('pre_deadline'),
		preLimit: integer('pre_limit').notNull().default(6),
		preOpenToAgencies: boolean('pre_open_to_agencies').notNull().default(false),
		seatCodes: boolean('seat_codes').notNull().default(false),
		askAgeBand: boolean('ask_age_band').notNull().default(false),
		askGender: boolean('ask_gender').notNull().default(false),
		expectedChildren: integer('expected_children'),
		personalDataConsentBy: text('personal_data_consent_by'),
		personalDataConsentAt: millis('personal_data_consent_at'),
		displayKey: text('display_key').notNull(),
		importedFrom: text('imported_from'),
		importedSourceId: text('imported_source_id'),
		importedExportedAt: millis('imported_exported_at'),
		importedChecksum: text('imported_checksum'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('events_code_unique').on(t.code),
		uniqueIndex('events_display_key_unique').on(t.displayKey),
		uniqueIndex('events_imported_unique').on(t.importedFrom, t.importedSourceId)
	]
);

export const installation = pgTable('installation', {
	key: text('key').primaryKey(),
	id: text('id').notNull(),
	createdAt: createdAt()
});

const eventList = (name: string) =>
	pgTable(
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

export const topics = pgTable(
	'topics',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		position: integer('position').notNull(),
		agencyId: text('agency_id').references(() => agencies.id, { onDelete: 'set null' })
	},
	(t) => [index('topics_event_idx').on(t.eventId, t.position)]
);

export const agendaItems = pgTable(
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

export const participants = pgTable(
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
		showNickname: boolean('show_nickname').notNull().default(false),
		ageBand: text('age_band', { enum: ['12-13', '14-15', '16+'] }),
		gender: text('gender', { enum: ['male', 'female', 'other', 'undisclosed'] }),
		createdAt: createdAt()
	},
	(t) => [index('participants_event_idx').on(t.eventId)]
);

export const seats = pgTable(
	'seats',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		delegationId: text('delegation_id').references(() => delegations.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		usedBy: text('used_by').references(() => participants.id, { onDelete: 'set null' }),
		usedAt: millis('used_at'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('seats_code_hash_unique').on(t.codeHash), index('seats_event_idx').on(t.eventId)]
);

export const participantSessions = pgTable(
	'participant_sessions',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		expiresAt: millis('expires_at').notNull()
	},
	(t) => [index('participant_sessions_participant_idx').on(t.participantId)]
);

export const submissions = pgTable(
	'submissions',
	{
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
		rejectionReason: text('rejection_reason'),
		answerSummary: text('answer_summary'),
		answeredBy: text('answered_by'),
		authorName: text('author_name'),
		status: text('status', {
			enum: ['pending', 'approved', 'rejected', 'answered', 'follow_up', 'merged', 'withdrawn', 'safeguarding']
		}).notNull(),
		heldReason: text('held_reason'),
		mergedInto: text('merged_into'),
		originalText: text('original_text'),
		decidedBy: text('decided_by'),
		queuePosition: integer('queue_position'),
		enteredBy: text('entered_by'),
		safeguardingHandledAt: millis('safeguarding_handled_at'),
		originSubmissionId: text('origin_submission_id'),
		originLabel: text('origin_label'),
		chaperoneLinkId: text('chaperone_link_id'),
		voteCount: integer('vote_count').notNull().default(0),
		version: integer('version').notNull().default(0),
		createdAt: millis('created_at').notNull()
	},
	(t) => [
		index('submissions_event_status_idx').on(t.eventId, t.status),
		index('submissions_event_version_idx').on(t.eventId, t.version),
		index('submissions_participant_idx').on(t.participantId),
		uniqueIndex('submissions_origin_unique').on(t.eventId, t.originSubmissionId)
	]
);

export const votes = pgTable(
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

export const staffUsers = pgTable(
	'staff_users',
	{
		id: text('id').primaryKey(),
		username: text('username').notNull(),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		canCreateEvents: boolean('can_create_events').notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('staff_users_username_unique').on(t.username)]
);

export const staffSessions = pgTable(
	'staff_sessions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => staffUsers.id, { onDelete: 'cascade' }),
		expiresAt: millis('expires_at').notNull()
	},
	(t) => [index('staff_sessions_user_idx').on(t.userId)]
);

export const eventRoles = pgTable(
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

export const staffInvitations = pgTable(
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
		expiresAt: millis('expires_at').notNull(),
		usedAt: millis('used_at'),
		usedBy: text('used_by').references(() => staffUsers.id),
		createdAt: createdAt()
	},
	(t) => [index('staff_invitations_event_idx').on(t.eventId)]
);

export const auditLog = pgTable(
	'audit_log',
	{
		id: serial('id').primaryKey(),
		at: millis('at').notNull(),
		eventId: text('event_id').references(() => events.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => staffUsers.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		outcome: text('outcome', { enum: ['done', 'refused'] }).notNull(),
		detail: text('detail').notNull().default('')
	},
	(t) => [index('audit_log_event_idx').on(t.eventId, t.at)]
);

export const followUps = pgTable(
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
		dueAt: millis('due_at').notNull(),
		response: text('response').notNull().default(''),
		reason: text('reason').notNull().default(''),
		wayForward: text('way_forward').notNull().default(''),
		createdAt: millis('created_at').notNull(),
		updatedAt: millis('updated_at').notNull()
	},
	(t) => [
		uniqueIndex('follow_ups_submission_unique').on(t.submissionId),
		index('follow_ups_event_idx').on(t.eventId),
		index('follow_ups_agency_idx').on(t.agencyId)
	]
);

export const followUpHistory = pgTable(
	'follow_up_history',
	{
		id: serial('id').primaryKey(),
		followUpId: text('follow_up_id')
			.notNull()
			.references(() => followUps.id, { onDelete: 'cascade' }),
		at: millis('at').notNull(),
		byName: text('by_name').notNull(),
		status: text('status', { enum: ['open', 'in_progress', 'fulfilled', 'cannot_yet'] }).notNull(),
		agencyId: text('agency_id'),
		dueAt: millis('due_at').notNull(),
		response: text('response').notNull().default(''),
		reason: text('reason').notNull().default(''),
		wayForward: text('way_forward').notNull().default(''),
		note: text('note').notNull().default('')
	},
	(t) => [index('follow_up_history_idx').on(t.followUpId, t.at)]
);

export const polls = pgTable(
	'polls',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['single', 'multiple', 'rating', 'word_cloud', 'open'] }).notNull(),
		question: text('question').notNull(),
		options: jsonb('options').$type<{ id: string; label: string }[]>().notNull(),
		scaleMin: integer('scale_min').notNull().default(1),
		scaleMax: integer('scale_max').notNull().default(5),
		status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull(),
		resultsShown: boolean('results_shown').notNull().default(false),
		version: integer('version').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index('polls_event_idx').on(t.eventId)]
);

/** As in schema.ts: each event's version, moved by the triggers of the migration. */
export const eventVersions = pgTable('event_versions', {
	eventId: text('event_id')
		.primaryKey()
		.references(() => events.id, { onDelete: 'cascade' }),
	version: integer('version').notNull().default(0),
	epoch: text('epoch')
		.notNull()
		.default(sql`md5(random()::text)`)
});

export const pollAnswers = pgTable(
	'poll_answers',
	{
		pollId: text('poll_id')
			.notNull()
			.references(() => polls.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		answer: jsonb('answer').notNull(),
		at: millis('at').notNull()
	},
	(t) => [primaryKey({ columns: [t.pollId, t.participantId] })]
);

export const chaperoneLinks = pgTable(
	'chaperone_links',
	{
		id: text('id').primaryKey(),
		eventId: text('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		delegationId: text('delegation_id')
			.notNull()
			.references(() => delegations.id, { onDelete: 'cascade' }),
		createdAt: millis('created_at').notNull(),
		revokedAt: millis('revoked_at')
	},
	(t) => [index('chaperone_links_event_idx').on(t.eventId)]
);
