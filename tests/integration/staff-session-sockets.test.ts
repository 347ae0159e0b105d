/**
 * A staff console keeps no rights of its own: when the session behind it ends (sign-out, expiry,
 * password change) or the member's roles in the event are removed, the console is closed, and
 * every staff command is checked against the session as it is now.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionIdFromToken } from '$lib/server/auth/participant-session';
import { startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;

beforeEach(async () => {
	server = await startTestServer({ moderation: true });
});

afterEach(async () => {
	await server.close();
});

const closedBy = (socket: TestSocket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

async function pendingItem(text = 'Em muốn hỏi về sân chơi của xã?') {
	const phone = await server.connected({ token: (await server.join()).token });
	return server.submit(phone, text);
}

async function statusOf(id: string) {
	return (await server.app.repos.submissions.findById(id))?.status;
}

async function moderatorConsole() {
	const member = await server.staffMember('moderator');
	const socket = await server.connected({ staff: { token: member.token, eventId: server.event.id } });
	return { ...member, socket };
}

describe('a console whose session ends', () => {
	it('is closed when that session signs out, and an approve sent after is refused', async () => {
		const item = await pendingItem();
		const { token, socket } = await moderatorConsole();
		const closed = closedBy(socket);
		await server.app.staffAuth.logout(token);
		expect(await closed).toBe('io server disconnect');
		// Even a command that was already on its way when the session ended changes nothing.
		expect(await statusOf(item.id)).toBe('pending');
		const again = server.connect({ staff: { token, eventId: server.event.id } });
		expect(await new Promise((resolve) => again.once('connect_error', (e) => resolve(e.message)))).toBe('session_invalid');
	});

	it('leaves the same person’s other sessions connected', async () => {
		const { token, userId, socket } = await moderatorConsole();
		const username = (await server.app.staffAuth.resume(token, { renew: false }))!.user.username;
		const second = await server.app.staffAuth.login(username, 'mat-khau-du-dai', 'test');
		if (!second.ok) throw new Error(second.error.code);
		const other = await server.connected({ staff: { token: second.data.token, eventId: server.event.id } });
		const closed = closedBy(socket);
		await server.app.staffAuth.logout(token);
		await closed;
		expect((await other.emitWithAck('staff:sync', {})).ok).toBe(true);
		expect(other.connected).toBe(true);
		expect(userId).toBeTruthy();
	});

	it('checks every staff command against the live session, not the one it connected with', async () => {
		const item = await pendingItem();
		const { token, socket } = await moderatorConsole();
		// The session disappears without anyone telling the socket layer (another process, a
		// restore): the next command still finds out.
		await server.app.repos.staff.deleteSession(sessionIdFromToken(token));
		const closed = closedBy(socket);
		expect(await socket.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'approve' })).toEqual({
			ok: false,
			error: { code: 'session_invalid' }
		});
		expect(await closed).toBe('io server disconnect');
		expect(await statusOf(item.id)).toBe('pending');
	});

	it('refuses commands once the session has expired', async () => {
		const item = await pendingItem();
		const { token, socket } = await moderatorConsole();
		await server.app.repos.staff.extendSession(sessionIdFromToken(token), Date.now() - 1);
		const closed = closedBy(socket);
		// The expired session is ended when found, which closes its consoles, this one included:
		// the command is answered session_invalid or the connection closes first.
		const answer = await socket
			.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'reject', reason: 'off_topic' })
			.catch(() => 'closed');
		expect(answer === 'closed' || (typeof answer === 'object' && !answer.ok && answer.error.code === 'session_invalid')).toBe(true);
		expect(await closed).toBe('io server disconnect');
		expect(await statusOf(item.id)).toBe('pending');
		expect(await server.app.repos.staff.findSession(sessionIdFromToken(token))).toBeNull();
	});

	it('is closed by a password change, with every other session of the account', async () => {
		const item = await pendingItem();
		const { token, socket } = await moderatorConsole();
		const username = (await server.app.staffAuth.resume(token, { renew: false }))!.user.username;
		const closed = closedBy(socket);
		const changed = await server.app.staffAuth.changePassword(username, 'mat-khau-du-dai', 'mot-mat-khau-moi-hon', 'mot-mat-khau-moi-hon');
		expect(changed.ok).toBe(true);
		expect(await closed).toBe('io server disconnect');
		expect(await statusOf(item.id)).toBe('pending');
	});
});

describe('a console whose roles are removed', () => {
	it('refuses the next command when the role is gone, even unannounced', async () => {
		const item = await pendingItem();
		const { userId, socket } = await moderatorConsole();
		await server.app.repos.staff.revokeRoles(userId, server.event.id);
		expect(await socket.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'approve' })).toMatchObject({ ok: false });
		expect(await statusOf(item.id)).toBe('pending');
	});

	it('is closed at once when an organiser resets the member’s access, and the new link restores it', async () => {
		const item = await pendingItem();
		const { token, socket } = await moderatorConsole();
		const username = (await server.app.staffAuth.resume(token, { renew: false }))!.user.username;
		const organiser = await server.staffMember('organiser');
		const organiserActor = (await server.app.staffAuth.resume(organiser.token, { renew: false }))!.actor;
		const closed = closedBy(socket);
		const reset = await server.app.invitations.resetAccess(organiserActor, server.event.id, username);
		if (!reset.ok) throw new Error(reset.error.code);
		expect(await closed).toBe('io server disconnect');
		expect(reset.data.links).toMatchObject([{ role: 'moderator', agencyId: null }]);
		expect(await server.app.staffAuth.resume(token)).toBeNull();

		// The member signs in again: no role in the event until they take the new link.
		const back = await server.app.staffAuth.login(username, 'mat-khau-du-dai', 'test');
		if (!back.ok) throw new Error(back.error.code);
		const refused = server.connect({ staff: { token: back.data.token, eventId: server.event.id } });
		expect(await new Promise((resolve) => refused.once('connect_error', (e) => resolve(e.message)))).toBe('forbidden');
		const userId = (await server.app.staffAuth.resume(back.data.token))!.user.id;
		expect((await server.app.invitations.acceptAsUser(reset.data.links[0].token, userId)).ok).toBe(true);
		const restored = await server.connected({ staff: { token: back.data.token, eventId: server.event.id } });
		expect(await restored.emitWithAck('moderation:decide', { submissionId: item.id, decision: 'approve' })).toMatchObject({ ok: true });
	});

	it('lets only the event’s organisers reset access, never their own', async () => {
		const { token } = await moderatorConsole();
		const username = (await server.app.staffAuth.resume(token, { renew: false }))!.user.username;
		const other = await server.staffMember('moderator');
		const otherActor = (await server.app.staffAuth.resume(other.token))!.actor;
		expect(await server.app.invitations.resetAccess(otherActor, server.event.id, username)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(await server.app.invitations.resetAccess(null, server.event.id, username)).toEqual({ ok: false, error: { code: 'forbidden' } });
		const organiser = await server.staffMember('organiser');
		const organiserUser = (await server.app.staffAuth.resume(organiser.token))!;
		expect(await server.app.invitations.resetAccess(organiserUser.actor, server.event.id, organiserUser.user.username)).toEqual({
			ok: false,
			error: { code: 'staff_reset_self' }
		});
		expect(await server.app.invitations.resetAccess(organiserUser.actor, server.event.id, 'nobody-here')).toEqual({
			ok: false,
			error: { code: 'staff_unknown' }
		});
		expect(await server.app.staffAuth.resume(token)).not.toBeNull();
	});
});
