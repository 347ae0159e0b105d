import { sql } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import type { Repositories } from '../types';
import { createAuditRepository } from './audit-repository';
import { createEventCache } from '../event-cache';
import { createEventRepository } from './event-repository';
import { createForumPackageRepository } from './forum-package-repository';
import { createFollowUpRepository } from './follow-up-repository';
import { createParticipantRepository } from './participant-repository';
import { createPollRepository } from './poll-repository';
import { createPreEventRepository } from './pre-event-repository';
import { createSeatRepository } from './seat-repository';
import { createStaffRepository } from './staff-repository';
import { createSubmissionRepository } from './submission-repository';
import { createVoteRepository } from './vote-repository';
import { createSyncRepository } from './sync-repository';

/** The same repositories as SQLite's, over PostgreSQL: every query awaited, every change a real transaction. */
export function createPostgresRepositories(db: PgDb): Repositories {
	const eventCache = createEventCache();
	const events = createEventRepository(db, eventCache);
	return {
		events,
		eventCache: eventCache.shared,
		forumPackages: createForumPackageRepository(db, events.forget),
		participants: createParticipantRepository(db),
		seats: createSeatRepository(db),
		sync: createSyncRepository(db),
		submissions: createSubmissionRepository(db),
		votes: createVoteRepository(db),
		staff: createStaffRepository(db),
		audit: createAuditRepository(db),
		followUps: createFollowUpRepository(db),
		polls: createPollRepository(db),
		preEvent: createPreEventRepository(db),
		// PostgreSQL waits for its locks on the server, never in this event loop, so there is no
		// 'busy' to report; an unreachable server shows through ping().
		health: () => 'ok',
		async ping() {
			const result = await db.execute<{ ok: number }>(sql`select 1 as ok`);
			return result.rows[0]?.ok === 1;
		}
	};
}
