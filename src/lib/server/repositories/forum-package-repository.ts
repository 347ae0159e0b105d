import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../db';
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
} from '../db/schema';
import { eventUpdate, importedEventRow, pollRow, submissionRow, updatable } from './forum-package-rows';
import { toStored } from './submission-repository';
import type { ForumPackageRepository, StoredSubmission } from './types';

const THIS_INSTALLATION = 'this';

export function createForumPackageRepository(db: Db, forgetEvent: (eventId: string) => void): ForumPackageRepository {
	return {
		async installationId(candidate) {
			db.insert(installation).values({ key: THIS_INSTALLATION, id: candidate }).onConflictDoNothing().run();
			return db.select({ id: installation.id }).from(installation).where(eq(installation.key, THIS_INSTALLATION)).get()!.id;
		},
		async findImported(installationId, sourceEventId) {
			const row = db
				.select({ id: events.id, code: events.code, displayKey: events.displayKey, exportedAt: events.importedExportedAt })
				.from(events)
				.where(and(eq(events.importedFrom, installationId), eq(events.importedSourceId, sourceEventId)))
				.get();
			return row ? { ...row, exportedAt: row.exportedAt ?? 0 } : null;
		},
		async children(eventId) {
			return db
				.select({ participantId: participants.id, delegationId: participants.delegationId, ageBand: participants.ageBand, gender: participants.gender })
				.from(participants)
				.where(eq(participants.eventId, eventId))
				.all();
		},
		async store(forum) {
			const eventId = forum.event.id;
			forgetEvent(eventId);
			try {
				return db.transaction((tx) => {
					tx.insert(events).values(importedEventRow(forum.event)).onConflictDoUpdate({ target: events.id, set: eventUpdate(forum.event) }).run();
					const list = (table: typeof delegations | typeof agencies | typeof topics, rows: { id: string; name: string; agencyId?: string | null }[]) => {
						for (const [position, row] of rows.entries()) {
							const values = { ...row, eventId, position };
							tx.insert(table).values(values).onConflictDoUpdate({ target: table.id, set: updatable(values) }).run();
						}
					};
					list(agencies, forum.lists.agencies);
					list(delegations, forum.lists.delegations);
					list(topics, forum.lists.topics);
					for (const child of forum.children) {
						const values = { ...child, eventId, nickname: null, showNickname: false };
						tx.insert(participants).values(values).onConflictDoUpdate({ target: participants.id, set: updatable(values) }).run();
					}
					for (const item of forum.submissions) {
						const values = submissionRow(item);
						tx.insert(submissions).values(values).onConflictDoUpdate({ target: submissions.id, set: updatable(values) }).run();
					}
					for (const { followUp, history } of forum.followUps) {
						tx.insert(followUps).values(followUp).onConflictDoUpdate({ target: followUps.id, set: updatable(followUp) }).run();
						// A follow-up's history only grows: the entries beyond those stored here are the new ones.
						const stored = tx.select({ n: count() }).from(followUpHistory).where(eq(followUpHistory.followUpId, followUp.id)).get()?.n ?? 0;
						for (const entry of history.slice(stored)) tx.insert(followUpHistory).values({ ...entry, followUpId: followUp.id }).run();
					}
					for (const { poll, answers } of forum.polls) {
						const values = pollRow(poll);
						tx.insert(polls).values(values).onConflictDoUpdate({ target: polls.id, set: updatable(values) }).run();
						for (const answer of answers)
							tx.insert(pollAnswers)
								.values({ pollId: poll.id, ...answer })
								.onConflictDoUpdate({ target: [pollAnswers.pollId, pollAnswers.participantId], set: { answer: answer.answer, at: answer.at } })
								.run();
					}
					const inboxAdded: StoredSubmission[] = [];
					for (const item of forum.inbox) {
						// The unique (event, origin) index keeps an item forwarded once, however often it is imported.
						const added = tx.insert(submissions).values(submissionRow(item)).onConflictDoNothing().returning().all();
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

