import { count, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { participantSessions, participants } from '../db/schema';
import type { ParticipantRepository } from './types';

export function createParticipantRepository(db: Db): ParticipantRepository {
	return {
		async create(participant) {
			db.insert(participants).values(participant).run();
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
			return db.select({ n: count() }).from(participants).where(eq(participants.eventId, eventId)).get()?.n ?? 0;
		},
		async createSession(session) {
			db.insert(participantSessions).values(session).run();
		},
		async findSession(sessionId) {
			const row = db
				.select({ session: participantSessions, participant: participants })
				.from(participantSessions)
				.innerJoin(participants, eq(participants.id, participantSessions.participantId))
				.where(eq(participantSessions.id, sessionId))
				.get();
			if (!row) return null;
			const { createdAt: _createdAt, ...participant } = row.participant;
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
