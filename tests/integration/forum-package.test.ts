/**
 * Two installations in one test (issue 20): a district forum runs on A (SQLite, the laptop in the
 * hall), its results package is exported and imported on B (the province's server: PostgreSQL, and
 * SQLite too) into the provincial forum, through the services only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import pg from 'pg';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSetupInput } from '$lib/domain/event-setup';
import type { Participant } from '$lib/domain/participant';
import type { StaffActor } from '$lib/domain/staff';
import { createForumApp, openPostgresStorage, type ForumApp } from '$lib/server/app';
import { rollUpDocx } from '$lib/server/reports/roll-up-docx';
import { rollUpXlsx } from '$lib/server/reports/roll-up-xlsx';
import { unlimited } from '$lib/server/services/rate-limit';
import { snapshotDatabase } from '../db-snapshot';
import { freshPostgres, type FreshPostgres } from './postgres';

const setup = (over: Partial<EventSetupInput>): EventSetupInput => ({
	title: '',
	level: 'district',
	organisingUnit: '',
	venue: '',
	date: '',
	theme: '',
	topics: 'An toàn giao thông | Công an huyện\nQuyền được học tập, vui chơi | Phòng Giáo dục',
	delegations: 'Xã Tân Đoàn\nXã Tràng Các',
	agencies: 'Công an huyện\nPhòng Giáo dục',
	agenda: '',
	followUpDays: '',
	wordFilter: '',
	moderation: false,
	allowNicknames: true,
	joinOpen: true,
	...over
});

const DANGER = 'Bố em hay đánh em rất đau, em sợ về nhà lắm';

async function organiser(app: ForumApp): Promise<StaffActor> {
	await app.staffAuth.setupFirstOrganiser({ username: 'btc', displayName: 'Ban Tổ chức', password: 'mat-khau-du-dai' });
	const login = await app.staffAuth.login('btc', 'mat-khau-du-dai', 'ip');
	if (!login.ok) throw new Error(login.error.code);
	return (await app.staffAuth.resume(login.data.token))!.actor;
}

/** The actor again, with the roles granted since it signed in. */
async function refreshed(app: ForumApp): Promise<StaffActor> {
	const login = await app.staffAuth.login('btc', 'mat-khau-du-dai', 'ip');
	if (!login.ok) throw new Error(login.error.code);
	return (await app.staffAuth.resume(login.data.token))!.actor;
}

function must<T>(result: { ok: true; data: T } | { ok: false; error: { code: string } }): T {
	if (!result.ok) throw new Error(result.error.code);
	return result.data;
}

/** A district forum on A: children, items, votes, an answer, follow-ups with outcomes, a poll, a safeguarding item. */
async function runDistrictForum(app: ForumApp) {
	let actor = await organiser(app);
	const created = must(
		await app.eventSetup.create(
			actor,
			setup({ title: 'Diễn đàn trẻ em huyện Văn Quan 2025', organisingUnit: 'UBND huyện Văn Quan', askGender: true, personalDataConsent: true })
		)
	);
	actor = await refreshed(app);
	const event = (await app.repos.events.findById(created.id))!;
	const children: Participant[] = [];
	for (const [i, gender] of (['female', 'male', 'female'] as const).entries()) {
		const joined = must(
			await app.sessions.join(event, { delegationId: event.delegations[i % 2].id, nickname: `Lan${i}`, showNickname: false, gender }, 'hall')
		);
		children.push(joined.participant);
	}
	const submit = async (child: number, kind: 'question' | 'recommendation' | 'message', text: string, topic = 0) =>
		must(await app.submissions.submit(children[child], { id: crypto.randomUUID(), kind, topicId: event.topics[topic].id, agencyId: null, text }));
	const answered = await submit(0, 'question', 'Vì sao đường đến trường em chưa có đèn giao thông?');
	const followed = await submit(1, 'question', 'Bao giờ xã em có sân chơi cho trẻ em?', 1);
	const recommendation = await submit(2, 'recommendation', 'Đề nghị mỗi xã có một sân chơi an toàn cho trẻ em', 1);
	const danger = await app.submissions.submit(children[2], { id: crypto.randomUUID(), kind: 'question', topicId: event.topics[0].id, agencyId: null, text: DANGER });
	must(await app.votes.setVote(children[1], { submissionId: answered.id, voted: true }));
	must(await app.votes.setVote(children[2], { submissionId: answered.id, voted: true }));
	must(await app.moderation.markAnswered(actor, { submissionId: answered.id, summary: 'Huyện sẽ lắp đèn trong quý tới', answeredBy: 'Công an huyện' }));
	const poll = must(await app.polls.create(actor, event.id, { kind: 'single', question: 'Em có thấy an toàn khi đến trường?', options: 'Có\nKhông', scaleMax: 5 }));
	must(await app.polls.set(actor, event.id, { pollId: poll.id, status: 'open' }));
	for (const [i, child] of children.entries()) must(await app.polls.answer(child, { pollId: poll.id, answer: { optionId: poll.options[i === 1 ? 1 : 0].id } }));
	must(await app.polls.set(actor, event.id, { pollId: poll.id, status: 'closed' }));
	must(await app.followUps.closeSession(actor, event.id));
	const followUp = (await app.repos.followUps.findBySubmission(followed.id))!;
	must(await app.followUps.update(actor, followUp.id, { status: 'cannot_yet', response: 'Xã đã đề xuất với huyện', reason: 'Chưa có quỹ đất', wayForward: 'Đưa vào kế hoạch 2026' }));
	return { actor, event, children, answered, followed, recommendation, danger, followUpId: followUp.id, pollId: poll.id };
}

