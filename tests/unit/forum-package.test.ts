import { describe, expect, it } from 'vitest';
import {
	checksumOf,
	childRef,
	importedId,
	packageFiles,
	readPackage,
	PACKAGE_CONTENT_FILE,
	PACKAGE_FORMAT_VERSION,
	PACKAGE_MANIFEST_FILE,
	type PackageContent
} from '$lib/domain/forum-package';

const content: PackageContent = {
	event: { title: 'Diễn đàn trẻ em huyện Văn Quan 2025', theme: '', level: 'district', organisingUnit: 'UBND huyện Văn Quan', venue: '', startsAt: null, followUpDays: 30, askAgeBand: false, askGender: true, personalDataConsentAt: 1 },
	delegations: [{ id: 'd1', name: 'Xã Tân Đoàn' }],
	agencies: [{ id: 'a1', name: 'Phòng Giáo dục' }],
	topics: [{ id: 't1', name: 'Quyền được vui chơi', agencyId: 'a1' }],
	children: [{ ref: 'c1', delegationId: 'd1', ageBand: null, gender: 'female' }],
	submissions: [
		{
			id: 's1',
			kind: 'recommendation',
			delegationId: 'd1',
			topicId: 't1',
			agencyId: 'a1',
			text: 'Đề nghị có sân chơi',
			authorName: null,
			status: 'follow_up',
			answerSummary: null,
			answeredBy: null,
			votes: 4,
			createdAt: 1,
			originLabel: null
		}
	],
	followUps: [
		{
			id: 'f1',
			submissionId: 's1',
			status: 'fulfilled',
			agencyId: 'a1',
			dueAt: 10,
			response: 'Đã làm',
			reason: '',
			wayForward: '',
			createdAt: 2,
			updatedAt: 3,
			history: [{ at: 2, byName: 'BTC', note: '', status: 'open', agencyId: 'a1', dueAt: 10, response: '', reason: '', wayForward: '' }]
		}
	],
	polls: [
		{
			id: 'p1',
			kind: 'single',
			question: 'Em có vui không?',
			options: [{ id: 'o1', label: 'Có' }],
			scale: { min: 1, max: 5 },
			status: 'closed',
			resultsShown: true,
			answers: [{ child: 'c1', answer: { optionId: 'o1' }, at: 5 }]
		}
	],
	forwarded: ['s1']
};

const origin = { installationId: 'install-a', sourceEventId: 'event-1', exportedAt: 1000 };
const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

function files(change: (manifest: Record<string, unknown>, content: PackageContent) => void = () => {}) {
	const { files } = packageFiles(structuredClone(content), origin);
	const manifest = JSON.parse(new TextDecoder().decode(files[PACKAGE_MANIFEST_FILE]));
	const body = JSON.parse(new TextDecoder().decode(files[PACKAGE_CONTENT_FILE]));
	change(manifest, body);
	return { manifest, body };
}

describe('the forum package format', () => {
	it('reads back what it wrote, with the counts and the SHA-256 of the content', () => {
		const { manifest, files: written } = packageFiles(content, origin);
		expect(manifest).toMatchObject({ formatVersion: PACKAGE_FORMAT_VERSION, ...origin, counts: { submissions: 1, followUps: 1, children: 1, forwarded: 1 } });
		expect(manifest.checksum).toBe(checksumOf(written[PACKAGE_CONTENT_FILE]));
		expect(readPackage(written[PACKAGE_MANIFEST_FILE], written[PACKAGE_CONTENT_FILE])).toEqual({ ok: true, data: { manifest, content } });
	});

	it('refuses content changed after export, even by one letter', () => {
		const { manifest, body } = files((_, c) => (c.followUps[0].response = 'Chưa làm'));
		expect(readPackage(encode(manifest), encode(body))).toEqual({ ok: false, error: { code: 'package_altered' } });
	});

	it('refuses content whose counts do not match the manifest, even with a recomputed checksum', () => {
		const { manifest, body } = files((_, c) => (c.polls = []));
		const bytes = encode(body);
		expect(readPackage(encode({ ...manifest, checksum: checksumOf(bytes) }), bytes)).toEqual({ ok: false, error: { code: 'package_altered' } });
	});

	it('refuses another format version before anything else', () => {
		const { manifest, body } = files((m) => {
			m.formatVersion = 2;
			m.somethingNew = true;
		});
		expect(readPackage(encode(manifest), encode(body))).toEqual({ ok: false, error: { code: 'package_version' } });
	});

	it('calls a missing file, broken JSON, a bad manifest or dangling references damaged', () => {
		const { manifest, body } = files();
		expect(readPackage(null, encode(body))).toEqual({ ok: false, error: { code: 'package_damaged' } });
		expect(readPackage(encode('{"format":'), encode(body))).toEqual({ ok: false, error: { code: 'package_damaged' } });
		expect(readPackage(encode({ ...manifest, checksum: 'abc' }), encode(body))).toEqual({ ok: false, error: { code: 'package_damaged' } });
		expect(readPackage(encode({ ...manifest, format: 'something-else' }), encode(body))).toEqual({ ok: false, error: { code: 'package_damaged' } });
		const dangling = encode({ ...body, submissions: [{ ...body.submissions[0], topicId: 'nowhere' }] });
		expect(readPackage(encode({ ...manifest, checksum: checksumOf(dangling) }), dangling)).toEqual({ ok: false, error: { code: 'package_damaged' } });
		const question = encode({ ...body, submissions: [{ ...body.submissions[0], kind: 'question' }] });
		expect(readPackage(encode({ ...manifest, checksum: checksumOf(question) }), question)).toEqual({ ok: false, error: { code: 'package_damaged' } });
		const safeguarding = encode({ ...body, submissions: [{ ...body.submissions[0], status: 'safeguarding' }] });
		expect(readPackage(encode({ ...manifest, checksum: checksumOf(safeguarding) }), safeguarding)).toEqual({ ok: false, error: { code: 'package_damaged' } });
	});

	it('gives a row of an imported forum the same id on every import, and another for another origin', () => {
		expect(importedId('install-a', 'event-1', 'item', 's1')).toBe(importedId('install-a', 'event-1', 'item', 's1'));
		expect(importedId('install-a', 'event-1', 'item', 's1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(importedId('install-b', 'event-1', 'item', 's1')).not.toBe(importedId('install-a', 'event-1', 'item', 's1'));
		expect(importedId('install-a', 'event-1', 'topic', 's1')).not.toBe(importedId('install-a', 'event-1', 'item', 's1'));
		expect(childRef('install-a', 'event-1', 'participant-uuid')).not.toContain('participant');
	});
});
