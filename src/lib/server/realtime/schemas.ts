import { z } from 'zod';
import { isErrorCode, type ErrorCode } from '$lib/domain/result';
import {
	ANSWER_SUMMARY_MAX,
	normaliseText,
	REJECTION_REASONS,
	SUBMISSION_KINDS,
	SUBMISSION_TEXT_MAX
} from '$lib/domain/submission';

const id = z.string().min(1).max(64);

// Raw length is capped first so a huge string is refused before it is normalised.
export const itemText = z
	.string()
	.max(SUBMISSION_TEXT_MAX * 4, 'text_too_long')
	.transform(normaliseText)
	.pipe(z.string().min(1, 'text_empty').max(SUBMISSION_TEXT_MAX, 'text_too_long'));

export const submitSubmissionSchema = z.strictObject({
	id: z.uuid(),
	kind: z.enum(SUBMISSION_KINDS),
	topicId: id,
	agencyId: id.nullable().default(null),
	text: itemText
});

export const setVoteSchema = z.strictObject({
	submissionId: z.uuid(),
	voted: z.boolean()
});

export const emptySchema = z.strictObject({}).optional();

/** A phone's resync names the cursor of what it has (protocol.ts ParticipantSyncInput). */
export const participantSyncSchema = z
	.strictObject({ since: z.strictObject({ epoch: z.string().max(64), version: z.number().int().nonnegative() }).optional() })
	.optional();

/** Schema messages that name an error code pass it on; anything else is a malformed payload. */
export function parsePayload<S extends z.ZodType>(
	schema: S,
	payload: unknown
): { ok: true; data: z.output<S> } | { ok: false; code: ErrorCode } {
	const parsed = schema.safeParse(payload);
	if (parsed.success) return { ok: true, data: parsed.data };
	const message = parsed.error.issues[0]?.message;
	return { ok: false, code: isErrorCode(message) ? message : 'invalid_payload' };
}

export const moderationDecisionSchema = z.discriminatedUnion('decision', [
	z.strictObject({ submissionId: z.uuid(), decision: z.literal('approve'), text: itemText.optional() }),
	z.strictObject({ submissionId: z.uuid(), decision: z.literal('reject'), reason: z.enum(REJECTION_REASONS) })
]);

const oneLine = (max: number) =>
	z
		.string()
		.max(max * 4, 'text_too_long')
		.transform((text) => normaliseText(text).replace(/\n+/g, ' '))
		.pipe(z.string().min(1, 'text_empty').max(max, 'text_too_long'));

export const answerSchema = z.strictObject({
	submissionId: z.uuid(),
	summary: oneLine(ANSWER_SUMMARY_MAX),
	answeredBy: oneLine(80).nullable().default(null)
});

export const itemIdSchema = z.strictObject({ submissionId: z.uuid() });

export const mergeSchema = z.strictObject({
	targetId: z.uuid(),
	sourceIds: z.array(z.uuid()).min(1).max(20)
});

export const intakeSchema = submitSubmissionSchema.extend({ delegationId: id });

export const queueSchema = z.strictObject({
	submissionId: z.uuid(),
	position: z.int().min(0).max(10_000).nullable()
});

export const showSchema = z.strictObject({ submissionId: z.uuid().nullable() });

export const agendaStartSchema = z.strictObject({ agendaItemId: id.nullable() });

export const followUpSchema = z.strictObject({
	submissionId: z.uuid(),
	agencyId: id.nullable().default(null),
	dueDate: z.string().max(10).default(''),
	note: z.string().max(1000).default('')
});

export const reviewSchema = z.strictObject({ on: z.boolean() });

export const pollCreateSchema = z.strictObject({
	kind: z.string().max(20),
	question: z.string().max(1200),
	options: z.string().max(4000).default(''),
	scaleMax: z.int().min(0).max(100).default(5)
});

export const pollSetSchema = z.strictObject({
	pollId: z.uuid(),
	status: z.enum(['open', 'closed']).optional(),
	resultsShown: z.boolean().optional()
});

export const pollAnswerSchema = z.strictObject({
	pollId: z.uuid(),
	answer: z.union([
		z.strictObject({ optionId: id }),
		z.strictObject({ optionIds: z.array(id).min(1).max(12) }),
		z.strictObject({ value: z.int().min(-100).max(100) }),
		z.strictObject({ text: z.string().max(2000) })
	])
});
