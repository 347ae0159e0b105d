import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PollAnswer } from '$lib/domain/poll';
import type { PgDb } from '../../db/postgres';
import { pollAnswers, polls } from '../../db/schema-pg';
import type { PollRepository, StoredPoll } from '../types';

type Row = typeof polls.$inferSelect;
const toStored = ({ scaleMin, scaleMax, createdAt: _createdAt, ...row }: Row): StoredPoll => ({ ...row, scale: { min: scaleMin, max: scaleMax } });

export function createPollRepository(db: PgDb): PollRepository {
	const find = async (id: string) => {
		const [row] = await db.select().from(polls).where(eq(polls.id, id));
		return row ? toStored(row) : null;
	};
	return {
		async create({ scale, ...poll }) {
			await db.insert(polls).values({ ...poll, scaleMin: scale.min, scaleMax: scale.max });
		},
		findById: find,
		async listByEvent(eventId) {
			return (await db.select().from(polls).where(eq(polls.eventId, eventId)).orderBy(asc(polls.createdAt), asc(polls.id))).map(toStored);
		},
		async update(id, from, change) {
			const [row] = await db
				.update(polls)
				.set(change)
				.where(and(eq(polls.id, id), inArray(polls.status, [...from])))
				.returning();
			return row ? toStored(row) : null;
		},
		async saveAnswer(pollId, participantId, answer, at) {
			await db
				.insert(pollAnswers)
				.values({ pollId, participantId, answer, at })
				.onConflictDoUpdate({ target: [pollAnswers.pollId, pollAnswers.participantId], set: { answer, at } });
		},
		async listAnswers(pollId) {
			const rows = await db
				.select({ participantId: pollAnswers.participantId, answer: pollAnswers.answer, at: pollAnswers.at })
				.from(pollAnswers)
				.where(eq(pollAnswers.pollId, pollId));
			return rows.map((r) => ({ ...r, answer: r.answer as PollAnswer }));
		},
		async listAnswersBy(pollIds, participantId) {
			if (!pollIds.length) return {};
			const rows = await db
				.select({ pollId: pollAnswers.pollId, answer: pollAnswers.answer })
				.from(pollAnswers)
				.where(and(inArray(pollAnswers.pollId, [...pollIds]), eq(pollAnswers.participantId, participantId)));
			return Object.fromEntries(rows.map((r) => [r.pollId, r.answer as PollAnswer]));
		}
	};
}
