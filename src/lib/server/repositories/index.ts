import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { FaultTolerance } from '../db/faults';
import { createAuditRepository } from './audit-repository';
import { createEventCache } from './event-cache';
import { createEventRepository } from './event-repository';
import { createForumPackageRepository } from './forum-package-repository';
import { createFollowUpRepository } from './follow-up-repository';
import { createPollRepository } from './poll-repository';
import { createPreEventRepository } from './pre-event-repository';
import { createParticipantRepository } from './participant-repository';
import { createSeatRepository } from './seat-repository';
import { createSubmissionRepository } from './submission-repository';
import { createStaffRepository } from './staff-repository';
import { createVoteRepository } from './vote-repository';
import { createSyncRepository } from './sync-repository';
import type { Repositories } from './types';

export type * from './types';
export { StorageUnavailable, type DatabaseHealth } from './storage-unavailable';

/**
 * Every call goes through `faults` (db/faults.ts): another process's write lock is waited out
 * without blocking the event loop, and a refused write (a full disk) is remembered for /healthz.
 */
export function createSqliteRepositories(db: Db, faults?: FaultTolerance): Repositories {
	const wrap = <R extends object>(repository: R): R => (faults ? faults.wrap(repository) : repository);
	const eventCache = createEventCache();
	const events = createEventRepository(db, eventCache);
	return {
		events: wrap(events),
		eventCache: eventCache.shared,
		forumPackages: wrap(createForumPackageRepository(db, events.forget)),
		participants: wrap(createParticipantRepository(db)),
		seats: wrap(createSeatRepository(db)),
		sync: wrap(createSyncRepository(db)),
		submissions: wrap(createSubmissionRepository(db)),
		votes: wrap(createVoteRepository(db)),
		staff: wrap(createStaffRepository(db)),
		audit: wrap(createAuditRepository(db)),
		followUps: wrap(createFollowUpRepository(db)),
		polls: wrap(createPollRepository(db)),
		preEvent: wrap(createPreEventRepository(db)),
		async ping() {
			return db.get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
		},
		health: () => faults?.health() ?? 'ok'
	};
}
