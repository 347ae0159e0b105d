import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { eventRoles, staffInvitations, staffSessions, staffUsers } from '../db/schema';
import type { StaffRepository } from './types';

export function createStaffRepository(db: Db): StaffRepository {
	return {
		async countUsers() {
			return db.select({ n: count() }).from(staffUsers).get()?.n ?? 0;
		},
		async createUser(user) {
			db.insert(staffUsers).values(user).run();
		},
		async createFirstUser(user) {
			return db.transaction((tx) => {
				if ((tx.select({ n: count() }).from(staffUsers).get()?.n ?? 0) > 0) return false;
				tx.insert(staffUsers).values(user).run();
				return true;
			});
		},
		async displayNameOf(userId) {
			return db.select({ name: staffUsers.displayName }).from(staffUsers).where(eq(staffUsers.id, userId)).get()?.name ?? null;
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
		},
		async revokeRoles(userId, eventId) {
			return db
				.delete(eventRoles)
				.where(and(eq(eventRoles.userId, userId), eq(eventRoles.eventId, eventId)))
				.returning({ eventId: eventRoles.eventId, role: eventRoles.role, agencyId: eventRoles.agencyId })
				.all();
		},
		async listEventStaff(eventId) {
			return db
				.select({
					displayName: staffUsers.displayName,
					username: staffUsers.username,
					role: eventRoles.role,
					agencyId: eventRoles.agencyId
				})
				.from(eventRoles)
				.innerJoin(staffUsers, eq(staffUsers.id, eventRoles.userId))
				.where(eq(eventRoles.eventId, eventId))
				.all();
		},
		async createInvitation(invitation) {
			db.insert(staffInvitations).values(invitation).run();
		},
		async findInvitation(id) {
			const row = db.select().from(staffInvitations).where(eq(staffInvitations.id, id)).get();
			if (!row) return null;
			const { eventId, role, agencyId, createdBy, expiresAt, usedAt } = row;
			return { id, eventId, role, agencyId, createdBy, expiresAt, usedAt };
		},
		async redeemInvitation(id, userId, at) {
			return db.transaction((tx) => {
				const used = tx
					.update(staffInvitations)
					.set({ usedAt: at, usedBy: userId })
					.where(and(eq(staffInvitations.id, id), isNull(staffInvitations.usedAt)))
					.returning()
					.get();
				if (!used) return false;
				tx.insert(eventRoles)
					.values({ userId, eventId: used.eventId, role: used.role, agencyId: used.agencyId })
					.onConflictDoNothing()
					.run();
				return true;
			});
		},
		async createUserThroughInvitation(user, invitationId, at) {
			const refusal = new Error('invitation_used');
			try {
				return db.transaction((tx) => {
					if (tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, user.username)).get()) return 'taken';
					// The user first (the invitation names who used it), then the claim: a link
					// someone else took first rolls the new account back with it.
					tx.insert(staffUsers).values(user).run();
					const used = tx
						.update(staffInvitations)
						.set({ usedAt: at, usedBy: user.id })
						.where(and(eq(staffInvitations.id, invitationId), isNull(staffInvitations.usedAt)))
						.returning()
						.get();
					if (!used) throw refusal;
					tx.insert(eventRoles)
						.values({ userId: user.id, eventId: used.eventId, role: used.role, agencyId: used.agencyId })
						.onConflictDoNothing()
						.run();
					return 'created';
				});
			} catch (error) {
				if (error === refusal) return 'used';
				throw error;
			}
		}
	};
}
