/**
 * Children's personal data: none by default; age band and gender only when the organiser turns
 * them on with the legal representatives' consent recorded, and then only in the report's counts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publicDetails, type EventDetails } from '$lib/domain/event';
import type { StaffActor } from '$lib/domain/staff';
import { DISPLAY_KEY, collect, until, startTestServer, type TestServer } from './harness';

let server: TestServer;
let organiser: StaffActor;
let organiserId: string;

async function settings(change: { askAgeBand?: boolean; askGender?: boolean; personalDataConsent?: boolean }) {
	const form = await server.app.eventSetup.formOf(organiser, server.event.id);
	return server.app.eventSetup.update(organiser, server.event.id, { ...form!, ...change });
}
const current = async () => (await server.app.events.findById(server.event.id)) as EventDetails;

beforeEach(async () => {
	server = await startTestServer();
	const member = await server.staffMember('organiser');
	organiserId = member.userId;
	organiser = (await server.app.staffAuth.resume(member.token))!.actor;
});
afterEach(() => server.close());

describe('the organiser’s setting', () => {
	it('is off by default, and a join then stores no age band or gender whatever the form sends', async () => {
		expect(server.event).toMatchObject({ askAgeBand: false, askGender: false, personalDataConsentAt: null });
		const joined = await server.app.sessions.join(
			server.event,
			{ delegationId: server.event.delegations[0].id, ageBand: '14-15', gender: 'female' },
			'hall'
		);
		if (!joined.ok) throw new Error(joined.error.code);
		expect(await server.app.repos.participants.countProfiles(server.event.id)).toEqual({ ageBand: { none: 1 }, gender: { none: 1 } });
	});

	it('is refused without the consent tick, changes nothing, and the refusal is logged', async () => {
		expect(await settings({ askGender: true })).toEqual({ ok: false, error: { code: 'consent_required' } });
		expect(await settings({ askAgeBand: true, personalDataConsent: false })).toEqual({ ok: false, error: { code: 'consent_required' } });
		expect(await current()).toMatchObject({ askAgeBand: false, askGender: false });
		const log = await server.app.repos.audit.listForEvent(server.event.id, 10);
		expect(log[0]).toMatchObject({ action: 'personalData:consent', outcome: 'refused', detail: 'consent_required' });
	});

	it('with the tick, records who gave it and when, in the event and in its log; kept on later edits', async () => {
		const saved = await settings({ askAgeBand: true, askGender: true, personalDataConsent: true });
		expect(saved.ok).toBe(true);
		const event = await current();
		expect(event).toMatchObject({ askAgeBand: true, askGender: true, personalDataConsentBy: organiserId });
		expect(event.personalDataConsentAt).toBeGreaterThan(Date.now() - 10_000);
		const log = await server.app.repos.audit.listForEvent(server.event.id, 10);
		expect(log.find((row) => row.action === 'personalData:consent')).toMatchObject({
			outcome: 'done',
			detail: expect.stringContaining('age band, gender')
		});
		// The edit form shows the tick as given; saving again keeps the original record.
		expect((await server.app.eventSetup.formOf(organiser, server.event.id))?.personalDataConsent).toBe(true);
		await settings({});
		expect((await current()).personalDataConsentAt).toBe(event.personalDataConsentAt);
		// Turning the questions off clears it: turning them on again needs a new tick.
		await settings({ askAgeBand: false, askGender: false, personalDataConsent: false });
		expect(await current()).toMatchObject({ personalDataConsentBy: null, personalDataConsentAt: null });
		expect(await settings({ askGender: true })).toEqual({ ok: false, error: { code: 'consent_required' } });
	});
});

describe('the answers, when asked', () => {
	beforeEach(async () => {
		const saved = await settings({ askAgeBand: true, askGender: true, personalDataConsent: true });
		if (!saved.ok) throw new Error(saved.error.code);
	});

	it('are stored when given, optional when not, and counted in the report', async () => {
		const event = await current();
		const join = (ageBand?: string, gender?: string) =>
			server.app.sessions.join(event, { delegationId: event.delegations[0].id, ageBand, gender }, 'hall');
		expect((await join('14-15', 'female')).ok).toBe(true);
		expect((await join('12-13', 'male')).ok).toBe(true);
		expect((await join()).ok).toBe(true);
		expect((await join('99', 'robot')).ok).toBe(true); // unknown answers read as "not answered"
		expect(await server.app.repos.participants.countProfiles(event.id)).toEqual({
			ageBand: { '12-13': 1, '14-15': 1, none: 2 },
			gender: { female: 1, male: 1, none: 2 }
		});

		const child = await join('16+', 'undisclosed');
		if (!child.ok) throw new Error(child.error.code);
		const topicId = event.topics[0].id;
		await server.app.submissions.submit(child.data.participant, {
			id: crypto.randomUUID(),
			kind: 'question',
			topicId,
			agencyId: null,
			text: 'Vì sao trường em chưa có sân chơi?'
		});
		const report = await server.app.reports.gather(organiser, event.id);
		if (!report.ok) throw new Error(report.error.code);
		expect(report.data.figures.profiles).toEqual({
			ageBand: { '12-13': 1, '14-15': 1, '16+': 1, none: 2 },
			gender: { male: 1, female: 1, other: 0, undisclosed: 1, none: 2 }
		});
	});

	it('never reach the screen or other phones, nor the child’s own session and payloads', async () => {
		const event = await current();
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		const other = await server.connected({ token: (await server.join(1)).token });
		const heardOnScreen = [collect(screen, 'participant:joined'), collect(screen, 'submission:added')];
		const heardOnPhone = [collect(other, 'submission:added')];

		const joined = await server.app.sessions.join(event, { delegationId: event.delegations[0].id, ageBand: '14-15', gender: 'female' }, 'hall');
		if (!joined.ok) throw new Error(joined.error.code);
		const phone = await server.connected({ token: joined.data.token });
		const sent = await phone.emitWithAck('submission:submit', {
			id: crypto.randomUUID(),
			kind: 'question',
			topicId: event.topics[0].id,
			agencyId: null,
			text: 'Em muốn có thêm sân chơi'
		});
		expect(sent.ok).toBe(true);
		await until(() => heardOnScreen.every((heard) => heard.length > 0) && heardOnPhone[0].length > 0);
		expect(heardOnScreen.flat().length).toBeGreaterThan(0);
		expect(heardOnPhone.flat().length).toBeGreaterThan(0);

		const resumed = await server.app.sessions.resume(joined.data.token);
		const payloads = JSON.stringify([
			heardOnScreen,
			heardOnPhone,
			sent,
			joined.data.participant,
			resumed?.participant,
			await server.app.snapshots.display(event.id),
			await server.app.snapshots.participant(resumed!.participant),
			await other.emitWithAck('participant:sync', {}),
			await screen.emitWithAck('display:sync', {}),
			publicDetails(event)
		]);
		for (const secret of ['ageBand', 'age_band', 'gender', '14-15', 'female', 'personalDataConsent', organiserId])
			expect(payloads, secret).not.toContain(secret);
	});
});
