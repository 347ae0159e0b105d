import JSZip from 'jszip';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffActor } from '$lib/domain/staff';
import { docxReport } from '$lib/server/reports/docx-report';
import { csvReport, xlsxReport } from '$lib/server/reports/spreadsheet-report';
import { startTestServer, type TestServer, type TestSocket } from './harness';

let server: TestServer;
let organiser: StaffActor;
let child: TestSocket;

async function item(text: string, kind: 'question' | 'recommendation' | 'message' = 'question') {
	const ack = await child.emitWithAck('submission:submit', { id: crypto.randomUUID(), kind, topicId: server.event.topics[0].id, agencyId: null, text });
	if (!ack.ok) throw new Error(ack.error.code);
	return ack.data;
}

beforeEach(async () => {
	server = await startTestServer({ moderation: false });
	child = await server.connected({ token: (await server.join(0)).token });
	organiser = (await server.app.staffAuth.resume((await server.staffMember('organiser')).token))!.actor;
});
afterEach(() => server.close());

describe('the organiser’s report', () => {
	it('refuses an empty forum and anyone but the organiser', async () => {
		expect(await server.app.reports.gather(organiser, server.event.id)).toEqual({ ok: false, error: { code: 'nothing_to_report' } });
		await item('Một câu hỏi');
		const moderator = (await server.app.staffAuth.resume((await server.staffMember('moderator')).token))!.actor;
		expect(await server.app.reports.gather(moderator, server.event.id)).toEqual({ ok: false, error: { code: 'forbidden' } });
	});

	it('counts participation, kinds, answers and follow-ups, and keeps danger messages out of every file', async () => {
		const answered = await item('Xã có xây sân chơi không?');
		await item('Đề nghị có thêm sách ở thư viện', 'recommendation');
		await item('=HYPERLINK("http://evil.example","bấm vào đây")', 'message');
		await item('Em bị bố đánh mỗi tối', 'message');
		await server.app.moderation.markAnswered(organiser, { submissionId: answered.id, summary: 'Năm 2026 sẽ xây sân chơi', answeredBy: 'Chủ tịch UBND huyện' });
		await server.app.followUps.closeSession(organiser, server.event.id);

		const gathered = await server.app.reports.gather(organiser, server.event.id);
		if (!gathered.ok) throw new Error(gathered.error.code);
		const { figures } = gathered.data;
		expect(figures).toMatchObject({
			participants: 1,
			received: 4,
			answeredOnTheDay: 1,
			followedUp: 2,
			safeguarding: 1,
			byKind: { question: 1, recommendation: 1, message: 1 },
			followUpStatus: { open: 2, in_progress: 0, fulfilled: 0, cannot_yet: 0 }
		});
		expect(figures.byDelegation[0]).toEqual({ delegation: server.event.delegations[0].name, participants: 1, items: 3 });

		const docx = await JSZip.loadAsync(await docxReport(gathered.data));
		const body = await docx.file('word/document.xml')!.async('string');
		for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', server.event.title, 'Năm 2026 sẽ xây sân chơi', 'Đề nghị có thêm sách ở thư viện'])
			expect(body).toContain(expected);
		expect(body).not.toContain('Em bị bố đánh');
		expect(body).toContain('1 ý kiến được chuyển riêng cho Ban Tổ chức');

		const rows = await readSheet(await xlsxReport(gathered.data));
		expect(rows[0].slice(0, 6)).toEqual(['STT', 'Loại', 'Chủ đề', 'Đoàn', 'Cơ quan', 'Nội dung']);
		// Header and the three items meant for others: the disclosure is not a row, nor its delegation's mention.
		expect(rows).toHaveLength(4);
		expect(JSON.stringify(rows)).not.toContain('Em bị bố đánh');
		expect(JSON.stringify(rows)).not.toContain('Ban Tổ chức');
		expect(rows.map((r) => r[5])).toContain('Xã có xây sân chơi không?');
		// A child's "=..." is text in the spreadsheet, never a formula.
		expect(rows.map((r) => r[5])).toContain('=HYPERLINK("http://evil.example","bấm vào đây")');

		const csv = csvReport(gathered.data);
		expect(csv.startsWith('\uFEFF"STT"')).toBe(true);
		expect(csv).not.toContain('Em bị bố đánh');
		expect(csv.trim().split('\r\n')).toHaveLength(4);
		expect(JSON.stringify(gathered.data.items)).not.toContain('Em bị bố đánh');
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""bấm vào đây"")"`);
	});

	it('keeps the polls’ results with the event: a section of the Word report and a sheet of the workbook', async () => {
		await item('Một câu hỏi');
		const created = await server.app.polls.create(organiser, server.event.id, { kind: 'single', question: 'Em thích gì nhất?', options: 'Sân chơi\nThư viện', scaleMax: 5 });
		if (!created.ok) throw new Error(created.error.code);
		await server.app.polls.create(organiser, server.event.id, { kind: 'rating', question: 'Chưa mở bao giờ', options: '', scaleMax: 5 });
		await server.app.polls.set(organiser, server.event.id, { pollId: created.data.id, status: 'open' });
		await child.emitWithAck('poll:answer', { pollId: created.data.id, answer: { optionId: created.data.options[1].id } });

		const gathered = await server.app.reports.gather(organiser, server.event.id);
		if (!gathered.ok) throw new Error(gathered.error.code);
		expect(gathered.data.polls).toEqual([
			{ question: 'Em thích gì nhất?', kind: 'single', answered: 1, mean: null, rows: [{ label: 'Sân chơi', count: 0 }, { label: 'Thư viện', count: 1 }] }
		]);
		const body = await (await JSZip.loadAsync(await docxReport(gathered.data))).file('word/document.xml')!.async('string');
		expect(body).toContain('KẾT QUẢ THĂM DÒ Ý KIẾN TRẺ EM');
		expect(body).toContain('Em thích gì nhất? (1 em trả lời)');
		expect(body).not.toContain('Chưa mở bao giờ');
		const sheet = await readSheet(await xlsxReport(gathered.data), 'Thăm dò');
		expect(sheet.slice(1)).toEqual([
			['Em thích gì nhất?', 1, 'Sân chơi', 0],
			['Em thích gì nhất?', 1, 'Thư viện', 1]
		]);
	});
});
