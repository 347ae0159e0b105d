/**
 * The words of the child's phone, without shipping them in its scripts. Compiled messages carry
 * every language and a function each: about 5 KB of the phone's gzipped JavaScript. Instead the
 * server puts the words the phone uses, in the visitor's language only, into the page's data (the
 * root layout's `words`, see $lib/server/phone-words.ts), and `m` here reads them from there.
 *
 * On the server `m` is paraglide's own, so server rendering is unchanged. Only the keys listed in
 * PHONE_MESSAGE_KEYS exist on this `m`: a phone component that uses another fails the type check.
 */
import { page } from '$app/state';
import { m as compiled } from '$lib/paraglide/messages.js';
import type { ErrorCode, ParticipantErrorCode } from '$lib/domain/result';
import type { FollowUpStatus } from '$lib/domain/follow-up';
import type { RejectionReason, SubmissionKind, SubmissionStatus } from '$lib/domain/submission';

export const PHONE_MESSAGE_KEYS = [
	'app_name',
	'hotline',
	'switch_language',
	'switch_language_label',
	'privacy_note',
	'home_title',
	'home_intro',
	'code_label',
	'code_go',
	'not_found_title',
	'not_found_body',
	'error_page_title',
	'error_page_body',
	'back_home',
	'join_welcome',
	'join_pick_delegation',
	'join_nickname_label',
	'join_nickname_hint',
	'join_show_nickname',
	'join_submit',
	'delegation_of',
	'room_nav_send',
	'room_nav_mine',
	'room_nav_news',
	'room_nav_feed',
	'room_nav_polls',
	'on_screen_heading',
	'withdraw_confirm',
	'mine_heading',
	'mine_empty',
	'mine_badge',
	'status_sending',
	'status_waiting_network',
	'feed_heading',
	'feed_empty',
	'sort_label',
	'sort_votes',
	'sort_newest',
	'vote_needs_connection',
	'vote_button',
	'vote_withdraw',
	'votes_count',
	'withdraw_button',
	'to_agency',
	'answer_summary',
	'compose_heading',
	'kind_label',
	'topic_label',
	'topic_choose',
	'agency_label',
	'agency_none',
	'text_label',
	'text_placeholder',
	'chars_left',
	'chars_over',
	'sent_ok',
	'saved_offline',
	'send',
	'conn_online',
	'conn_connecting',
	'conn_offline',
	'conn_waiting',
	'followup_reason_shown',
	'followup_way_shown',
	...(['question', 'recommendation', 'message'] as const satisfies readonly SubmissionKind[]).map((k) => `kind_${k}` as const),
	...(['pending', 'approved', 'rejected', 'answered', 'follow_up', 'merged', 'withdrawn', 'safeguarding'] as const satisfies readonly SubmissionStatus[]).map(
		(s) => `status_${s}` as const
	),
	...(['off_topic', 'duplicate', 'inappropriate', 'personal_information', 'other'] as const satisfies readonly RejectionReason[]).map((r) => `why_${r}` as const),
	...(['open', 'in_progress', 'fulfilled', 'cannot_yet'] as const satisfies readonly FollowUpStatus[]).map((s) => `followup_${s}` as const),
	...([
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
	] as const satisfies readonly ParticipantErrorCode[]).map((c) => `error_${c}` as const)
] as const;

export type PhoneMessageKey = (typeof PHONE_MESSAGE_KEYS)[number];
export type PhoneMessages = Pick<typeof compiled, PhoneMessageKey>;
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
