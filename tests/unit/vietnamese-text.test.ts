import { describe, expect, it } from 'vitest';
import { createRanker } from '$lib/domain/similar-items';
import { contentWords, foldedWords, foldVietnamese, similarity, suggestSimilar, SIMILAR_THRESHOLD } from '$lib/domain/vietnamese-text';

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
		expect(foldedWords('mk vs bn trc đc hk')).toEqual(['minh', 'voi', 'ban', 'truoc', 'duoc', 'khong']);
		expect(foldedWords('ns vs cj ntn, bik j ko')).toEqual(['noi', 'voi', 'chi', 'nhu', 'the', 'nao', 'biet', 'gi', 'khong']);
		expect(foldedWords('Bị lừa trên mxh')).toEqual(['bi', 'lua', 'tren', 'mang', 'xa', 'hoi']);
	});

	it('leaves ordinary words alone', () => {
		expect(foldedWords('Bản em có sân bóng, cầu treo và con đò')).toEqual(['ban', 'em', 'co', 'san', 'bong', 'cau', 'treo', 'va', 'con', 'do']);
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
		expect(suggestSimilar('Vì sao vậy ạ?', [{ id: '1', text: 'Tại sao thế?' }])).toEqual([]);
	});
});

describe('similar items that share few words', () => {
	const ids = (texts: string[]) => texts.map((text, i) => ({ id: String(i), text }));

	it('knows the forums’ words for the same thing', () => {
		for (const [a, b] of [
			['Xã có kế hoạch gì dạy bơi cho trẻ em?', 'Vì sao xã chưa có bể bơi để chúng em học bơi?'],
			['Sao học thêm nhiều thế?', 'Làm sao giảm áp lực học thêm?'],
			['Toilet trường em bẩn quá', 'Nhà vệ sinh ở trường em bẩn và hôi'],
			['bị lừa trên mxh thì làm sao', 'Làm thế nào để nhận biết tin nhắn lừa đảo trên mạng xã hội?']
		]) {
			expect(similarity(a, b), `${a} / ${b}`).toBeGreaterThanOrEqual(SIMILAR_THRESHOLD);
		}
	});

	it('prefers the item asking the same over one sharing more of its words', () => {
		const candidates = ids([
			'Xã có kế hoạch gì để sửa đường đến trường không?',
			'Vì sao xã chưa có bể bơi để chúng em học bơi?',
			'Làm thế nào để phòng chống đuối nước khi đi tắm sông?'
		]);
		expect(suggestSimilar('Xã có kế hoạch gì dạy bơi cho trẻ em?', candidates)[0].id).toBe('1');
		const classes = ids(['Có nên cấm giáo viên dạy thêm học sinh của lớp mình không?', 'Tiền học thêm quá đắt, nhà em không đủ tiền', 'Làm sao giảm áp lực học thêm?']);
		expect(suggestSimilar('Sao học thêm nhiều thế?', classes)[0].id).toBe('2');
	});

	it('reads "hỏng" typed with diacritics as broken, not as the teen "hong" (không)', () => {
		const candidates = ids(['Nhà vệ sinh trường em không có khóa cửa', 'Bồn cầu ở nhà vệ sinh bị hư', 'Vì sao nhà vệ sinh học sinh luôn bẩn?']);
		expect(suggestSimilar('Nhà vệ sinh bị hỏng hết rồi', candidates)[0].id).toBe('1');
		expect(suggestSimilar('nha ve sinh bi hu het roi', candidates)[0].id).toBe('1');
	});

	it('weighs a word by how many candidates share it', () => {
		const swimming = ids(['Xã có bể bơi không?', 'Xã có dạy bơi miễn phí không?', 'Xã có lớp bơi cho bạn nữ không?', 'Xã có sân bóng không?']);
		const [best] = suggestSimilar('Học bơi có miễn phí không ạ?', swimming);
		expect(best.id).toBe('1');
	});
});

describe('the ranking behind suggestions', () => {
	it('gives the same answers when its cache of term vectors fills up and starts afresh', () => {
		const terms = (text: string) => new Map(text.split(' ').map((word) => [word, 1]));
		const small = createRanker(terms, 3);
		const large = createRanker(terms);
		const candidates = ['a b', 'b c', 'c d', 'd e', 'a e'].map((text, i) => ({ id: String(i), text }));
		for (const query of ['a', 'b c', 'e', 'a b', 'x']) {
			expect(small.rank(query, candidates, 3, 0.1), query).toEqual(large.rank(query, candidates, 3, 0.1));
		}
		expect(small.similarity('a b', 'b c')).toBeCloseTo(0.5);
	});
});
