import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { createAuditRepository } from './audit-repository';
import { createEventRepository } from './event-repository';
import { createFollowUpRepository } from './follow-up-repository';
import { createPollRepository } from './poll-repository';
import { createPreEventRepository } from './pre-event-repository';
import { createParticipantRepository } from './participant-repository';
import { createSeatRepository } from './seat-repository';
import { createSubmissionRepository } from './submission-repository';
import { createStaffRepository } from './staff-repository';
import { createVoteRepository } from './vote-repository';
import type { Repositories } from './types';

export type * from './types';

export function createSqliteRepositories(db: Db): Repositories {
	return {
		events: createEventRepository(db),
		participants: createParticipantRepository(db),
		seats: createSeatRepository(db),
		submissions: createSubmissionRepository(db),
		votes: createVoteRepository(db),
		staff: createStaffRepository(db),
		audit: createAuditRepository(db),
		followUps: createFollowUpRepository(db),
		polls: createPollRepository(db),
		preEvent: createPreEventRepository(db),
		async ping() {
			return db.get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
		}
	};
}
