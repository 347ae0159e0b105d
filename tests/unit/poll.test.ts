import { describe, expect, it } from 'vitest';
import { cloudPhrases, tallyPoll, validateAnswer, type Poll } from '$lib/domain/poll';

const options = [
	{ id: 'a', label: 'Sân chơi' },
	{ id: 'b', label: 'Thư viện' },
	{ id: 'c', label: 'Bể bơi' }
];
const poll = (kind: Poll['kind'], status: Poll['status'] = 'open'): Poll => ({
	id: 'p',
	kind,
	question: 'Em muốn xã có thêm gì?',
	options,
	scale: { min: 1, max: 5 },
	status
});

describe('answers', () => {
	it('accepts an answer of the poll’s kind and refuses one that does not exist', () => {
		expect(validateAnswer(poll('single'), { optionId: 'b' })).toEqual({ ok: true, data: { optionId: 'b' } });
		expect(validateAnswer(poll('single'), { optionId: 'z' })).toEqual({ ok: false, error: { code: 'unknown_option' } });
		expect(validateAnswer(poll('multiple'), { optionIds: ['a', 'c', 'a'] })).toEqual({ ok: true, data: { optionIds: ['a', 'c'] } });
		expect(validateAnswer(poll('multiple'), { optionIds: [] })).toEqual({ ok: false, error: { code: 'invalid_payload' } });
		expect(validateAnswer(poll('rating'), { value: 6 })).toEqual({ ok: false, error: { code: 'unknown_option' } });
		expect(validateAnswer(poll('rating'), { value: 2.5 })).toEqual({ ok: false, error: { code: 'invalid_payload' } });
		expect(validateAnswer(poll('single'), { value: 3 })).toEqual({ ok: false, error: { code: 'invalid_payload' } });
		expect(validateAnswer(poll('word_cloud'), { text: '  ' })).toEqual({ ok: false, error: { code: 'text_empty' } });
		expect(validateAnswer(poll('word_cloud'), { text: 'x'.repeat(61) })).toEqual({ ok: false, error: { code: 'text_too_long' } });
	});

	it('refuses any answer once the poll is closed, or before it opens', () => {
		expect(validateAnswer(poll('single', 'closed'), { optionId: 'a' })).toEqual({ ok: false, error: { code: 'poll_closed' } });
		expect(validateAnswer(poll('single', 'draft'), { optionId: 'a' })).toEqual({ ok: false, error: { code: 'poll_closed' } });
	});
});

describe('the tally', () => {
	it('counts one answer per child: the latest, when a child changes it', () => {
		const tally = tallyPoll(poll('single'), [
			{ participantId: 'x', answer: { optionId: 'a' }, at: 1 },
			{ participantId: 'y', answer: { optionId: 'a' }, at: 2 },
			{ participantId: 'x', answer: { optionId: 'b' }, at: 3 },
			{ participantId: 'x', answer: { optionId: 'b' }, at: 4 }
		]);
		expect(tally).toMatchObject({ answered: 2, options: { a: 1, b: 1, c: 0 } });
	});

	it('counts each option of a multiple choice once per child, and a rating’s mean', () => {
		expect(
			tallyPoll(poll('multiple'), [
				{ participantId: 'x', answer: { optionIds: ['a', 'b'] }, at: 1 },
				{ participantId: 'y', answer: { optionIds: ['b'] }, at: 2 }
			]).options
		).toEqual({ a: 1, b: 2, c: 0 });
		const rating = tallyPoll(poll('rating'), [
			{ participantId: 'x', answer: { value: 5 }, at: 1 },
			{ participantId: 'y', answer: { value: 4 }, at: 2 },
			{ participantId: 'z', answer: { value: 4 }, at: 3 }
		]);
		expect(rating.ratings).toEqual({ 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 });
		expect(rating.mean).toBe(4.33);
	});
});

describe('word clouds in Vietnamese', () => {
	it('keeps words whole with their diacritics, and drops stop words at the edges', () => {
		expect(cloudPhrases('Em muốn có sân chơi')).toEqual(['sân chơi']);
		expect(cloudPhrases('Sân chơi, thư viện; BỂ BƠI')).toEqual(['sân chơi', 'thư viện', 'bể bơi']);
		// Diacritics matter: "bể bơi" (pool) and "bé bơi" are different words.
		expect(cloudPhrases('bé bơi')).toEqual(['bé bơi']);
		expect(cloudPhrases('và, là, của')).toEqual([]);
	});

	it('counts each phrase once per child, most named first', () => {
		const tally = tallyPoll(poll('word_cloud'), [
			{ participantId: 'x', answer: { text: 'sân chơi, sân chơi' }, at: 1 },
			{ participantId: 'y', answer: { text: 'Em muốn sân chơi' }, at: 2 },
			{ participantId: 'z', answer: { text: 'thư viện' }, at: 3 }
		]);
		expect(tally.words).toEqual([
			{ text: 'sân chơi', count: 2 },
			{ text: 'thư viện', count: 1 }
		]);
	});
});
