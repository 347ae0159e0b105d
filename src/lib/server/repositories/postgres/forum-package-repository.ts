import { and, count, eq } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import {
	agencies,
	delegations,
	events,
	followUpHistory,
	followUps,
	installation,
	participants,
	pollAnswers,
	polls,
	submissions,
	topics
} from '../../db/schema-pg';
import { eventUpdate, importedEventRow, pollRow, submissionRow, updatable } from '../forum-package-rows';
import { toStored } from './submission-repository';
import type { ForumPackageRepository, StoredSubmission } from '../types';

const THIS_INSTALLATION = 'this';

/** The same as SQLite's, over PostgreSQL: the whole import is one real transaction. */
export function createForumPackageRepository(db: PgDb, forgetEvent: (eventId: string) => void): ForumPackageRepository {
	return {
		async installationId(candidate) {
			await db.insert(installation).values({ key: THIS_INSTALLATION, id: candidate }).onConflictDoNothing();
			const [row] = await db.select({ id: installation.id }).from(installation).where(eq(installation.key, THIS_INSTALLATION));
			return row.id;
		},
		async findImported(installationId, sourceEventId) {
			const [row] = await db
				.select({ id: events.id, code: events.code, displayKey: events.displayKey, exportedAt: events.importedExportedAt })
				.from(events)
				.where(and(eq(events.importedFrom, installationId), eq(events.importedSourceId, sourceEventId)));
			return row ? { ...row, exportedAt: row.exportedAt ?? 0 } : null;
		},
		async children(eventId) {
			return db
				.select({ participantId: participants.id, delegationId: participants.delegationId, ageBand: participants.ageBand, gender: participants.gender })
				.from(participants)
				.where(eq(participants.eventId, eventId));
		},
		async store(forum) {
			const eventId = forum.event.id;
			forgetEvent(eventId);
			try {
				return await db.transaction(async (tx) => {
					await tx.insert(events).values(importedEventRow(forum.event)).onConflictDoUpdate({ target: events.id, set: eventUpdate(forum.event) });
					const list = async (table: typeof delegations | typeof agencies | typeof topics, rows: { id: string; name: string; agencyId?: string | null }[]) => {
						for (const [position, row] of rows.entries()) {
							const values = { ...row, eventId, position };
							await tx.insert(table).values(values).onConflictDoUpdate({ target: table.id, set: updatable(values) });
						}
					};
					await list(agencies, forum.lists.agencies);
					await list(delegations, forum.lists.delegations);
					await list(topics, forum.lists.topics);
					for (const child of forum.children) {
						const values = { ...child, eventId, nickname: null, showNickname: false };
						await tx.insert(participants).values(values).onConflictDoUpdate({ target: participants.id, set: updatable(values) });
					}
					for (const item of forum.submissions) {
						const values = submissionRow(item);
						await tx.insert(submissions).values(values).onConflictDoUpdate({ target: submissions.id, set: updatable(values) });
					}
					for (const { followUp, history } of forum.followUps) {
						await tx.insert(followUps).values(followUp).onConflictDoUpdate({ target: followUps.id, set: updatable(followUp) });
						const [{ n }] = await tx.select({ n: count() }).from(followUpHistory).where(eq(followUpHistory.followUpId, followUp.id));
						for (const entry of history.slice(n)) await tx.insert(followUpHistory).values({ ...entry, followUpId: followUp.id });
					}
					for (const { poll, answers } of forum.polls) {
						const values = pollRow(poll);
						await tx.insert(polls).values(values).onConflictDoUpdate({ target: polls.id, set: updatable(values) });
						for (const answer of answers)
							await tx
								.insert(pollAnswers)
								.values({ pollId: poll.id, ...answer })
								.onConflictDoUpdate({ target: [pollAnswers.pollId, pollAnswers.participantId], set: { answer: answer.answer, at: answer.at } });
					}
					const inboxAdded: StoredSubmission[] = [];
					for (const item of forum.inbox) {
						const added = await tx.insert(submissions).values(submissionRow(item)).onConflictDoNothing().returning();
						inboxAdded.push(...added.map(toStored));
					}
					return { inboxAdded };
				});
			} finally {
				forgetEvent(eventId);
			}
		}
	};
}
