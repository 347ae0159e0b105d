import { and, count, eq, isNull, sql, TransactionRollbackError } from 'drizzle-orm';
import { pgErrorCode, type PgDb } from '../../db/postgres';
import { eventRoles, staffInvitations, staffSessions, staffUsers } from '../../db/schema-pg';
import type { StaffRepository } from '../types';

/** Any fixed number: serialises "create the first account" across connections and processes. */
const FIRST_USER_LOCK = 2029_0001;
const UNIQUE_VIOLATION = '23505';

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
		async revokeRoles(userId, eventId) {
			return db
				.delete(eventRoles)
				.where(and(eq(eventRoles.userId, userId), eq(eventRoles.eventId, eventId)))
				.returning({ eventId: eventRoles.eventId, role: eventRoles.role, agencyId: eventRoles.agencyId });
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
		},
		async createUserThroughInvitation(user, invitationId, at) {
			try {
				return await db.transaction(async (tx) => {
					const [existing] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.username, user.username));
					if (existing) return 'taken' as const;
					// The user first (the invitation names who used it), then the claim: of five
					// acceptances racing, the row guard lets one claim and the rest roll back.
					await tx.insert(staffUsers).values(user);
					const [used] = await tx
						.update(staffInvitations)
						.set({ usedAt: at, usedBy: user.id })
						.where(and(eq(staffInvitations.id, invitationId), isNull(staffInvitations.usedAt)))
						.returning();
					if (!used) tx.rollback();
					await tx.insert(eventRoles).values({ userId: user.id, eventId: used.eventId, role: used.role, agencyId: used.agencyId }).onConflictDoNothing();
					return 'created' as const;
				});
			} catch (error) {
				if (error instanceof TransactionRollbackError) return 'used';
				// Two acceptances with one new username: the unique index lets one in.
				if (pgErrorCode(error) === UNIQUE_VIOLATION) return 'taken';
				throw error;
			}
		}
	};
}
