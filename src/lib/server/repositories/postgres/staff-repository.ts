import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { PgDb } from '../../db/postgres';
import { eventRoles, staffInvitations, staffSessions, staffUsers } from '../../db/schema-pg';
import type { StaffRepository } from '../types';

/** Any fixed number: serialises "create the first account" across connections and processes. */
const FIRST_USER_LOCK = 2029_0001;

export function createStaffRepository(db: PgDb): StaffRepository {
	return {
		async countUsers() {
			const [row] = await db.select({ n: count() }).from(staffUsers);
			return row?.n ?? 0;
		},
		async createUser(user) {
			await db.insert(staffUsers).values(user);
		},
		async createFirstUser(user) {
			// Under READ COMMITTED two transactions could both count zero: the lock makes one wait.
			return db.transaction(async (tx) => {
				await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_USER_LOCK})`);
				const [{ n }] = await tx.select({ n: count() }).from(staffUsers);
				if (n > 0) return false;
				await tx.insert(staffUsers).values(user);
				return true;
			});
		},
		async displayNameOf(userId) {
			const [row] = await db.select({ name: staffUsers.displayName }).from(staffUsers).where(eq(staffUsers.id, userId));
			return row?.name ?? null;
		},
		async findUserByUsername(username) {
			const [row] = await db.select().from(staffUsers).where(eq(staffUsers.username, username));
			if (!row) return null;
			const { createdAt: _createdAt, ...user } = row;
			return user;
		},
		async setPasswordHash(userId, passwordHash) {
			await db.transaction(async (tx) => {
				await tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, userId));
				await tx.delete(staffSessions).where(eq(staffSessions.userId, userId));
			});
		},
		async createSession(session) {
			await db.insert(staffSessions).values(session);
		},
		async findSession(sessionId) {
			const [row] = await db
				.select({ session: staffSessions, user: staffUsers })
				.from(staffSessions)
				.innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
				.where(eq(staffSessions.id, sessionId));
			if (!row) return null;
			const { createdAt: _createdAt, ...user } = row.user;
			return { session: row.session, user };
		},
		async extendSession(sessionId, expiresAt) {
			await db.update(staffSessions).set({ expiresAt }).where(eq(staffSessions.id, sessionId));
		},
		async deleteSession(sessionId) {
			await db.delete(staffSessions).where(eq(staffSessions.id, sessionId));
		},
		async deleteSessionsOf(userId) {
			await db.delete(staffSessions).where(eq(staffSessions.userId, userId));
		},
		async listRoles(userId) {
			return db
				.select({ eventId: eventRoles.eventId, role: eventRoles.role, agencyId: eventRoles.agencyId })
				.from(eventRoles)
				.where(eq(eventRoles.userId, userId));
		},
		async grantRole(userId, role) {
			await db.insert(eventRoles).values({ userId, ...role }).onConflictDoNothing();
		},
		async listEventStaff(eventId) {
			return db
				.select({ displayName: staffUsers.displayName, username: staffUsers.username, role: eventRoles.role, agencyId: eventRoles.agencyId })
				.from(eventRoles)
				.innerJoin(staffUsers, eq(staffUsers.id, eventRoles.userId))
				.where(eq(eventRoles.eventId, eventId));
		},
		async createInvitation(invitation) {
			await db.insert(staffInvitations).values(invitation);
		},
		async findInvitation(id) {
			const [row] = await db.select().from(staffInvitations).where(eq(staffInvitations.id, id));
			if (!row) return null;
			const { eventId, role, agencyId, createdBy, expiresAt, usedAt } = row;
			return { id, eventId, role, agencyId, createdBy, expiresAt, usedAt };
		},
		async redeemInvitation(id, userId, at) {
			return db.transaction(async (tx) => {
				const [used] = await tx
					.update(staffInvitations)
					.set({ usedAt: at, usedBy: userId })
					.where(and(eq(staffInvitations.id, id), isNull(staffInvitations.usedAt)))
					.returning();
				if (!used) return false;
				await tx.insert(eventRoles).values({ userId, eventId: used.eventId, role: used.role, agencyId: used.agencyId }).onConflictDoNothing();
				return true;
			});
		}
	};
}
