import { z } from 'zod';
import { fail, ok, type ErrorCode, type Result } from '$lib/domain/result';
import { PRE_LIMIT_MAX, type PreEventSettings } from '$lib/domain/pre-event';
import { SUBMISSION_KINDS } from '$lib/domain/submission';
import type { PreEventItemInput } from '../services/pre-event-service';
import { itemText, parsePayload } from '../realtime/schemas';

const itemForm = z.object({
	kind: z.enum(SUBMISSION_KINDS),
	topicId: z.string().min(1).max(64),
	agencyId: z
		.string()
		.max(64)
		.transform((v) => v || null),
	text: itemText
});

const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** A chaperone's item from the form, checked by the same text rules as a phone's. */
export function readPreEventItem(form: FormData): Result<PreEventItemInput> {
	const parsed = parsePayload(itemForm, { kind: field(form, 'kind'), topicId: field(form, 'topicId'), agencyId: field(form, 'agencyId'), text: field(form, 'text') });
	return parsed.ok ? ok(parsed.data) : fail(parsed.code);
}

/** Vietnam keeps one time zone all year: a deadline typed as local time is UTC+7. */
export const VIETNAM_OFFSET = '+07:00';

export function readPreEventSettings(form: FormData): Result<PreEventSettings> {
	const deadlineText = field(form, 'deadline');
	const deadline = deadlineText ? Date.parse(`${deadlineText.slice(0, 16)}:00${VIETNAM_OFFSET}`) : null;
	if (deadline !== null && !Number.isFinite(deadline)) return fail('date_invalid' satisfies ErrorCode);
	const limit = Number(field(form, 'limit'));
	if (!Number.isInteger(limit) || limit < 1 || limit > PRE_LIMIT_MAX) return fail('invalid_payload');
	return ok({ deadline, limit, openToAgencies: form.get('openToAgencies') === 'on' });
}

/** The deadline as a datetime-local value in Vietnam time, for the settings form. */
export function deadlineInputValue(deadline: number | null): string {
	return deadline === null ? '' : new Date(deadline + 7 * 3_600_000).toISOString().slice(0, 16);
}