async function provinceOn(app: ForumApp) {
	let actor = await organiser(app);
	const created = must(
		await app.eventSetup.create(
			actor,
			setup({ title: 'Diễn đàn trẻ em tỉnh Lạng Sơn 2025', level: 'province', delegations: 'Huyện Cao Lộc\nHuyện Văn Quan', topics: 'Quyền được học tập, vui chơi\nAn toàn giao thông' })
		)
	);
	actor = await refreshed(app);
	return { actor, province: (await app.repos.events.findById(created.id))! };
}

async function rezip(bytes: Uint8Array, change: (files: { manifest: string; content: string }) => { manifest: string; content: string }) {
	const zip = await JSZip.loadAsync(bytes);
	const changed = change({ manifest: await zip.file('manifest.json')!.async('string'), content: await zip.file('content.json')!.async('string') });
	const out = new JSZip();
	out.file('manifest.json', changed.manifest);
	out.file('content.json', changed.content);
	return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * Every row of every table of B, order-free: proof that a refused import changed nothing. Not the
 * event's change counter (event_versions): PostgreSQL runs an upsert's BEFORE INSERT trigger even
 * when the row ends as an update, so a repeated import takes numbers no row holds; harmless (a
 * phone's delta is then empty) and no data.
 */
async function snapshotOf(b: Installation) {
	if (b.path) return snapshotDatabase(b.path, ['audit_log', 'staff_sessions', 'event_versions']);
	const client = new pg.Client({ connectionString: b.postgres!.url });
	await client.connect();
	try {
		const tables = (await client.query("select tablename from pg_tables where schemaname = 'public' and tablename not in ('audit_log', 'staff_sessions', 'event_versions') order by 1")).rows;
		const snapshot: Record<string, string[]> = {};
		for (const { tablename } of tables) snapshot[tablename] = (await client.query(`select * from "${tablename}"`)).rows.map((r) => JSON.stringify(r)).sort();
		return snapshot;
	} finally {
		await client.end();
	}
}

interface Installation {
	app: ForumApp;
	path?: string;
	postgres?: FreshPostgres;
}

const dir = mkdtempSync(join(tmpdir(), 'forum-package-'));
const opened: Installation[] = [];
afterAll(async () => {
	for (const i of opened) {
		await i.app.close();
		await i.postgres?.drop();
	}
	rmSync(dir, { recursive: true, force: true });
});

async function installation(engine: 'sqlite' | 'postgres'): Promise<Installation> {
	let made: Installation;
	if (engine === 'postgres') {
		const postgres = await freshPostgres({ migrated: true });
		made = { app: createForumApp({ storage: await openPostgresStorage(postgres.url), limiter: unlimited }), postgres };
	} else {
		const path = join(dir, `${crypto.randomUUID()}.db`);
		made = { app: createForumApp({ databasePath: path, limiter: unlimited }), path };
	}
	opened.push(made);
	return made;
}

describe.each(['postgres', 'sqlite'] as const)('a district forum on A (SQLite), its package imported on B (%s)', (engine) => {
	let a: Installation;
	let b: Installation;
	let district: Awaited<ReturnType<typeof runDistrictForum>>;
	let province: Awaited<ReturnType<typeof provinceOn>>;
	let first: Uint8Array;
	let importedId: string;

	beforeAll(async () => {
		a = await installation('sqlite');
		b = await installation(engine);
		district = await runDistrictForum(a.app);
		province = await provinceOn(b.app);
	});

	it('exports one zip with a manifest and content, and nothing of children but their delegation and consented gender', async () => {
		const exported = must(await a.app.forumPackages.exportPackage(district.actor, district.event.id, [district.recommendation.id]));
		first = exported.bytes;
		expect(exported.fileName).toMatch(/^dien-dan-tre-em-huyen-van-quan-2025-\d{4}-\d\d-\d\d\.zip$/);
		const zip = await JSZip.loadAsync(first);
		expect(Object.keys(zip.files).sort()).toEqual(['content.json', 'manifest.json']);
		const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
		expect(manifest).toMatchObject({ formatVersion: 1, sourceEventId: district.event.id, counts: { children: 3, submissions: 3, followUps: 2, polls: 1, forwarded: 1 } });
		expect(manifest.installationId).toBe(await a.app.repos.forumPackages.installationId('unused'));
		const content = await zip.file('content.json')!.async('string');
		// No session, no participant id, no nickname, no safeguarding item.
		for (const child of district.children) expect(content).not.toContain(child.id);
		expect(content).not.toMatch(/Lan\d/);
		expect(content).not.toContain(DANGER);
		expect(content).not.toContain('safeguarding');
		expect(JSON.parse(content).children.map((c: { gender: string }) => c.gender).sort()).toEqual(['female', 'female', 'male']);
	});

	it('imports into a new read-only district forum under the province, the forwarded recommendation waiting for moderation', async () => {
		const imported = must(
			await b.app.forumPackages.importPackage(province.actor, province.province.id, first, { inboxDelegationId: province.province.delegations[1].id })
		);
		expect(imported).toMatchObject({ created: true, submissions: 3, followUps: 2, forwarded: 1, title: district.event.title });
		importedId = imported.eventId;
		const event = (await b.app.repos.events.findById(importedId))!;
		expect(event).toMatchObject({ level: 'district', parentEventId: province.province.id, joinOpen: false, organisingUnit: 'UBND huyện Văn Quan' });
		expect(event.importedFrom).toBe(await a.app.repos.forumPackages.installationId('unused'));
		expect(event.importedSourceId).toBe(district.event.id);
		// Nobody holds a role in it: no page and no service can change it, not even the province's organiser.
		expect(province.actor.roles.some((r) => r.eventId === importedId)).toBe(false);
		expect(await b.app.eventSetup.update(province.actor, importedId, setup({ title: 'Đổi tên' }))).toEqual({ ok: false, error: { code: 'forbidden' } });
		const [someFollowUp] = await b.app.repos.followUps.listForEvent(importedId);
		expect(await b.app.followUps.update(province.actor, someFollowUp.id, { status: 'fulfilled', response: 'x', reason: '', wayForward: '' })).toEqual({
			ok: false,
			error: { code: 'forbidden' }
		});

		expect(await b.app.repos.participants.countByEvent(importedId)).toBe(3);
		expect((await b.app.repos.participants.countProfiles(importedId)).gender).toMatchObject({ female: 2, male: 1 });
		const items = await b.app.repos.submissions.listByStatus(importedId, ['approved', 'answered', 'follow_up']);
		expect(items.map((i) => i.status).sort()).toEqual(['answered', 'follow_up', 'follow_up']);
		const answered = items.find((i) => i.status === 'answered')!;
		expect(answered).toMatchObject({ text: district.answered.text, votes: 2, answerSummary: 'Huyện sẽ lắp đèn trong quý tới', participantId: null });
		expect(nameOf(event.agencies, answered.agencyId)).toBe('Công an huyện');
		const followUps = await b.app.repos.followUps.listForEvent(importedId);
		expect(followUps).toHaveLength(2);
		const cannot = followUps.find((f) => f.status === 'cannot_yet')!;
		expect(cannot).toMatchObject({ reason: 'Chưa có quỹ đất', wayForward: 'Đưa vào kế hoạch 2026' });
		const withoutIds = (entries: { agencyId: string | null }[], agencies: { id: string; name: string }[]) =>
			entries.map(({ agencyId, ...entry }) => ({ ...entry, agency: nameOf(agencies, agencyId) }));
		expect(withoutIds(await b.app.repos.followUps.history(cannot.id), event.agencies)).toEqual(
			withoutIds(await a.app.repos.followUps.history(district.followUpId), district.event.agencies)
		);
		const [poll] = await b.app.repos.polls.listByEvent(importedId);
		expect((await b.app.repos.polls.listAnswers(poll.id)).length).toBe(3);

		const inbox = await b.app.repos.submissions.listByStatus(province.province.id, ['pending']);
		expect(inbox).toHaveLength(1);
		expect(inbox[0]).toMatchObject({
			text: district.recommendation.text,
			kind: 'recommendation',
			originLabel: district.event.title,
			delegationId: province.province.delegations[1].id,
			topicId: province.province.topics[0].id
		});
	});

	it('stores the same package once: a second import changes nothing', async () => {
		const before = await snapshotOf(b);
		const again = must(await b.app.forumPackages.importPackage(province.actor, province.province.id, first, { inboxDelegationId: province.province.delegations[1].id }));
		expect(again).toMatchObject({ eventId: importedId, created: false, forwarded: 0 });
		expect(await snapshotOf(b)).toEqual(before);
	});

	it('a later export after an outcome changed updates the province, without duplicates', async () => {
		const followUp = (await a.app.repos.followUps.findBySubmission(district.recommendation.id))!;
		must(await a.app.followUps.update(district.actor, followUp.id, { status: 'fulfilled', response: 'Đã có sân chơi ở nhà văn hoá xã', reason: '', wayForward: '' }));
		const later = must(await a.app.forumPackages.exportPackage(district.actor, district.event.id, [district.recommendation.id]));
		const updated = must(await b.app.forumPackages.importPackage(province.actor, province.province.id, later.bytes, { inboxDelegationId: province.province.delegations[1].id }));
		expect(updated).toMatchObject({ eventId: importedId, created: false, forwarded: 0, followUps: 2 });
		const followUps = await b.app.repos.followUps.listForEvent(importedId);
		expect(followUps.map((f) => f.status).sort()).toEqual(['cannot_yet', 'fulfilled']);
		const fulfilled = followUps.find((f) => f.status === 'fulfilled')!;
		expect(fulfilled.response).toBe('Đã có sân chơi ở nhà văn hoá xã');
		expect((await b.app.repos.followUps.history(fulfilled.id)).map((h) => h.status)).toEqual(['open', 'fulfilled']);
		expect(await b.app.repos.submissions.listByStatus(importedId, ['approved', 'answered', 'follow_up'])).toHaveLength(3);
		expect(await b.app.repos.participants.countByEvent(importedId)).toBe(3);
		expect(await b.app.repos.submissions.listByStatus(province.province.id, ['pending'])).toHaveLength(1);
		// The first package is older than what B holds now: importing it would undo the new outcome.
		expect(await b.app.forumPackages.importPackage(province.actor, province.province.id, first, { inboxDelegationId: province.province.delegations[1].id })).toEqual({
			ok: false,
			error: { code: 'package_outdated' }
		});
	});

	it('refuses a tampered, another-version or damaged package, a foreign forum and the wrong level, changing nothing', async () => {
		const before = await snapshotOf(b);
		const to = { inboxDelegationId: province.province.delegations[1].id };
		const importing = (bytes: Uint8Array, actor = province.actor, parentId = province.province.id) =>
			b.app.forumPackages.importPackage(actor, parentId, bytes, to);
		const tampered = await rezip(first, ({ manifest, content }) => ({ manifest, content: content.replace('Chưa có quỹ đất', 'Đã làm xong') }));
		expect(await importing(tampered)).toEqual({ ok: false, error: { code: 'package_altered' } });
		const otherVersion = await rezip(first, ({ manifest, content }) => ({ manifest: manifest.replace('"formatVersion": 1', '"formatVersion": 2'), content }));
		expect(await importing(otherVersion)).toEqual({ ok: false, error: { code: 'package_version' } });
		expect(await importing(first.slice(0, first.length / 2))).toEqual({ ok: false, error: { code: 'package_damaged' } });
		expect(await importing(new TextEncoder().encode('not a zip'))).toEqual({ ok: false, error: { code: 'package_damaged' } });
		const noManifest = new JSZip();
		noManifest.file('content.json', '{}');
		expect(await importing(await noManifest.generateAsync({ type: 'uint8array' }))).toEqual({ ok: false, error: { code: 'package_damaged' } });
		expect(await importing(first, { ...province.actor, roles: [] })).toEqual({ ok: false, error: { code: 'forbidden' } });
		// A few kilobytes that inflate past the limit: given up while reading, not held in memory.
		const bomb = await rezip(first, ({ manifest }) => ({ manifest, content: ' '.repeat(21 * 1024 * 1024) }));
		expect(bomb.byteLength).toBeLessThan(100_000);
		expect(await importing(bomb)).toEqual({ ok: false, error: { code: 'package_too_large' } });
		// A district package cannot go under a district forum.
		const sibling = must(await b.app.eventSetup.create(province.actor, setup({ title: 'Diễn đàn huyện Cao Lộc' })));
		const actor = await refreshed(b.app);
		const afterSibling = await snapshotOf(b);
		expect(await importing(first, actor, sibling.id)).toEqual({ ok: false, error: { code: 'forward_level' } });
		expect(await snapshotOf(b)).toEqual(afterSibling);
		expect(Object.keys(afterSibling).filter((t) => JSON.stringify(afterSibling[t]) !== JSON.stringify(before[t])).sort()).toEqual([
			'agencies',
			'delegations',
			'event_roles',
			'events',
			'topics'
		]);
	});

	it('next year’s province-side copy of the imported forum shows its review on the screen', async () => {
		const copy = must(await b.app.eventSetup.create(province.actor, setup({ title: 'Diễn đàn trẻ em huyện Văn Quan 2026' }), importedId));
		const actor = await refreshed(b.app);
		must(await b.app.stage.showReview(actor, copy.id, true));
		const review = (await b.app.snapshots.display(copy.id)).stage.review;
		expect(review).toMatchObject({ title: district.event.title, counts: { fulfilled: 1, cannot_yet: 1 } });
		expect(review!.items.map((i) => i.status)).toEqual(['fulfilled', 'cannot_yet']);
	});

	it('the roll-up on B holds the figures of the imported forum and of B’s own district forum, in Word and Excel', async () => {
		const caoLoc = must(await b.app.eventSetup.create(province.actor, setup({ title: 'Diễn đàn trẻ em huyện Cao Lộc 2025', delegations: 'Xã Hợp Thành' })));
		const actor = await refreshed(b.app);
		const local = (await b.app.repos.events.findById(caoLoc.id))!;
		const joined = must(await b.app.sessions.join(local, { delegationId: local.delegations[0].id }, 'hall'));
		const text = 'Khi nào đường vào bản có đèn chiếu sáng?';
		must(await b.app.submissions.submit(joined.participant, { id: crypto.randomUUID(), kind: 'question', topicId: local.topics[0].id, agencyId: null, text }));
		must(await b.app.rollUps.link(actor, province.province.id, caoLoc.id));

		const gathered = must(await b.app.rollUps.gather(actor, province.province.id));
		const byTitle = (title: string) => gathered.forums.find((f) => f.title === title)!.figures;
		expect(byTitle(district.event.title)).toMatchObject({
			participants: 3,
			received: 3,
			answeredOnTheDay: 1,
			followedUp: 2,
			outcomes: { open: 0, in_progress: 0, fulfilled: 1, cannot_yet: 1 },
			gender: { female: 2, male: 1 },
			byKind: { question: 2, recommendation: 1, message: 0 },
			forwardedUpwards: [{ kind: 'recommendation', text: district.recommendation.text }],
			cannotYet: [{ agency: 'Phòng Giáo dục', text: district.followed.text, reason: 'Chưa có quỹ đất', wayForward: 'Đưa vào kế hoạch 2026' }]
		});
		expect(byTitle(local.title)).toMatchObject({ participants: 1, received: 1, gender: null });
		expect(gathered.totals).toMatchObject({ participants: 4, received: 4, genderForums: 1, outcomes: { fulfilled: 1, cannot_yet: 1 } });

		const workbook = await rollUpXlsx(gathered);
		const summary = await readSheet(workbook, 'Tổng hợp');
		const column = (name: string) => summary[0].indexOf(name);
		const row = (title: string) => summary.find((r) => r[0] === title)!;
		expect(summary.map((r) => r[0]).sort()).toEqual(['Diễn đàn', district.event.title, local.title, 'Tổng cộng'].sort());
		expect([district.event.title, local.title, 'Tổng cộng'].map((t) => row(t)[column('Số trẻ em')])).toEqual([3, 1, 4]);
		expect([district.event.title, local.title, 'Tổng cộng'].map((t) => row(t)[column('Số ý kiến')])).toEqual([3, 1, 4]);
		expect([district.event.title, local.title, 'Tổng cộng'].map((t) => row(t)[column('Chuyển lên cấp trên')])).toEqual([1, 0, 1]);
		const cannot = await readSheet(workbook, 'Chưa thực hiện được');
		expect(cannot[1]).toEqual([district.event.title, 'Phòng Giáo dục', district.followed.text, 'Chưa có quỹ đất', 'Đưa vào kế hoạch 2026']);

		const docx = await JSZip.loadAsync(await rollUpDocx(gathered));
		const body = await docx.file('word/document.xml')!.async('string');
		for (const expected of [district.event.title, local.title, 'Tổng cộng', 'Chưa có quỹ đất', 'Đưa vào kế hoạch 2026']) expect(body).toContain(expected);
		expect(body).not.toContain(DANGER);
	});
});

const nameOf = (list: { id: string; name: string }[], id: string | null) => list.find((e) => e.id === id)?.name;
