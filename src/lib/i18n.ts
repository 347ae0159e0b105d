import type { ErrorCode, ParticipantErrorCode } from '$lib/domain/result';
import type { RejectionReason, SubmissionKind, SubmissionStatus } from '$lib/domain/submission';
import { m } from '$lib/paraglide/messages.js';

/** Typed tables, so a new code or status without a translation fails the type check. */
const ERROR_MESSAGES: Record<ParticipantErrorCode, () => string> = {
	invalid_payload: m.error_invalid_payload,
	text_empty: m.error_text_empty,
	text_too_long: m.error_text_too_long,
	nickname_too_long: m.error_nickname_too_long,
	nickname_not_allowed: m.error_nickname_not_allowed,
	answer_not_allowed: m.error_answer_not_allowed,
	unknown_event: m.error_unknown_event,
	unknown_delegation: m.error_unknown_delegation,
	unknown_topic: m.error_unknown_topic,
	unknown_agency: m.error_unknown_agency,
	unknown_submission: m.error_unknown_submission,
	not_joined: m.error_not_joined,
	join_closed: m.error_join_closed,
	forum_unavailable: m.error_forum_unavailable,
	id_conflict: m.error_id_conflict,
	own_submission: m.error_own_submission,
	rate_limited: m.error_rate_limited,
	not_withdrawable: m.error_not_withdrawable,
	poll_closed: m.error_poll_closed,
	unknown_option: m.error_unknown_option,
	unknown_poll: m.error_unknown_poll,
	too_many_attempts: m.error_too_many_attempts,
	seat_required: m.error_seat_required,
	seat_invalid: m.error_seat_invalid,
	seat_used: m.error_seat_used,
	event_full: m.error_event_full,
	server_error: m.error_server_error
};

const STATUS_LABELS: Record<SubmissionStatus, () => string> = {
	pending: m.status_pending,
	approved: m.status_approved,
	rejected: m.status_rejected,
	answered: m.status_answered,
	follow_up: m.status_follow_up,
	merged: m.status_merged,
	withdrawn: m.status_withdrawn,
	safeguarding: m.status_safeguarding
};

/** A kind word for a child whose item was not taken, by the MC's reason. */
const REJECTION_EXPLAINED: Record<RejectionReason, () => string> = {
	off_topic: m.why_off_topic,
	duplicate: m.why_duplicate,
	inappropriate: m.why_inappropriate,
	personal_information: m.why_personal_information,
	other: m.why_other
};

const KIND_LABELS: Record<SubmissionKind, () => string> = {
	question: m.kind_question,
	recommendation: m.kind_recommendation,
	message: m.kind_message
};

/** The phone's messages; a staff-only code never reaches a phone, but would read as a server fault. */
export const errorMessage = (code: ErrorCode) =>
	(ERROR_MESSAGES as Partial<Record<ErrorCode, () => string>>)[code]?.() ?? m.error_server_error();
export const statusLabel = (status: SubmissionStatus) => STATUS_LABELS[status]();
export const kindLabel = (kind: SubmissionKind) => KIND_LABELS[kind]();

export const rejectionExplained = (reason: RejectionReason) => REJECTION_EXPLAINED[reason]();
