/**
 * Every way text comes in meets the same verdict (services/text-check.ts): the MC's edits,
 * nicknames and word-cloud answers as well as items. And when a child's words go to the organiser
 * for safeguarding, the MC's console hears a neutral count, so with no organiser connected the MC
 * knows to call one; the text and its author never reach the MC.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventMatching, startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;
let child: TestSocket;

const submit = (text: string) => server.submit(child, text);

beforeEach(async () => {
	server = await startTestServer({ moderation: true });
	child = await server.connected({ token: (await server.join(0)).token });
});
afterEach(() => server.close());

describe('one verdict at every way in', () => {
	it('refuses an MC’s edit that the word filter holds, and leaves the item waiting as it was', async () => {
		const mc = await server.connected({ staff: { token: (await server.staffMember('moderator')).token, eventId: server.event.id } });
		const item = { data: await submit('Vì sao trường em chưa có sân chơi?') };
		const edited = await mc.emitWithAck('moderation:decide', { submissionId: item.data.id, decision: 'approve', text: 'Vì sao trường em đ*o có sân chơi?' });
		expect(edited).toEqual({ ok: false, error: { code: 'text_flagged' } });
		expect(await server.app.repos.submissions.findById(item.data.id)).toMatchObject({ status: 'pending', text: 'Vì sao trường em chưa có sân chơi?' });
		const plain = await mc.emitWithAck('moderation:decide', { submissionId: item.data.id, decision: 'approve', text: 'Khi nào trường em có sân chơi?' });
		expect(plain).toMatchObject({ ok: true, data: { status: 'approved', text: 'Khi nào trường em có sân chơi?' } });
	});

	it('refuses a rude nickname, which could reach the big screen, and lets a plain one in', async () => {
		await expect(server.join(0, 'thằng vcl')).rejects.toThrow('nickname_not_allowed');
		await expect(server.join(0, 'Mèo con')).resolves.toMatchObject({ participant: { nickname: 'Mèo con' } });
	});

	it('keeps a rude word out of the word cloud and sends a child in danger to the organiser, never the cloud', async () => {
		const organiser = await server.connected({ staff: { token: (await server.staffMember('organiser')).token, eventId: server.event.id } });
		const created = await organiser.emitWithAck('poll:create', { kind: 'word_cloud', question: 'Một từ về trường em?', options: '', scaleMax: 5 });
		if (!created.ok) throw new Error(created.error.code);
		await organiser.emitWithAck('poll:set', { pollId: created.data.id, status: 'open' });
		const answer = (text: string) => child.emitWithAck('poll:answer', { pollId: created.data.id, answer: { text } });

		expect(await answer('vcl')).toEqual({ ok: false, error: { code: 'answer_not_allowed' } });
		const alert = eventMatching(organiser, 'safeguarding:alert', () => true);
		expect(await answer('em bị bố đánh mỗi tối')).toEqual({ ok: true, data: { pollId: created.data.id } });
		expect((await alert).item.status).toBe('safeguarding');
		expect(await answer('sân chơi')).toEqual({ ok: true, data: { pollId: created.data.id } });
		const [poll] = await server.app.polls.list(server.event.id, true);
		expect(poll.tally?.words).toEqual([{ text: 'sân chơi', count: 1 }]);
	});
});

describe('the MC’s neutral safeguarding notice', () => {
	it('counts alerts waiting for an organiser, says whether one is connected, and never carries the text', async () => {
		const mc = await server.connected({ staff: { token: (await server.staffMember('moderator')).token, eventId: server.event.id } });
		const noticed = eventMatching(mc, 'safeguarding:waiting', (n) => n.waiting === 1);
		const disclosure = { data: await submit('Em bị bố đánh mỗi tối, em sợ lắm') };
		expect(await noticed).toEqual({ waiting: 1, organiserOnline: false });
		const synced = await mc.emitWithAck('staff:sync', {});
		expect(synced).toMatchObject({ ok: true, data: { safeguarding: { waiting: 1, organiserOnline: false }, alerts: [] } });
		expect(JSON.stringify(synced)).not.toContain('bố đánh');

		const organiserArrives = eventMatching(mc, 'safeguarding:waiting', (n) => n.organiserOnline);
		const organiserToken = (await server.staffMember('organiser')).token;
		const organiser = await server.connected({ staff: { token: organiserToken, eventId: server.event.id } });
		expect(await organiserArrives).toEqual({ waiting: 1, organiserOnline: true });

		const handled = eventMatching(mc, 'safeguarding:waiting', (n) => n.waiting === 0);
		expect(await organiser.emitWithAck('safeguarding:handled', { submissionId: disclosure.data.id })).toMatchObject({ ok: true });
		expect(await handled).toEqual({ waiting: 0, organiserOnline: true });

		const organiserLeaves = eventMatching(mc, 'safeguarding:waiting', (n) => !n.organiserOnline);
		organiser.disconnect();
		expect(await organiserLeaves).toEqual({ waiting: 0, organiserOnline: false });
	});
});
