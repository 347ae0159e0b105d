import { describe, expect, it } from 'vitest';
import { checkSafety, eventWordFilter, matchesDanger } from '$lib/domain/safety';

describe('the word filter', () => {
	const filter = eventWordFilter('thằng hề\n\n');

	it('holds profanity with diacritics, without, and in teen spelling', () => {
		for (const text of ['Đm sao lâu thế', 'dm sao lau the', 'Trường này vcl', 'Thầy giáo là đồ ngu', 'thay giao la do ngu']) {
			expect(filter(text), text).toBe(true);
		}
	});

	it('holds the event’s own words too', () => {
		expect(filter('Bạn ấy như thằng hề')).toBe(true);
		expect(filter('ban ay nhu thang he')).toBe(true);
	});

	it('does not confuse a word with another that only folds the same way', () => {
		// "đèo" (a mountain pass) folds like "đéo"; typed with accents, they are different words.
		expect(filter('Đường qua đèo có nguy hiểm không?')).toBe(false);
		expect(filter('Em muốn hỏi về dịch vụ đm')).toBe(true);
	});

	it('leaves ordinary questions alone, even with words that contain a filtered one', () => {
		for (const text of ['Vì sao trường em chưa có sân chơi?', 'Em muốn học vẽ', 'Đi làm vlog có được không?']) {
			expect(filter(text), text).toBe(false);
		}
	});
});

describe('a child in danger', () => {
	it('is recognised with or without diacritics and in teen spelling', () => {
		for (const text of ['Em bị bố đánh mỗi tối', 'em bi bo danh moi toi', 'E bị đánh đập ở nhà', 'Em không muốn sống nữa', 'em muon tu tu']) {
			expect(matchesDanger(text), text).toBe(true);
		}
	});

	it('is not confused with a question about preventing abuse, a topic of these forums', () => {
		for (const text of [
			'Làm thế nào để phòng chống xâm hại tình dục trẻ em?',
			'Xã có kế hoạch gì để phòng chống bạo lực học đường?',
			'Trẻ em bị bạo lực thì gọi số nào?'
		]) {
			expect(matchesDanger(text), text).toBe(false);
		}
	});

	it('outranks the word filter', () => {
		const filter = eventWordFilter('');
		expect(checkSafety('đm em bị đánh đau lắm', filter, matchesDanger)).toBe('danger');
		expect(checkSafety('đm trường này', filter, matchesDanger)).toBe('filtered');
		expect(checkSafety('Em muốn có sân chơi', filter, matchesDanger)).toBe('clean');
	});
});
