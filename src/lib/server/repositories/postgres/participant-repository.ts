import { and, count, eq, isNull, TransactionRollbackError } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import { participantSessions, participants, seats } from '../../db/schema-pg';
import type { ParticipantRepository } from '../types';

export function createParticipantRepository(db: PgDb): ParticipantRepository {
	const tally = async (eventId: string, column: typeof participants.ageBand | typeof participants.gender) =>
		Object.fromEntries(
			(await db.select({ value: column, n: count() }).from(participants).where(eq(participants.eventId, eventId)).groupBy(column)).map(
				({ value, n }) => [value ?? 'none', n]
			)
		);

	return {
		async create(participant, session, { ageBand = null, gender = null, seatId = null } = {}) {
			try {
				return await db.transaction(async (tx) => {
					await tx.insert(participants).values({ ...participant, ageBand, gender });
					await tx.insert(participantSessions).values({ ...session, participantId: participant.id });
					if (!seatId) return true;
					// The guard makes the claim atomic: of two joins racing for one seat, one changes the row.
					const claimed = await tx
						.update(seats)
						.set({ usedBy: participant.id, usedAt: Date.now() })
						.where(and(eq(seats.id, seatId), isNull(seats.usedAt)))
						.returning({ id: seats.id });
					if (claimed.length !== 1) tx.rollback();
					return true;
				});
			} catch (error) {
				if (error instanceof TransactionRollbackError) return false;
				throw error;
			}
		},
		async countProfiles(eventId) {
			const [ageBand, gender] = await Promise.all([tally(eventId, participants.ageBand), tally(eventId, participants.gender)]);
			return { ageBand, gender };
		},
		async countByDelegation(eventId) {
			return db
				.select({ delegationId: participants.delegationId, n: count() })
				.from(participants)
				.where(eq(participants.eventId, eventId))
				.groupBy(participants.delegationId);
		},
		async countByEvent(eventId) {
			const [row] = await db.select({ n: count() }).from(participants).where(eq(participants.eventId, eventId));
			return row?.n ?? 0;
		},
		async findSession(sessionId) {
			const [row] = await db
				.select({ session: participantSessions, participant: participants })
				.from(participantSessions)
				.innerJoin(participants, eq(participants.id, participantSessions.participantId))
				.where(eq(participantSessions.id, sessionId));
			if (!row) return null;
			const { createdAt: _createdAt, ageBand: _ageBand, gender: _gender, ...participant } = row.participant;
			return { session: row.session, participant };
		},
		async extendSession(sessionId, expiresAt) {
			await db.update(participantSessions).set({ expiresAt }).where(eq(participantSessions.id, sessionId));
		},
		async deleteSession(sessionId) {
			await db.delete(participantSessions).where(eq(participantSessions.id, sessionId));
		}
	};
}
