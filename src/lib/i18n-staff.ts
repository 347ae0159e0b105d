/** Translations only staff pages need, kept out of the children's phone bundle. */
import type { ErrorCode, StaffErrorCode } from '$lib/domain/result';
import type { EventLevel } from '$lib/domain/event';
import type { StaffRole } from '$lib/domain/staff';
import type { RejectionReason } from '$lib/domain/submission';
import { errorMessage } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';

const STAFF_ERROR_MESSAGES: Record<StaffErrorCode, () => string> = {
	login_failed: m.error_login_failed,
	login_wait: m.error_login_wait,
	setup_done: m.error_setup_done,
	username_invalid: m.error_username_invalid,
	display_name_invalid: m.error_display_name_invalid,
	password_too_short: m.error_password_too_short,
	password_too_long: m.error_password_too_long,
	password_weak: m.error_password_weak,
	password_mismatch: m.error_password_mismatch,
	password_unchanged: m.error_password_unchanged,
	password_current_wrong: m.error_password_current_wrong,
	staff_unknown: m.error_staff_unknown,
	staff_reset_self: m.error_staff_reset_self,
	forbidden: m.error_forbidden,
	title_invalid: m.error_title_invalid,
	level_invalid: m.error_level_invalid,
	field_too_long: m.error_field_too_long,
	date_invalid: m.error_date_invalid,
	topics_missing: m.error_topics_missing,
	delegations_missing: m.error_delegations_missing,
	list_too_long: m.error_list_too_long,
	invitation_invalid: m.error_invitation_invalid,
	invitation_used: m.error_invitation_used,
	invitation_expired: m.error_invitation_expired,
	agency_required: m.error_agency_required,
	username_taken: m.error_username_taken,
	topic_agency_unknown: m.error_topic_agency_unknown,
	agenda_invalid: m.error_agenda_invalid,
	follow_up_days_invalid: m.error_follow_up_days_invalid,
	expected_children_invalid: m.error_expected_children_invalid,
	entry_in_use: m.error_entry_in_use,
	cross_origin: m.error_cross_origin,
	session_invalid: m.error_session_invalid,
	not_pending: m.error_not_pending,
	not_answerable: m.error_not_answerable,
	already_decided: m.error_already_decided,
	merge_self: m.error_merge_self,
	merge_invalid: m.error_merge_invalid,
	not_on_stage: m.error_not_on_stage,
	queue_empty: m.error_queue_empty,
	unknown_agenda_item: m.error_unknown_agenda_item,
	not_safeguarding: m.error_not_safeguarding,
	follow_up_closed: m.error_follow_up_closed,
	response_required: m.error_response_required,
	reason_required: m.error_reason_required,
	due_in_past: m.error_due_in_past,
	unknown_follow_up: m.error_unknown_follow_up,
	nothing_to_report: m.error_nothing_to_report,
	forward_level: m.error_forward_level,
	forward_invalid: m.error_forward_invalid,
	nothing_selected: m.error_nothing_selected,
	no_predecessor: m.error_no_predecessor,
	poll_options_invalid: m.error_poll_options_invalid,
	link_invalid: m.error_link_invalid,
	pre_event_closed: m.error_pre_event_closed,
	pre_event_limit: m.error_pre_event_limit,
	not_editable: m.error_not_editable,
	consent_required: m.error_consent_required,
	seat_count_invalid: m.error_seat_count_invalid,
	text_flagged: m.error_text_flagged,
	package_damaged: m.error_package_damaged,
	package_version: m.error_package_version,
	package_altered: m.error_package_altered,
	package_too_large: m.error_package_too_large,
	package_outdated: m.error_package_outdated
};

const LEVEL_LABELS: Record<EventLevel, () => string> = {
	commune: m.level_commune,
	district: m.level_district,
	province: m.level_province,
	national: m.level_national
};

export const levelLabel = (level: EventLevel) => LEVEL_LABELS[level]();

const REASON_LABELS: Record<RejectionReason, () => string> = {
	off_topic: m.console_reason_off_topic,
	duplicate: m.console_reason_duplicate,
	inappropriate: m.console_reason_inappropriate,
	personal_information: m.console_reason_personal_information,
	other: m.console_reason_other
};

export const reasonLabel = (reason: RejectionReason) => REASON_LABELS[reason]();

export const staffErrorMessage = (code: ErrorCode) =>
	(STAFF_ERROR_MESSAGES as Partial<Record<ErrorCode, () => string>>)[code]?.() ?? errorMessage(code);

const ROLE_LABELS: Record<StaffRole, () => string> = {
	organiser: m.role_organiser,
	moderator: m.role_moderator,
	leader: m.role_leader,
	follow_up_officer: m.role_follow_up_officer
};

export const roleLabel = (role: StaffRole) => ROLE_LABELS[role]();

export { followUpStatusLabel } from '$lib/i18n-follow-up';
