import { describe, expect, it } from 'vitest';
import {
	authorNameFor,
	decideResubmission,
	initialStatus,
	isPublic,
	normaliseText,
	SUBMISSION_STATUSES
} from '$lib/domain/submission';

describe('normaliseText', () => {
	it('stores decomposed Vietnamese in its composed form', () => {
		const decomposed = 'Tre\u0302\u0300 em'.normalize('NFD');
		expect(normaliseText(decomposed)).toBe('Trề em'.normalize('NFC'));
		expect(normaliseText(decomposed).length).toBe(6);
	});

	it('trims, collapses spaces and drops invisible control characters', () => {
		expect(normaliseText('  Xin \t  chào\u200B\u0007  ')).toBe('Xin chào');
		expect(normaliseText('a\n\n\n\n\nb')).toBe('a\n\nb');
		expect(normaliseText(' \n\t ')).toBe('');
	});
});

describe('status', () => {
	it('shows items at once without moderation and holds them with it', () => {
		expect(initialStatus(false)).toBe('approved');
		expect(initialStatus(true)).toBe('pending');
	});

	it('keeps pending, rejected, merged, withdrawn and safeguarding items away from other children', () => {
		const hidden = SUBMISSION_STATUSES.filter((s) => !isPublic(s));
		expect(hidden).toEqual(['pending', 'rejected', 'merged', 'withdrawn', 'safeguarding']);
	});
});

describe('decideResubmission', () => {
	it('treats a resent id from the same child as the same item', () => {
		expect(decideResubmission(null, 'p1')).toBe('create');
		expect(decideResubmission({ participantId: 'p1' }, 'p1')).toBe('duplicate');
	});

	it('refuses an id that belongs to someone else', () => {
		expect(decideResubmission({ participantId: 'p2' }, 'p1')).toBe('conflict');
		expect(decideResubmission({ participantId: null }, 'p1')).toBe('conflict');
	});
});

describe('authorNameFor', () => {
	const child = { nickname: 'Mây', showNickname: true };

	it('names the child only when they chose to and the event allows it', () => {
		expect(authorNameFor(child, true)).toBe('Mây');
		expect(authorNameFor(child, false)).toBeNull();
		expect(authorNameFor({ ...child, showNickname: false }, true)).toBeNull();
		expect(authorNameFor({ nickname: null, showNickname: true }, true)).toBeNull();
	});
});
