import { describe, expect, it } from 'vitest';
import { isPlausibleJoinCode, JOIN_CODE_ALPHABET, normaliseJoinCode } from '$lib/domain/event';
import { parsePayload, setVoteSchema, submitSubmissionSchema } from '$lib/server/realtime/schemas';

describe('join codes', () => {
	it('has no look-alike characters', () => {
		for (const c of '01OIL') expect(JOIN_CODE_ALPHABET).not.toContain(c);
	});

	it('accepts what a child types: lower case, spaces, dashes', () => {
		expect(normaliseJoinCode(' vq-24 ')).toBe('VQ24');
		expect(isPlausibleJoinCode('VQ24')).toBe(true);
		expect(isPlausibleJoinCode('V0')).toBe(false);
		expect(isPlausibleJoinCode('<script>')).toBe(false);
	});
});

describe('submission payloads', () => {
	const valid = {
		id: '6f1c1f5e-6a43-4f4e-9c43-0c5b7c9a2d11',
		kind: 'question',
		topicId: 'topic-1',
		agencyId: null,
		text: '  Vì sao?  '
	};

	it('accepts a well-formed item and normalises its text', () => {
		const parsed = parsePayload(submitSubmissionSchema, valid);
		expect(parsed).toEqual({ ok: true, data: { ...valid, text: 'Vì sao?' } });
	});

	it('names empty and oversized text', () => {
		expect(parsePayload(submitSubmissionSchema, { ...valid, text: '   ' })).toEqual({ ok: false, code: 'text_empty' });
		expect(parsePayload(submitSubmissionSchema, { ...valid, text: 'a'.repeat(501) })).toEqual({
			ok: false,
			code: 'text_too_long'
		});
		expect(parsePayload(submitSubmissionSchema, { ...valid, text: 'a'.repeat(100_000) })).toEqual({
			ok: false,
			code: 'text_too_long'
		});
	});

	it('refuses malformed payloads', () => {
		for (const payload of [
			null,
			'text',
			[valid],
			{ ...valid, id: 'not-a-uuid' },
			{ ...valid, kind: 'complaint' },
			{ ...valid, text: 42 },
			{ ...valid, extra: true },
			{ ...valid, topicId: 'x'.repeat(65) },
			JSON.parse('{"__proto__": {"polluted": true}}')
		]) {
			expect(parsePayload(submitSubmissionSchema, payload)).toEqual({ ok: false, code: 'invalid_payload' });
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('takes a vote only as a boolean on an item id', () => {
		expect(parsePayload(setVoteSchema, { submissionId: valid.id, voted: true }).ok).toBe(true);
		expect(parsePayload(setVoteSchema, { submissionId: valid.id, voted: 'yes' }).ok).toBe(false);
	});
});
