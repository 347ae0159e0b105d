/**
 * Every failure a user can meet has a code; the UI turns the code into a translated sentence.
 * Keep this list and the `error_*` messages in messages/*.json in step.
 */
/** Codes a child's phone may meet; the phone bundle carries only these translations. */
export const PARTICIPANT_ERROR_CODES = [
	'invalid_payload',
	'text_empty',
	'text_too_long',
	'nickname_too_long',
	'nickname_not_allowed',
	'answer_not_allowed',
	'unknown_event',
	'unknown_delegation',
	'unknown_topic',
	'unknown_agency',
	'unknown_submission',
	'not_joined',
	'join_closed',
	'forum_unavailable',
	'id_conflict',
	'own_submission',
	'rate_limited',
	'not_withdrawable',
	'poll_closed',
	'unknown_option',
	'unknown_poll',
	'too_many_attempts',
	'seat_required',
	'seat_invalid',
	'seat_used',
	'event_full',
	'server_error'
] as const;

/** Codes only staff pages show. */
export const STAFF_ERROR_CODES = [
	'login_failed',
	'login_wait',
	'setup_done',
	'username_invalid',
	'display_name_invalid',
	'password_too_short',
	'password_too_long',
	'password_weak',
	'password_mismatch',
	'password_unchanged',
	'password_current_wrong',
	'staff_unknown',
	'staff_reset_self',
	'forbidden',
	'title_invalid',
	'level_invalid',
	'field_too_long',
	'date_invalid',
	'topics_missing',
	'delegations_missing',
	'list_too_long',
	'invitation_invalid',
	'invitation_used',
	'invitation_expired',
	'agency_required',
	'username_taken',
	'topic_agency_unknown',
	'agenda_invalid',
	'follow_up_days_invalid',
	'expected_children_invalid',
	'entry_in_use',
	'cross_origin',
	'session_invalid',
	'not_pending',
	'not_answerable',
	'already_decided',
	'merge_self',
	'merge_invalid',
	'not_on_stage',
	'queue_empty',
	'unknown_agenda_item',
	'not_safeguarding',
	'follow_up_closed',
	'response_required',
	'reason_required',
	'due_in_past',
	'unknown_follow_up',
	'nothing_to_report',
	'forward_level',
	'forward_invalid',
	'nothing_selected',
	'no_predecessor',
	'poll_options_invalid',
	'link_invalid',
	'pre_event_closed',
	'pre_event_limit',
	'not_editable',
	'consent_required',
	'seat_count_invalid',
	'text_flagged',
	'package_damaged',
	'package_version',
	'package_altered',
	'package_too_large',
	'package_outdated'
] as const;

export const ERROR_CODES = [...PARTICIPANT_ERROR_CODES, ...STAFF_ERROR_CODES] as const;

export type ParticipantErrorCode = (typeof PARTICIPANT_ERROR_CODES)[number];
export type StaffErrorCode = (typeof STAFF_ERROR_CODES)[number];
export type ErrorCode = ParticipantErrorCode | StaffErrorCode;

/** `by` names who was first, when two staff acted on the same item at once. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; by?: string } };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = <T = never>(code: ErrorCode, by?: string): Result<T> => ({
	ok: false,
	error: by === undefined ? { code } : { code, by }
});

export function isErrorCode(value: unknown): value is ErrorCode {
	return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
