import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { eventVersions, submissions } from '../db/schema';
import { preparedOnce, preparedPer } from './prepared';
import { toStored } from './submission-repository';
import type { SyncRepository } from './types';

/** An event without a version row: no phone's cursor matches it, so every sync is whole. */
export const NO_CURSOR = { epoch: '', version: 0 };

type Status = (typeof submissions.$inferSelect)['status'];

export function createSyncRepository(db: Db): SyncRepository {
	// Prepared: a restart brings every phone of the hall back at once, each asking for these.
	const readCursor = preparedOnce(() =>
		db
			.select({ epoch: eventVersions.epoch, version: eventVersions.version })
			.from(eventVersions)
			.where(eq(eventVersions.eventId, sql.placeholder('eventId')))
			.prepare()
	);
	const changed = preparedPer((statuses: string) =>
		db
			.select()
			.from(submissions)
			.where(
				and(
					eq(submissions.eventId, sql.placeholder('eventId')),
					gt(submissions.version, sql.placeholder('version')),
					inArray(submissions.status, statuses.split(',') as Status[])
				)
			)
			.prepare()
	);
	const counts = preparedPer((statuses: string) =>
		db
			.select({ submissionId: submissions.id, votes: submissions.voteCount })
			.from(submissions)
			.where(and(eq(submissions.eventId, sql.placeholder('eventId')), inArray(submissions.status, statuses.split(',') as Status[])))
			.prepare()
	);
	const key = (statuses: readonly string[]) => [...statuses].sort().join(',');

	return {
		async cursor(eventId) {
			// Every event has its row from its creation (a trigger); none means no such event here.
			return readCursor().get({ eventId }) ?? NO_CURSOR;
		},
		async changedSince(eventId, version, statuses) {
			return changed(key(statuses)).all({ eventId, version }).map(toStored);
		},
		async voteCounts(eventId, statuses) {
			return counts(key(statuses)).all({ eventId });
		}
	};
}
