/** The composition root: one database, one publisher, the services built on them. */
import type { Cluster } from './cluster/cluster';
import { shareEventCache } from './cluster/event-changes';
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
import { countFunnelOver, type TickLeases } from './cluster/count-funnel';
import { PublisherRelay } from './services/publisher';
import { createRateLimiter, type RateLimiter } from './services/rate-limit';
import { createSeatService } from './services/seat-service';
import { createSessionService } from './services/session-service';
import { createStaffAuthService } from './services/staff-auth-service';
import { redisSignInWaits } from './services/sign-in-waits';
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
	/**
	 * Several processes serving one forum (REDIS_URL, `openCluster`): limits, sign-in waits and
	 * socket counts in Redis, the event-setup cache dropped when another process changes the
	 * event, rooms across processes. The app closes it with itself.
	 */
	cluster?: Cluster;
	/** Every limit (default: `createRateLimiter`, in Redis when there is a cluster). */
	limiter?: RateLimiter;
	now?: () => number;
	newId?: () => string;
	/** Several processes on one database: vote, poll and join ticks go to each event's one owner (cluster/count-funnel.ts). */
	tickLeases?: TickLeases;
}

export function createForumApp(options: ForumAppOptions) {
	const storage = options.storage ?? sqliteStorage(options.databasePath ?? ':memory:', options.migrationsFolder);
	const repos: Repositories = storage.repos;
	const cluster = options.cluster ?? null;
	if (cluster) shareEventCache(cluster, repos.eventCache);
	const publisher = new PublisherRelay();
	const funnel = options.tickLeases ? countFunnelOver(options.tickLeases) : null;
	const announcer = createAnnouncer(repos, publisher, funnel?.create);
	const deps: ServiceDeps = {
		repos,
		announce: announcer.announce,
		views: announcer.views,
		limiter: options.limiter ?? createRateLimiter({}, cluster ?? undefined),
		now: options.now ?? Date.now,
		newId: options.newId ?? (() => crypto.randomUUID()),
		clustered: cluster !== null
	};
	const staffAuth = createStaffAuthService(deps, cluster ? redisSignInWaits(cluster) : undefined);
	const votes = createVoteService(deps);
	const polls = createPollService(deps);
	const submissions = createSubmissionService(deps);
	const sessions = createSessionService(deps);
	return {
		repos,
		publisher,
		/** The link to the other processes (the realtime server's adapter, /healthz), or null: one process. */
		cluster,
		events: createEventService(deps),
		sessions,
		seats: createSeatService(deps),
		submissions,
		// SNAPSHOT_CACHE=off reads the public items for every phone again (to measure the cache: npm run bench).
		snapshots: createSnapshotService(deps, submissions, polls, { sharedCache: process.env.SNAPSHOT_CACHE !== 'off' }),
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
		/**
		 * Sends the vote counts still gathering; a graceful stop calls it before closing the sockets.
		 * With tick leases it hands this process's ticks on to the others instead (a promise).
		 */
		flushAnnouncements: () => announcer.flush(),
		/** With tick leases: which events' ticks this process owns, and when Redis first answered. */
		tickOwner: funnel?.status ?? null,
		/** The open database, for tests that simulate its faults (a full disk, a held lock). */
		database: storage.database,
		close: async () => {
			// With tick leases the last ticks read the database: it closes after them.
			await announcer.close();
			await storage.close();
			await cluster?.close();
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
