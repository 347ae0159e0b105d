/**
 * The words of the child's phone, without shipping them in its scripts. Compiled messages carry
 * every language and a function each: about 5 KB of the phone's gzipped JavaScript. Instead the
 * server puts the words the phone uses, in the visitor's language only, into the page's data (the
 * root layout's `phone`, see $lib/server/phone-words.ts), and `m` here reads them from there.
 *
 * On the server `m` is paraglide's own, so server rendering is unchanged. Only the keys listed in
 * PHONE_MESSAGE_KEYS exist on this `m`: a phone component that uses another fails the type check.
 */
import { page } from '$app/state';
import { m as compiled } from '$lib/paraglide/messages.js';
import type { ErrorCode, ParticipantErrorCode } from '$lib/domain/result';
import type { FollowUpStatus } from '$lib/domain/follow-up';
import type { RejectionReason, SubmissionKind, SubmissionStatus } from '$lib/domain/submission';

/**
 * Every key the phone's components use. Plain strings, so that the phone's bundle drops the list
 * (only the server reads it); the checks below keep it complete for each kind, status and code.
 */
export const PHONE_MESSAGE_KEYS = [
	'app_name', 'hotline', 'switch_language', 'switch_language_label', 'privacy_note', 'home_title', 'home_intro',
	'code_label', 'code_go', 'not_found_title', 'not_found_body', 'error_page_title', 'error_page_body', 'back_home',
	'join_welcome', 'join_pick_delegation', 'join_nickname_label', 'join_nickname_hint', 'join_show_nickname',
	'join_submit', 'delegation_of', 'room_nav_send', 'room_nav_mine', 'room_nav_news', 'room_nav_feed', 'room_nav_polls',
	'on_screen_heading', 'withdraw_confirm', 'mine_heading', 'mine_empty', 'mine_badge', 'status_sending',
	'status_waiting_network', 'feed_heading', 'feed_empty', 'sort_label', 'sort_votes', 'sort_newest',
	'vote_needs_connection', 'vote_button', 'vote_withdraw', 'votes_count', 'withdraw_button', 'to_agency',
	'answer_summary', 'compose_heading', 'kind_label', 'topic_label', 'topic_choose', 'agency_label', 'agency_none',
	'text_label', 'text_placeholder', 'chars_left', 'chars_over', 'sent_ok', 'saved_offline', 'send', 'conn_online',
	'conn_connecting', 'conn_offline', 'conn_waiting', 'followup_reason_shown', 'followup_way_shown', 'kind_question',
	'kind_recommendation', 'kind_message', 'status_pending', 'status_approved', 'status_rejected', 'status_answered',
	'status_follow_up', 'status_merged', 'status_withdrawn', 'status_safeguarding', 'why_off_topic', 'why_duplicate',
	'why_inappropriate', 'why_personal_information', 'why_other', 'followup_open', 'followup_in_progress',
	'followup_fulfilled', 'followup_cannot_yet', 'error_invalid_payload', 'error_text_empty', 'error_text_too_long',
	'error_nickname_too_long', 'error_nickname_not_allowed', 'error_answer_not_allowed', 'error_unknown_event',
	'error_unknown_delegation', 'error_unknown_topic', 'error_unknown_agency', 'error_unknown_submission',
	'error_not_joined', 'error_join_closed', 'error_forum_unavailable', 'error_id_conflict', 'error_own_submission',
	'error_rate_limited', 'error_not_withdrawable', 'error_poll_closed', 'error_unknown_option', 'error_unknown_poll',
	'error_too_many_attempts', 'error_seat_required', 'error_seat_invalid', 'error_seat_used', 'error_event_full',
	'error_server_error',
] as const;

export type PhoneMessageKey = (typeof PHONE_MESSAGE_KEYS)[number];
export type PhoneMessages = Pick<typeof compiled, PhoneMessageKey>;
/** Fails the type check when a kind, status, reason or code the phone can show has no words. */
type Covered<K extends PhoneMessageKey> = K;
export type CoveredOnThePhone = Covered<
	| `kind_${SubmissionKind}`
	| `status_${SubmissionStatus}`
	| `why_${RejectionReason}`
	| `followup_${FollowUpStatus}`
	| `error_${ParticipantErrorCode}`
>;
/** What the server hands the phone: its language, and each word with `{name}` where a value goes. */
export interface PhoneWords {
	locale: string;
	words: Record<string, string>;
}

const fill = (template: string | undefined, inputs: Record<string, unknown> = {}) =>
	(template ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(inputs[name] ?? ''));

const words = () => (page.data as { phone?: PhoneWords }).phone;

export const m: PhoneMessages = import.meta.env.SSR
	? compiled
	: (new Proxy({}, { get: (_, key: string) => (inputs?: Record<string, unknown>) => fill(words()?.words[key], inputs) }) as PhoneMessages);

/** The page's language: the server's choice (cookie, else Vietnamese), as the words were picked. */
export const phoneLocale = (): string => words()?.locale ?? 'vi';

/** Words exist for this key: on the phone, the server sent them; on the server, the list has it. */
const known = (key: string): key is PhoneMessageKey =>
	import.meta.env.SSR ? (PHONE_MESSAGE_KEYS as readonly string[]).includes(key) : words()?.words[key] !== undefined;

/** A refusal in the child's words; a code the phone has no words for reads as a server fault. */
export function errorMessage(code: ErrorCode | string): string {
	const key = `error_${code}`;
	return known(key) ? (m[key] as () => string)() : m.error_server_error();
}
export const statusLabel = (status: SubmissionStatus) => m[`status_${status}`]();
export const kindLabel = (kind: SubmissionKind) => m[`kind_${kind}`]();
export const rejectionExplained = (reason: RejectionReason) => m[`why_${reason}`]();
export const followUpStatusLabel = (status: FollowUpStatus) => m[`followup_${status}`]();
