/**
 * The forum's report, as figures: who took part, what they said, what was answered on the day and
 * what is followed up. Pure aggregation, so the Word, Excel and CSV files all say the same thing.
 */
import { AGE_BANDS, GENDERS, type AgeBand, type Gender } from './participant';
import type { FollowUpStatus } from './follow-up';
import type { SubmissionKind, SubmissionStatus } from './submission';

export interface ReportItem {
	kind: SubmissionKind;
	status: SubmissionStatus;
	topic: string;
	delegation: string;
	agency: string;
	text: string;
	votes: number;
	answerSummary: string | null;
	answeredBy: string | null;
	followUpStatus: FollowUpStatus | null;
	followUpResponse: string;
	followUpReason: string;
	followUpWayForward: string;
}

/** Children per optional answer ('none': not answered); only for events that asked. */
export interface ProfileCounts {
	ageBand: Record<AgeBand | 'none', number> | null;
	gender: Record<Gender | 'none', number> | null;
}

export interface ReportFigures {
	participants: number;
	/** The balance statistics, when the organiser asked for age band or gender. */
	profiles?: ProfileCounts;
	byDelegation: { delegation: string; participants: number; items: number }[];
	byKind: Record<SubmissionKind, number>;
	byTopic: { topic: string; items: number }[];
	received: number;
	shown: number;
	answeredOnTheDay: number;
	followedUp: number;
	notShown: number;
	/** Sent privately to the organiser; counted, never listed in the public parts of a report. */
	safeguarding: number;
	followUpStatus: Record<FollowUpStatus, number>;
	byAgency: { agency: string; items: ReportItem[] }[];
}

const SHOWN: readonly SubmissionStatus[] = ['approved', 'answered', 'follow_up'];

/**
 * `items` never holds a safeguarding item: a child who disclosed harm must not appear in any file
 * meant for others, so the report service leaves them out and passes only their number.
 */
export function reportFigures(
	items: readonly ReportItem[],
	participation: readonly { delegation: string; participants: number }[],
	safeguarding = 0
): ReportFigures {
	const count = <K extends string>(keys: readonly K[], key: (item: ReportItem) => K) =>
		Object.fromEntries(keys.map((k) => [k, items.filter((item) => key(item) === k).length])) as Record<K, number>;
	const publicItems = items;
	const topics = [...new Set(publicItems.map((item) => item.topic))];
	const agencies = [...new Set(publicItems.filter((i) => SHOWN.includes(i.status)).map((item) => item.agency))];
	return {
		participants: participation.reduce((sum, d) => sum + d.participants, 0),
		byDelegation: participation.map((d) => ({
			...d,
			items: publicItems.filter((item) => item.delegation === d.delegation).length
		})),
		byKind: count(['question', 'recommendation', 'message'], (item) => item.kind),
		byTopic: topics.map((topic) => ({ topic, items: publicItems.filter((i) => i.topic === topic).length })),
		received: items.length + safeguarding,
		shown: publicItems.filter((item) => SHOWN.includes(item.status)).length,
		answeredOnTheDay: publicItems.filter((item) => item.status === 'answered' && !item.followUpStatus).length,
		followedUp: publicItems.filter((item) => item.followUpStatus !== null).length,
		notShown: publicItems.filter((item) => item.status === 'rejected').length,
		safeguarding,
		followUpStatus: count(['open', 'in_progress', 'fulfilled', 'cannot_yet'], (item) => item.followUpStatus ?? ('none' as never)),
		byAgency: agencies.map((agency) => ({
			agency,
			items: publicItems.filter((item) => item.agency === agency && SHOWN.includes(item.status))
		}))
	};
}

/** One CSV field: quoted, and never read by a spreadsheet as a formula (=, +, -, @ at the start). */
export function csvField(value: string | number | null): string {
	const text = value === null ? '' : String(value);
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
	// A byte-order mark makes Excel read the Vietnamese as UTF-8.
	return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Fills in zeroes, so every band and gender shows in the report even when no child chose it. */
export function profileCounts(
	stored: { ageBand: Record<string, number>; gender: Record<string, number> },
	asked: { ageBand: boolean; gender: boolean }
): ProfileCounts {
	const fill = <K extends string>(keys: readonly K[], tally: Record<string, number>) =>
		Object.fromEntries([...keys, 'none'].map((k) => [k, tally[k] ?? 0])) as Record<K | 'none', number>;
	return {
		ageBand: asked.ageBand ? fill(AGE_BANDS, stored.ageBand) : null,
		gender: asked.gender ? fill(GENDERS, stored.gender) : null
	};
}
