import JSZip from 'jszip';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventDetails } from '$lib/domain/event';
import type { EventSetupInput } from '$lib/domain/event-setup';
import type { StaffActor } from '$lib/domain/staff';
import { rollUpDocx } from '$lib/server/reports/roll-up-docx';
import { rollUpXlsx } from '$lib/server/reports/roll-up-xlsx';
import { startTestServer, type TestServer, type TestSocket } from './harness';

const DAY = 24 * 60 * 60 * 1000;
const DISCLOSURE = 'Em bị bố đánh mỗi tối';
/** "Công an huyện" in the demo's list of agencies (Văn Quan); Cao Lộc's is its second. */
const POLICE_VQ = 7;

const setup = (over: Partial<EventSetupInput>): EventSetupInput => ({
	title: '',
	level: 'district',
	organisingUnit: '',
	venue: '',
	date: '',
	theme: '',
	topics: 'Quyền được học tập, vui chơi, giải trí\nAn toàn giao thông',
	delegations: 'Xã Đồng Đăng\nXã Hợp Thành',
	agencies: 'Sở Giáo dục và Đào tạo\nCông an huyện',
	agenda: '',
	followUpDays: '',
	wordFilter: '',
	moderation: false,
	allowNicknames: true,
	joinOpen: true,
	...over
});

let server: TestServer;
let actor: StaffActor;
let provinceId: string;
let caoLoc: EventDetails;
let vanQuan: EventDetails;

async function signIn(username: string) {
	const login = await server.app.staffAuth.login(username, 'mat-khau-du-dai', 'ip');
	if (!login.ok) throw new Error(login.error.code);
	return (await server.app.staffAuth.resume(login.data.token))!.actor;
}

async function send(phone: TestSocket, event: EventDetails, text: string, kind: 'question' | 'recommendation' | 'message', agency: number) {
	const ack = await phone.emitWithAck('submission:submit', { id: crypto.randomUUID(), kind, topicId: event.topics[0].id, agencyId: event.agencies[agency].id, text });
	if (!ack.ok) throw new Error(ack.error.code);
	return ack.data;
}

async function followUpOf(submissionId: string) {
	const found = await server.app.repos.followUps.findBySubmission(submissionId);
	if (!found) throw new Error('no follow-up');
	return found;
}

beforeEach(async () => {
	server = await startTestServer({ moderation: false });
	vanQuan = server.event;
	await server.app.staffAuth.setupFirstOrganiser({ username: 'btc', displayName: 'BTC', password: 'mat-khau-du-dai' });
	let first = await signIn('btc');
	const province = await server.app.eventSetup.create(first, setup({ title: 'Diễn đàn trẻ em tỉnh Lạng Sơn 2025', level: 'province', delegations: 'Huyện Văn Quan\nHuyện Cao Lộc' }));
	const district = await server.app.eventSetup.create(
		first,
		setup({ title: 'Diễn đàn trẻ em huyện Cao Lộc 2025', askGender: true, personalDataConsent: true })
	);
	if (!province.ok || !district.ok) throw new Error('setup');
	provinceId = province.data.id;
	caoLoc = (await server.app.repos.events.findById(district.data.id))!;
	await server.app.repos.staff.grantRole(first.userId, { eventId: vanQuan.id, role: 'organiser', agencyId: null });
	first = await signIn('btc');
	actor = first;
});
afterEach(() => server.close());

