/**
 * The one verdict on a child's words, for every way text comes in: phone items, items sent ahead,
 * paper cards, open and word-cloud poll answers, the MC's edits, nicknames. A child in danger goes
 * privately to the organiser whatever the moderation setting; a filtered word holds an item for a
 * moderator even when moderation is off.
 */
import { assessText, type SafetyVerdict } from '$lib/domain/safety';
import { initialStatus, type SubmissionStatus } from '$lib/domain/submission';
import { hasWords } from '$lib/domain/visible-text';

/** `eventWords`: the event's own list, one entry per line, on top of the built-in one. */
export function verdictOn(text: string, eventWords: string): SafetyVerdict {
	return assessText(text, eventWords);
}

/**
 * Where a new item starts. One of only emoji and symbols says nothing the checks can read (nor a
 * moderator at a glance on the big screen): it waits for review even when moderation is off.
 */
export function startingPoint(text: string, eventWords: string, moderation: boolean): { status: SubmissionStatus; held: boolean } {
	const verdict = verdictOn(text, eventWords);
	if (verdict === 'danger') return { status: 'safeguarding', held: false };
	if (verdict === 'filtered') return { status: 'pending', held: true };
	if (!hasWords(text)) return { status: 'pending', held: false };
	return { status: initialStatus(moderation), held: false };
}
