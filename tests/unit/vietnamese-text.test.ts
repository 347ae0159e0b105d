import { describe, expect, it } from 'vitest';
import { contentWords, foldVietnamese, similarity, suggestSimilar, SIMILAR_THRESHOLD } from '$lib/domain/vietnamese-text';

describe('folding Vietnamese', () => {
	it('ignores case, diacritics, đ, punctuation and spacing, in composed and decomposed forms', () => {
		const folded = 'vi sao truong em chua co san choi';
		expect(foldVietnamese('Vì sao trường em chưa có sân chơi?')).toBe(folded);
		expect(foldVietnamese('VÌ SAO   TRƯỜNG EM chưa có SÂN CHƠI ???')).toBe(folded);
		expect(foldVietnamese('Vì sao trường em chưa có sân chơi?'.normalize('NFD'))).toBe(folded);
		expect(foldVietnamese('Đường đến trường')).toBe('duong den truong');
	});

	it('writes teen spellings out and drops question words', () => {
		expect(contentWords('Sao trg e ko dc đi học bơi?')).toEqual(['truong', 'hoc', 'boi']);
	});
});

describe('similar items', () => {
	const asked = 'Vì sao trường em chưa có sân chơi?';
	const same = [
		'vi sao truong em chua co san choi',
		'Tại sao trường chúng em không có sân chơi ạ',
		'Sao trg e ko có sân chơi vậy?',
		'Khi nào trường em có sân chơi?'
	];
	const different = [
		'Làm thế nào để phòng chống đuối nước khi đi tắm sông?',
		'Em muốn có thêm sách ở thư viện trường',
		'Vì sao đường đến trường em chưa có đèn chiếu sáng?'
	];

	it('finds the same question typed differently', () => {
		for (const text of same) expect(similarity(asked, text), text).toBeGreaterThanOrEqual(SIMILAR_THRESHOLD);
	});

	it('does not mistake a different question for it', () => {
		for (const text of different) expect(similarity(asked, text), text).toBeLessThan(SIMILAR_THRESHOLD);
	});

	it('suggests the closest items first, at most three', () => {
		const candidates = [...different, ...same].map((text, i) => ({ id: String(i), text }));
		const suggested = suggestSimilar(asked, candidates);
		expect(suggested).toHaveLength(3);
		expect(suggested.every((s) => same.includes(s.text))).toBe(true);
		expect(suggested[0].score).toBeGreaterThanOrEqual(suggested[2].score);
	});

	it('finds nothing similar to an item of only question words', () => {
		expect(similarity('Vì sao vậy ạ?', 'Tại sao thế?')).toBe(0);
	});
});
