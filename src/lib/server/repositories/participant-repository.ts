import { and, count, eq, isNull, sql, TransactionRollbackError } from 'drizzle-orm';
import type { Db } from '../db';
import { participantSessions, participants, seats } from '../db/schema';
import { preparedOnce } from './prepared';
import type { ParticipantRepository } from './types';

export function createParticipantRepository(db: Db): ParticipantRepository {
	// The queries every join and every phone's (re)connect runs.
	const insertParticipant = preparedOnce(() =>
		db
			.insert(participants)
			.values({
				id: sql.placeholder('id'),
				eventId: sql.placeholder('eventId'),
				delegationId: sql.placeholder('delegationId'),
				nickname: sql.placeholder('nickname'),
				showNickname: sql.placeholder('showNickname'),
				ageBand: sql.placeholder('ageBand'),
				gender: sql.placeholder('gender')
			})
			.prepare()
	);
	const insertSession = preparedOnce(() =>
		db
			.insert(participantSessions)
			.values({ id: sql.placeholder('id'), participantId: sql.placeholder('participantId'), expiresAt: sql.placeholder('expiresAt') })
			.prepare()
	);
	const sessionById = preparedOnce(() =>
		db
			.select({ session: participantSessions, participant: participants })
			.from(participantSessions)
			.innerJoin(participants, eq(participants.id, participantSessions.participantId))
			.where(eq(participantSessions.id, sql.placeholder('id')))
			.prepare()
	);
	const countInEvent = preparedOnce(() =>
		db.select({ n: count() }).from(participants).where(eq(participants.eventId, sql.placeholder('eventId'))).prepare()
	);

	return {
		async create(participant, session, { ageBand = null, gender = null, seatId = null } = {}) {
			try {
				return db.transaction((tx) => {
					insertParticipant().run({ ...participant, ageBand, gender });
					insertSession().run({ ...session, participantId: participant.id });
					if (!seatId) return true;
					// The guard makes the claim atomic: of two joins racing for one seat, one changes the row.
					const { changes } = tx
						.update(seats)
						.set({ usedBy: participant.id, usedAt: Date.now() })
						.where(and(eq(seats.id, seatId), isNull(seats.usedAt)))
						.run();
					if (changes !== 1) tx.rollback();
					return true;
				});
			} catch (error) {
				if (error instanceof TransactionRollbackError) return false;
				throw error;
			}
		},
		async countProfiles(eventId) {
			const tally = (column: typeof participants.ageBand | typeof participants.gender) =>
				Object.fromEntries(
					db
						.select({ value: column, n: count() })
						.from(participants)
						.where(eq(participants.eventId, eventId))
						.groupBy(column)
						.all()
						.map(({ value, n }) => [value ?? 'none', n])
				);
			return { ageBand: tally(participants.ageBand), gender: tally(participants.gender) };
		},
		async countByDelegation(eventId) {
			return db
				.select({ delegationId: participants.delegationId, n: count() })
				.from(participants)
				.where(eq(participants.eventId, eventId))
				.groupBy(participants.delegationId)
				.all();
		},
		async countByEvent(eventId) {
			return countInEvent().get({ eventId })?.n ?? 0;
		},
		async findSession(sessionId) {
			const row = sessionById().get({ id: sessionId });
			if (!row) return null;
			// The optional age band and gender stay here: they never travel with the participant.
			const { createdAt: _createdAt, ageBand: _ageBand, gender: _gender, ...participant } = row.participant;
			return { session: row.session, participant };
		},
		async extendSession(sessionId, expiresAt) {
			db.update(participantSessions).set({ expiresAt }).where(eq(participantSessions.id, sessionId)).run();
		},
		async deleteSession(sessionId) {
			db.delete(participantSessions).where(eq(participantSessions.id, sessionId)).run();
		}
	};
}
