import { and, eq, gt, inArray } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import { eventVersions, submissions } from '../../db/schema-pg';
import { toStored } from './submission-repository';
import type { SyncRepository } from '../types';

/** As in SQLite's: an event without a version row gets whole syncs. */
const NO_CURSOR = { epoch: '', version: 0 };

export function createSyncRepository(db: PgDb): SyncRepository {
	const readCursor = async (eventId: string) =>
		(
			await db
				.select({ epoch: eventVersions.epoch, version: eventVersions.version })
				.from(eventVersions)
				.where(eq(eventVersions.eventId, eventId))
		)[0];
	return {
		async cursor(eventId) {
			return (await readCursor(eventId)) ?? NO_CURSOR;
		},
		async changedSince(eventId, version, statuses) {
			if (!statuses.length) return [];
			const rows = await db
				.select()
				.from(submissions)
				.where(and(eq(submissions.eventId, eventId), gt(submissions.version, version), inArray(submissions.status, [...statuses])));
			return rows.map(toStored);
		},
		async voteCounts(eventId, statuses) {
			if (!statuses.length) return [];
			return db
				.select({ submissionId: submissions.id, votes: submissions.voteCount })
				.from(submissions)
				.where(and(eq(submissions.eventId, eventId), inArray(submissions.status, [...statuses])));
		}
	};
}
