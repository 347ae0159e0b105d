import { count, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { eventRoles, staffSessions, staffUsers } from '../db/schema';
import type { StaffRepository } from './types';

export function createStaffRepository(db: Db): StaffRepository {
	return {
		async countUsers() {
			return db.select({ n: count() }).from(staffUsers).get()?.n ?? 0;
		},
		async createUser(user) {
			db.insert(staffUsers).values(user).run();
		},
		async findUserByUsername(username) {
			const row = db.select().from(staffUsers).where(eq(staffUsers.username, username)).get();
			if (!row) return null;
			const { createdAt: _createdAt, ...user } = row;
			return user;
		},
		async setPasswordHash(userId, passwordHash) {
			db.transaction((tx) => {
				tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, userId)).run();
				tx.delete(staffSessions).where(eq(staffSessions.userId, userId)).run();
			});
		},
		async createSession(session) {
			db.insert(staffSessions).values(session).run();
		},
		async findSession(sessionId) {
			const row = db
				.select({ session: staffSessions, user: staffUsers })
				.from(staffSessions)
				.innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
				.where(eq(staffSessions.id, sessionId))
				.get();
			if (!row) return null;
			const { createdAt: _createdAt, ...user } = row.user;
			return { session: row.session, user };
		},
		async extendSession(sessionId, expiresAt) {
			db.update(staffSessions).set({ expiresAt }).where(eq(staffSessions.id, sessionId)).run();
		},
		async deleteSession(sessionId) {
			db.delete(staffSessions).where(eq(staffSessions.id, sessionId)).run();
		},
		async deleteSessionsOf(userId) {
			db.delete(staffSessions).where(eq(staffSessions.userId, userId)).run();
		},
		async listRoles(userId) {
			return db
				.select({ eventId: eventRoles.eventId, role: eventRoles.role, agencyId: eventRoles.agencyId })
				.from(eventRoles)
				.where(eq(eventRoles.userId, userId))
				.all();
		},
		async grantRole(userId, role) {
			db.insert(eventRoles).values({ userId, ...role }).onConflictDoNothing().run();
		}
	};
}