/** Văn Quan: four items, one answered, one "cannot yet", one disclosure; Cao Lộc: two girls, two items. */
async function runBothForums() {
	const vqPhone = await server.connected({ token: (await server.join(0)).token });
	const answered = await send(vqPhone, vanQuan, 'Xã có xây sân chơi không?', 'question', 0);
	const library = await send(vqPhone, vanQuan, 'Đề nghị có thêm sách ở thư viện', 'recommendation', 0);
	await send(vqPhone, vanQuan, 'Đề nghị lắp đèn đường trước cổng trường', 'recommendation', POLICE_VQ);
	await vqPhone.emitWithAck('submission:submit', { id: crypto.randomUUID(), kind: 'message', topicId: vanQuan.topics[0].id, agencyId: null, text: DISCLOSURE });
	await server.app.moderation.markAnswered(actor, { submissionId: answered.id, summary: 'Năm 2026 sẽ xây sân chơi', answeredBy: 'Chủ tịch UBND huyện' });
	await server.app.followUps.closeSession(actor, vanQuan.id);
	const cannot = await server.app.followUps.update(actor, (await followUpOf(library.id)).id, {
		status: 'cannot_yet',
		response: 'Chưa có kinh phí năm nay',
		reason: 'Ngân sách huyện đã phân bổ hết',
		wayForward: 'Đưa vào kế hoạch năm 2026'
	});
	if (!cannot.ok) throw new Error(cannot.error.code);
	const forwarded = await server.app.forwarding.forward(actor, vanQuan.id, {
		targetEventId: provinceId,
		targetDelegationId: (await server.app.repos.events.findById(provinceId))!.delegations[0].id,
		submissionIds: [library.id]
	});
	if (!forwarded.ok) throw new Error(forwarded.error.code);

	for (const place of ['Khau Ràng', 'Bản Làng']) {
		const joined = await server.app.sessions.join(caoLoc, { delegationId: caoLoc.delegations[1].id, gender: 'female' }, 'test');
		if (!joined.ok) throw new Error(joined.error.code);
		const phone = await server.connected({ token: joined.data.token });
		await send(phone, caoLoc, `Đề nghị làm cầu qua suối ở ${place} cho học sinh`, 'recommendation', 1);
	}
	const closed = await server.app.followUps.closeSession(actor, caoLoc.id);
	if (!closed.ok || closed.data.followUps !== 2) throw new Error('close');
}

