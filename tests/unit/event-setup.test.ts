import { describe, expect, it } from 'vitest';
import { isPlausibleJoinCode } from '$lib/domain/event';
import { generateJoinCode, parseList, validateEventSetup, type EventSetupInput } from '$lib/domain/event-setup';

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
	it('draws five characters a child can read and type', () => {
		let n = 0;
		const code = generateJoinCode(() => n++);
		expect(code).toHaveLength(5);
		expect(isPlausibleJoinCode(code)).toBe(true);
	});
});
