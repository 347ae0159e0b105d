import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { pollAnswers, polls } from '../db/schema';
import type { PollAnswer } from '$lib/domain/poll';
import { preparedOnce } from './prepared';
import type { PollRepository, StoredPoll } from './types';

type Row = typeof polls.$inferSelect;
const toStored = ({ scaleMin, scaleMax, createdAt: _createdAt, ...row }: Row): StoredPoll => ({ ...row, scale: { min: scaleMin, max: scaleMax } });

export function createPollRepository(db: Db): PollRepository {
	// Prepared: every phone's sync reads the event's polls.
	const ofEvent = preparedOnce(() =>
		db.select().from(polls).where(eq(polls.eventId, sql.placeholder('eventId'))).orderBy(asc(polls.createdAt), asc(polls.id)).prepare()
	);
	const find = (id: string) => {
		const row = db.select().from(polls).where(eq(polls.id, id)).get();
		return row ? toStored(row) : null;
	};
	return {
		async create({ scale, ...poll }) {
			db.insert(polls).values({ ...poll, scaleMin: scale.min, scaleMax: scale.max }).run();
		},
		async findById(id) {
			return find(id);
		},
		async listByEvent(eventId) {
			return ofEvent()
				.all({ eventId })
				.map(toStored);
		},
		async update(id, from, change) {
			const result = db
				.update(polls)
				.set(change)
				.where(and(eq(polls.id, id), inArray(polls.status, [...from])))
				.run();
			return result.changes === 1 ? find(id) : null;
		},
		async saveAnswer(pollId, participantId, answer, at) {
			db.insert(pollAnswers)
				.values({ pollId, participantId, answer, at })
				.onConflictDoUpdate({ target: [pollAnswers.pollId, pollAnswers.participantId], set: { answer, at } })
				.run();
		},
		async listAnswers(pollId) {
			return db
				.select({ participantId: pollAnswers.participantId, answer: pollAnswers.answer, at: pollAnswers.at })
				.from(pollAnswers)
				.where(eq(pollAnswers.pollId, pollId))
				.all()
				.map((r) => ({ ...r, answer: r.answer as PollAnswer }));
		},
		async listAnswersBy(pollIds, participantId) {
			if (!pollIds.length) return {};
			// By the (poll, child) key: no scan of every event's answers.
			const rows = db
				.select({ pollId: pollAnswers.pollId, answer: pollAnswers.answer })
				.from(pollAnswers)
				.where(and(inArray(pollAnswers.pollId, [...pollIds]), eq(pollAnswers.participantId, participantId)))
				.all();
			return Object.fromEntries(rows.map((r) => [r.pollId, r.answer as PollAnswer]));
		}
	};
}
