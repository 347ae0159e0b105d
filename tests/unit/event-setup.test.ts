import { describe, expect, it } from 'vitest';
import { isPlausibleJoinCode } from '$lib/domain/event';
import {
	generateJoinCode,
	parseList,
	reconcileEntries,
	setupFormOf,
	validateEventSetup,
	type EventSetupInput
} from '$lib/domain/event-setup';
import type { EventDetails } from '$lib/domain/event';

const input: EventSetupInput = {
	title: 'Diễn đàn trẻ em xã Vĩnh Lại năm 2025',
	level: 'commune',
	organisingUnit: 'UBND xã Vĩnh Lại',
	venue: 'Hội trường xã',
	date: '2025-06-01',
	theme: 'Trẻ em được an toàn',
	topics: 'Bảo vệ trẻ em trên môi trường mạng\nPhòng chống đuối nước',
	delegations: 'Trường THCS Vĩnh Lại\r\nThôn Bản Ngõa',
	agencies: '',
	agenda: '',
	followUpDays: '',
	wordFilter: '',
	moderation: true,
	allowNicknames: false,
	joinOpen: true
};

describe('parseList', () => {
	it('takes one entry per pasted line, dropping blanks and repeats', () => {
		expect(parseList('  Xã A \n\n xã a\nXã B\r\n   ')).toEqual(['Xã A', 'Xã B']);
	});
});

describe('validateEventSetup', () => {
	it('accepts a complete event', () => {
		const result = validateEventSetup(input);
		expect(result).toMatchObject({
			ok: true,
			data: { level: 'commune', startsAt: Date.UTC(2025, 5, 1), agencies: [], delegations: ['Trường THCS Vĩnh Lại', 'Thôn Bản Ngõa'] }
		});
	});

	it('names what is missing or wrong', () => {
		const cases: [Partial<EventSetupInput>, string][] = [
			[{ title: '   ' }, 'title_invalid'],
			[{ level: 'city' }, 'level_invalid'],
			[{ date: '01/06/2025' }, 'date_invalid'],
			[{ topics: '\n \n' }, 'topics_missing'],
			[{ delegations: '' }, 'delegations_missing'],
			[{ agencies: 'x'.repeat(201) }, 'list_too_long'],
			[{ delegations: Array.from({ length: 101 }, (_, i) => `Đoàn ${i}`).join('\n') }, 'list_too_long'],
			[{ venue: 'v'.repeat(201) }, 'field_too_long']
		];
		for (const [change, code] of cases) {
			expect(validateEventSetup({ ...input, ...change })).toEqual({ ok: false, error: { code } });
		}
	});
});

describe('generateJoinCode', () => {
	it('draws seven characters a child can read and type: too many codes to guess', () => {
		let n = 0;
		const code = generateJoinCode(() => n++);
		expect(code).toHaveLength(7);
		expect(isPlausibleJoinCode(code)).toBe(true);
	});
});

describe('topics, agenda and follow-up period', () => {
	const full: EventSetupInput = {
		...input,
		agencies: 'Phòng Giáo dục và Đào tạo\nCông an huyện',
		topics: 'Bạo lực học đường | phòng giáo dục và đào tạo\nAn toàn giao thông|Công an huyện\nVui chơi',
		agenda: 'Văn nghệ chào mừng | 10 | Đội văn nghệ\n\nĐối thoại | 45',
		followUpDays: '45'
	};

	it('maps a topic to its default agency by name, ignoring case and spacing', () => {
		const result = validateEventSetup(full);
		expect(result.ok && result.data.topics).toEqual([
			{ name: 'Bạo lực học đường', agency: 0 },
			{ name: 'An toàn giao thông', agency: 1 },
			{ name: 'Vui chơi', agency: null }
		]);
	});

	it('reads the run of show with minutes and who leads each item', () => {
		const result = validateEventSetup(full);
		expect(result.ok && result.data.agenda).toEqual([
			{ title: 'Văn nghệ chào mừng', plannedMinutes: 10, presenter: 'Đội văn nghệ' },
			{ title: 'Đối thoại', plannedMinutes: 45, presenter: '' }
		]);
		expect(result.ok && result.data.followUpDays).toBe(45);
	});

	it('defaults the follow-up period to 30 days', () => {
		const result = validateEventSetup({ ...full, followUpDays: ' ' });
		expect(result.ok && result.data.followUpDays).toBe(30);
	});

	it('refuses an unknown agency, bad minutes and an impossible period', () => {
		const cases: [Partial<EventSetupInput>, string][] = [
			[{ topics: 'Vui chơi | Sở Y tế' }, 'topic_agency_unknown'],
			[{ agenda: 'Khai mạc | mười' }, 'agenda_invalid'],
			[{ agenda: 'Khai mạc' }, 'agenda_invalid'],
			[{ agenda: 'Khai mạc | 0' }, 'agenda_invalid'],
			[{ agenda: 'Khai mạc | 601' }, 'agenda_invalid'],
			[{ agenda: ' | 10' }, 'agenda_invalid'],
			[{ followUpDays: '0' }, 'follow_up_days_invalid'],
			[{ followUpDays: '366' }, 'follow_up_days_invalid'],
			[{ followUpDays: '2.5' }, 'follow_up_days_invalid']
		];
		for (const [change, code] of cases) {
			expect(validateEventSetup({ ...full, ...change }), JSON.stringify(change)).toEqual({ ok: false, error: { code } });
		}
	});

	it('rebuilds the form from a stored event, so editing or copying changes nothing by itself', () => {
		const checked = validateEventSetup(full);
		if (!checked.ok) throw new Error('invalid');
		const agencies = checked.data.agencies.map((name, i) => ({ id: `a${i}`, name }));
		const event: EventDetails = {
			...checked.data,
			id: 'e',
			code: 'ABCDE',
			displayKey: 'k',
			predecessorId: null,
			agencies,
			delegations: checked.data.delegations.map((name, i) => ({ id: `d${i}`, name })),
			topics: checked.data.topics.map((t, i) => ({ id: `t${i}`, name: t.name, agencyId: t.agency === null ? null : `a${t.agency}` })),
			agenda: checked.data.agenda.map((a, i) => ({ id: `g${i}`, ...a }))
		};
		const again = validateEventSetup(setupFormOf(event));
		expect(again).toEqual(checked);
	});
});

describe('reconcileEntries', () => {
	it('keeps the id of an entry kept by name, gives new names new ids, and lists the removed', () => {
		let n = 0;
		const stored = [
			{ id: 'a', key: 'Xã A' },
			{ id: 'b', key: 'Xã B' }
		];
		const result = reconcileEntries(stored, [{ key: 'xã b' }, { key: 'Xã C' }], () => `new${++n}`);
		expect(result).toEqual({ ids: ['b', 'new1'], removed: ['a'] });
	});
});
