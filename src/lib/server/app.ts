/** The composition root: one database, one publisher, the services built on them. */
import { openDatabase, type OpenDatabase } from './db';
import { createSqliteRepositories, type Repositories } from './repositories';
import type { ServiceDeps } from './services/deps';
import { auditTrail } from './services/audit-trail';
import { createEventService } from './services/event-service';
import { createEventSetupService } from './services/event-setup-service';
import { createFollowUpService } from './services/follow-up-service';
import { createForumPackageService } from './services/forum-package-service';
import { createForwardingService } from './services/forwarding-service';
import { createModerationService } from './services/moderation-service';
import { createOutcomeService } from './services/outcome-service';
import { createPollService } from './services/poll-service';
import { createPreEventService } from './services/pre-event-service';
import { createSnapshotService } from './services/snapshot-service';
import { createReportService } from './services/report-service';
import { createRollUpService } from './services/roll-up-service';
import { createStageService } from './services/stage-service';
import { createStaffReadService } from './services/staff-read-service';
import { createAnnouncer } from './services/announcer';
import { PublisherRelay } from './services/publisher';
import { createRateLimiter, type RateLimiter } from './services/rate-limit';
import { createSeatService } from './services/seat-service';
import { createSessionService } from './services/session-service';
import { createStaffAuthService } from './services/staff-auth-service';
import { createStaffInvitationService } from './services/staff-invitation-service';
import { createSubmissionService } from './services/submission-service';
import { createVoteService } from './services/vote-service';

/** Where the forum keeps its data: the repositories over one engine, and how to let it go. */
export interface Storage {
	repos: Repositories;
	close(): void | Promise<void>;
	/** The SQLite database when that is the engine, for tests that simulate its faults. */
	database?: OpenDatabase;
}

export interface ForumAppOptions {
	/** The SQLite file (the embedded default); ignored when `storage` is given. */
	databasePath?: string;
	/** An engine opened beforehand, e.g. PostgreSQL (`openPostgresStorage`). */
	storage?: Storage;
	migrationsFolder?: string;
	limiter?: RateLimiter;
	now?: () => number;
	newId?: () => string;
}

export function createForumApp(options: ForumAppOptions) {
	const storage = options.storage ?? sqliteStorage(options.databasePath ?? ':memory:', options.migrationsFolder);
	const repos: Repositories = storage.repos;
	const publisher = new PublisherRelay();
	const announcer = createAnnouncer(repos, publisher);
	const deps: ServiceDeps = {
		repos,
		announce: announcer.announce,
		views: announcer.views,
		limiter: options.limiter ?? createRateLimiter(),
		now: options.now ?? Date.now,
		newId: options.newId ?? (() => crypto.randomUUID())
	};
	const staffAuth = createStaffAuthService(deps);
	const votes = createVoteService(deps);
	const polls = createPollService(deps);
	const submissions = createSubmissionService(deps);
	const sessions = createSessionService(deps);
	return {
		repos,
		publisher,
		events: createEventService(deps),
		sessions,
		seats: createSeatService(deps),
		submissions,
		snapshots: createSnapshotService(submissions, polls),
		votes,
		staffAuth,
		audit: auditTrail(deps),
		invitations: createStaffInvitationService(deps, staffAuth),
		eventSetup: createEventSetupService(deps),
		moderation: createModerationService(deps),
		stage: createStageService(deps),
		followUps: createFollowUpService(deps),
		outcomes: createOutcomeService(deps),
		reports: createReportService(deps),
		rollUps: createRollUpService(deps),
		forwarding: createForwardingService(deps),
		forumPackages: createForumPackageService(deps),
		polls,
		reads: createStaffReadService(deps),
		preEvent: createPreEventService(deps),
		/** Sends the vote counts still gathering; a graceful stop calls it before closing the sockets. */
		flushAnnouncements: () => announcer.flush(),
		/** The open database, for tests that simulate its faults (a full disk, a held lock). */
		database: storage.database,
		close: () => {
			announcer.close();
			return storage.close();
		}
	};
}

function sqliteStorage(path: string, migrationsFolder?: string): Storage {
	const database = openDatabase(path, migrationsFolder);
	return { repos: createSqliteRepositories(database.db, database.faults), close: () => database.close(), database };
}

/** PostgreSQL (DATABASE_URL=postgres://…): opened and migrated before the app is built. */
export async function openPostgresStorage(url: string): Promise<Storage> {
	const { openPostgres } = await import('./db/postgres');
	const { createPostgresRepositories } = await import('./repositories/postgres');
	const database = await openPostgres(url);
	return { repos: createPostgresRepositories(database.db), close: () => database.close() };
}

export type ForumApp = ReturnType<typeof createForumApp>;

/**
 * What routes and the realtime layer get: the services, never the repositories or the database
 * (tests and the composition root alone hold those). tests/unit/no-back-doors.test.ts keeps it so.
 */
export type ForumServices = Omit<ForumApp, 'repos' | 'database'>;