describe('linking lower-level forums', () => {
	it('links a lower-level forum the organiser runs, refuses another level or another’s forum, and unlinks', async () => {
		expect(await server.app.rollUps.link(actor, provinceId, vanQuan.id)).toEqual({ ok: true, data: { linked: vanQuan.id } });
		expect((await server.app.repos.events.findById(vanQuan.id))!.parentEventId).toBe(provinceId);
		// A district into a district, or a province into itself: not a lower level.
		expect(await server.app.rollUps.link(actor, caoLoc.id, vanQuan.id)).toEqual({ ok: false, error: { code: 'forward_level' } });
		expect(await server.app.rollUps.link(actor, provinceId, provinceId)).toEqual({ ok: false, error: { code: 'forward_level' } });

		const links = await server.app.rollUps.links(actor, provinceId);
		expect(links?.linked.map((l) => l.id)).toEqual([vanQuan.id]);
		expect(links?.linkable.map((l) => l.id)).toEqual([caoLoc.id]);

		// An organiser of the province alone may not pull in a forum they do not run.
		const other = await server.app.staffAuth.createAccount({ username: 'tinh', displayName: 'Tỉnh', password: 'mat-khau-du-dai' }, false);
		if (!other.ok) throw new Error(other.error.code);
		await server.app.repos.staff.grantRole(other.data.userId, { eventId: provinceId, role: 'organiser', agencyId: null });
		const provinceOnly = await signIn('tinh');
		expect(await server.app.rollUps.link(provinceOnly, provinceId, caoLoc.id)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect((await server.app.repos.events.findById(caoLoc.id))!.parentEventId ?? null).toBeNull();

		expect(await server.app.rollUps.unlink(actor, provinceId, vanQuan.id)).toEqual({ ok: true, data: { unlinked: vanQuan.id } });
		expect((await server.app.repos.events.findById(vanQuan.id))!.parentEventId).toBeNull();
		expect(await server.app.rollUps.unlink(actor, provinceId, vanQuan.id)).toEqual({ ok: false, error: { code: 'unknown_event' } });
		// Each change is in the province's log, with the refusal of the forum that was not theirs.
		const log = await server.app.repos.audit.listForEvent(provinceId, 20);
		expect(log.filter((e) => e.action === 'rollUp:link').map((e) => e.outcome)).toEqual(['refused', 'refused', 'done']);
		expect(log.filter((e) => e.action === 'rollUp:unlink').map((e) => e.outcome)).toEqual(['refused', 'done']);
	});
});

describe('the province roll-up', () => {
	it('holds each district’s figures and the totals in the page, the Word document and the workbook, never the disclosure', async () => {
		await runBothForums();
		for (const id of [vanQuan.id, caoLoc.id]) expect((await server.app.rollUps.link(actor, provinceId, id)).ok).toBe(true);

		// Sixty days on, every follow-up still open is overdue (the default period is 30 days).
		const gathered = await server.app.rollUps.gather(actor, provinceId, Date.now() + 60 * DAY);
		if (!gathered.ok) throw new Error(gathered.error.code);
		const { forums, totals } = gathered.data;
		expect(forums.map((f) => f.title)).toEqual([vanQuan.title, caoLoc.title]);
		const [vq, cl] = forums.map((f) => f.figures);
		expect(vq).toMatchObject({
			participants: 1,
			received: 4,
			safeguarding: 1,
			answeredOnTheDay: 1,
			followedUp: 2,
			byKind: { question: 1, recommendation: 2, message: 0 },
			outcomes: { open: 1, in_progress: 0, fulfilled: 0, cannot_yet: 1 },
			overdue: 2,
			gender: null,
			forwardedUpwards: [{ kind: 'recommendation', text: 'Đề nghị có thêm sách ở thư viện' }],
			cannotYet: [{ text: 'Đề nghị có thêm sách ở thư viện', reason: 'Ngân sách huyện đã phân bổ hết', wayForward: 'Đưa vào kế hoạch năm 2026' }]
		});
		expect(cl).toMatchObject({ participants: 2, received: 2, followedUp: 2, overdue: 2, gender: { female: 2, male: 0 }, forwardedUpwards: [] });
		expect(totals).toMatchObject({
			participants: 3,
			received: 6,
			safeguarding: 1,
			followedUp: 4,
			overdue: 4,
			genderForums: 1,
			outcomes: { open: 3, in_progress: 0, fulfilled: 0, cannot_yet: 1 }
		});
		// The two districts' "Công an huyện" are one line of the total; Cao Lộc's two items are both theirs.
		expect(totals.byAgency.find((a) => a.agency === 'Công an huyện')).toMatchObject({ items: 3, overdue: 3 });
		expect(JSON.stringify(gathered.data)).not.toContain(DISCLOSURE);

		const docx = await JSZip.loadAsync(await rollUpDocx(gathered.data));
		const body = await docx.file('word/document.xml')!.async('string');
		for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO TỔNG HỢP', vanQuan.title, caoLoc.title, 'Tổng cộng', 'Ngân sách huyện đã phân bổ hết', 'Đưa vào kế hoạch năm 2026'])
			expect(body).toContain(expected);
		expect(body).not.toContain(DISCLOSURE);
		expect(body).toContain('1 ý kiến được chuyển riêng cho Ban Tổ chức');
		// The charts: each an SVG with its PNG fallback, in the package's media.
		const media = Object.keys(docx.files).filter((name) => name.startsWith('word/media/'));
		expect(media.filter((n) => n.endsWith('.svg'))).toHaveLength(3);
		expect(media.filter((n) => n.endsWith('.png'))).toHaveLength(3);

		const workbook = await rollUpXlsx(gathered.data);
		const summary = await readSheet(workbook, 'Tổng hợp');
		expect(summary.map((r) => r[0])).toEqual(['Diễn đàn', vanQuan.title, caoLoc.title, 'Tổng cộng']);
		const column = (name: string) => summary[0].indexOf(name);
		expect(summary.slice(1).map((r) => r[column('Số trẻ em')])).toEqual([1, 2, 3]);
		expect(summary.slice(1).map((r) => r[column('Số ý kiến')])).toEqual([4, 2, 6]);
		expect(summary.slice(1).map((r) => r[column('Quá hạn')])).toEqual([2, 2, 4]);
		expect(summary.slice(1).map((r) => r[column('Chuyển lên cấp trên')])).toEqual([1, 0, 1]);
		const cannot = await readSheet(workbook, 'Chưa thực hiện được');
		expect(cannot[1]).toEqual([vanQuan.title, vanQuan.agencies[0].name, 'Đề nghị có thêm sách ở thư viện', 'Ngân sách huyện đã phân bổ hết', 'Đưa vào kế hoạch năm 2026']);
		const gender = await readSheet(workbook, 'Theo giới tính');
		expect(gender.map((r) => r[0])).toEqual(['Diễn đàn', caoLoc.title, 'Tổng cộng']);
		for (const sheet of ['Tổng hợp', 'Theo đoàn', 'Theo chủ đề', 'Theo cơ quan', 'Chưa thực hiện được', 'Chuyển lên cấp trên'])
			expect(JSON.stringify(await readSheet(workbook, sheet))).not.toContain(DISCLOSURE);
	});

	it('is refused to anyone but the higher-level forum’s organiser', async () => {
		await server.app.rollUps.link(actor, provinceId, vanQuan.id);
		const moderator = await server.app.staffAuth.createAccount({ username: 'dieu-phoi', displayName: 'MC', password: 'mat-khau-du-dai' }, false);
		if (!moderator.ok) throw new Error(moderator.error.code);
		await server.app.repos.staff.grantRole(moderator.data.userId, { eventId: provinceId, role: 'moderator', agencyId: null });
		expect(await server.app.rollUps.gather(await signIn('dieu-phoi'), provinceId)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(await server.app.rollUps.gather(null, provinceId)).toEqual({ ok: false, error: { code: 'forbidden' } });
		expect(await server.app.rollUps.links(await signIn('dieu-phoi'), provinceId)).toBeNull();
		expect(await server.app.rollUps.link(await signIn('dieu-phoi'), provinceId, vanQuan.id)).toEqual({ ok: false, error: { code: 'forbidden' } });
	});
});

describe('an agency across the province', () => {
	it('lists only the officer’s own agency’s follow-ups, in every forum they are invited to, overdue first', async () => {
		await runBothForums();
		const account = await server.app.staffAuth.createAccount({ username: 'congan', displayName: 'Công an', password: 'mat-khau-du-dai' }, false);
		if (!account.ok) throw new Error(account.error.code);
		// "Công an huyện" in both, each forum's own entry of its own list, as the invitations name them.
		await server.app.repos.staff.grantRole(account.data.userId, { eventId: caoLoc.id, role: 'follow_up_officer', agencyId: caoLoc.agencies[1].id });
		await server.app.repos.staff.grantRole(account.data.userId, { eventId: vanQuan.id, role: 'leader', agencyId: vanQuan.agencies[POLICE_VQ].id });
		const officer = await signIn('congan');

		const view = await server.app.followUps.agencyView(officer, {});
		const expected = [...(await server.app.repos.followUps.listForEvent(caoLoc.id)), ...(await server.app.repos.followUps.listForEvent(vanQuan.id))].filter(
			(f) => f.agencyId === caoLoc.agencies[1].id || f.agencyId === vanQuan.agencies[POLICE_VQ].id
		);
		expect(view.rows.map((r) => r.id).sort()).toEqual(expected.map((f) => f.id).sort());
		expect(view.rows.length).toBe(3);
		expect(new Set(view.rows.map((r) => r.eventId))).toEqual(new Set([caoLoc.id, vanQuan.id]));
		expect(view.agencies.map((a) => a.agency).sort()).toEqual([caoLoc.agencies[1].name, vanQuan.agencies[POLICE_VQ].name].sort());
		expect(view.forums.map((f) => f.id).sort()).toEqual([caoLoc.id, vanQuan.id].sort());
		expect(JSON.stringify(view)).not.toContain('Đề nghị có thêm sách ở thư viện');

		// Sixty days on: all three overdue; the filter by forum narrows to one forum's.
		const later = await server.app.followUps.agencyView(officer, { overdue: true }, Date.now() + 60 * DAY);
		expect(later.rows.every((r) => r.overdue)).toBe(true);
		expect(later.rows).toHaveLength(3);
		const one = await server.app.followUps.agencyView(officer, { eventId: caoLoc.id });
		expect(one.rows.map((r) => r.eventId)).toEqual([caoLoc.id, caoLoc.id]);

		// Overdue first: one Cao Lộc item given a later due date stays below the late ones.
		const moved = await server.app.followUps.assign(actor, one.rows[0].id, { agencyId: caoLoc.agencies[1].id, dueDate: new Date(Date.now() + 90 * DAY).toISOString().slice(0, 10) });
		if (!moved.ok) throw new Error(moved.error.code);
		const sorted = await server.app.followUps.agencyView(officer, {}, Date.now() + 60 * DAY);
		expect(sorted.rows.map((r) => r.overdue)).toEqual([true, true, false]);

		// The organiser is no agency: their agency view is empty (the tracking list is theirs).
		expect((await server.app.followUps.agencyView(actor, {})).rows).toEqual([]);
	});
});
