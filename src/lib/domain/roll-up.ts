/**
 * The province's roll-up: the figures of each lower-level forum that compiles into a higher-level
 * one, and their totals, as the plans ask districts to report them. Pure aggregation: the page,
 * the Word document and the workbook read the same numbers.
 */
import type { EventLevel } from './event';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from './follow-up';
import { GENDERS, type Gender } from './participant';
import { reportFigures, type ReportItem } from './report';
import type { SubmissionKind } from './submission';

/** One item of a lower-level forum, as the roll-up counts it (never a safeguarding item). */
export interface RollUpItem extends ReportItem {
	/** Its follow-up is past its due date and not fulfilled. */
	overdue: boolean;
	/** It was sent on to the higher-level forum (forwarded upwards). */
	forwardedUpwards: boolean;
}

export interface RollUpForumInput {
	eventId: string;
	title: string;
	level: EventLevel;
	organisingUnit: string;
	startsAt: number | null;
	participation: { delegation: string; participants: number }[];
	/** Children per gender, only where the forum asked with the legal representatives' consent recorded. */
	gender: Record<Gender | 'none', number> | null;
	items: RollUpItem[];
	/** Sent privately to the organiser: a number, never an item. */
	safeguarding: number;
}

export type OutcomeCounts = Record<FollowUpStatus, number>;

export interface AgencyFigures {
	agency: string;
	items: number;
	outcomes: OutcomeCounts;
	overdue: number;
}

export interface ForumFigures {
	participants: number;
	byDelegation: { delegation: string; participants: number; items: number }[];
	gender: Record<Gender | 'none', number> | null;
	/** How many of the forums counted here collected gender with consent (1 or 0 for one forum). */
	genderForums: number;
	byKind: Record<SubmissionKind, number>;
	byTopic: { topic: string; items: number }[];
	byAgency: AgencyFigures[];
	received: number;
	answeredOnTheDay: number;
	followedUp: number;
	outcomes: OutcomeCounts;
	overdue: number;
	/** "Cannot be done yet": with the agency's reason and the way forward, as the plans report them. */
	cannotYet: { agency: string; text: string; reason: string; wayForward: string }[];
	forwardedUpwards: { kind: SubmissionKind; text: string }[];
	safeguarding: number;
}

export interface RollUpForum extends Omit<RollUpForumInput, 'items' | 'participation' | 'gender' | 'safeguarding'> {
	figures: ForumFigures;
}

const zeroOutcomes = (): OutcomeCounts => Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, 0])) as OutcomeCounts;
/** Topics and agencies are per-forum lists: the same name in two districts is one line in the total. */
const key = (name: string) => name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

export function forumFigures(input: RollUpForumInput): ForumFigures {
	const base = reportFigures(input.items, input.participation, input.safeguarding);
	const agencies = new Map<string, AgencyFigures>();
	for (const item of input.items) {
		const entry = agencies.get(item.agency) ?? { agency: item.agency, items: 0, outcomes: zeroOutcomes(), overdue: 0 };
		agencies.set(item.agency, entry);
		entry.items += 1;
		if (item.followUpStatus) entry.outcomes[item.followUpStatus] += 1;
		if (item.overdue) entry.overdue += 1;
	}
	return {
		participants: base.participants,
		byDelegation: base.byDelegation,
		gender: input.gender,
		genderForums: input.gender ? 1 : 0,
		byKind: base.byKind,
		byTopic: base.byTopic,
		byAgency: [...agencies.values()],
		received: base.received,
		answeredOnTheDay: base.answeredOnTheDay,
		followedUp: base.followedUp,
		outcomes: base.followUpStatus,
		overdue: input.items.filter((i) => i.overdue).length,
		cannotYet: input.items
			.filter((i) => i.followUpStatus === 'cannot_yet')
			.map((i) => ({ agency: i.agency, text: i.text, reason: i.followUpReason, wayForward: i.followUpWayForward })),
		forwardedUpwards: input.items.filter((i) => i.forwardedUpwards).map((i) => ({ kind: i.kind, text: i.text })),
		safeguarding: base.safeguarding
	};
}

/** The totals over every forum: counts add up, topics and agencies of the same name are one line. */
export function rollUpTotals(forums: readonly ForumFigures[]): ForumFigures {
	const sum = (pick: (f: ForumFigures) => number) => forums.reduce((n, f) => n + pick(f), 0);
	const topics = new Map<string, { topic: string; items: number }>();
	const agencies = new Map<string, AgencyFigures>();
	for (const forum of forums) {
		for (const t of forum.byTopic) {
			const entry = topics.get(key(t.topic)) ?? { topic: t.topic, items: 0 };
			topics.set(key(t.topic), entry);
			entry.items += t.items;
		}
		for (const a of forum.byAgency) {
			const entry = agencies.get(key(a.agency)) ?? { agency: a.agency, items: 0, outcomes: zeroOutcomes(), overdue: 0 };
			agencies.set(key(a.agency), entry);
			entry.items += a.items;
			entry.overdue += a.overdue;
			for (const s of FOLLOW_UP_STATUSES) entry.outcomes[s] += a.outcomes[s];
		}
	}
	const withGender = forums.filter((f) => f.gender);
	const gender = withGender.length
		? (Object.fromEntries([...GENDERS, 'none'].map((g) => [g, withGender.reduce((n, f) => n + (f.gender?.[g as Gender | 'none'] ?? 0), 0)])) as Record<Gender | 'none', number>)
		: null;
	return {
		participants: sum((f) => f.participants),
		byDelegation: forums.flatMap((f) => f.byDelegation),
		gender,
		genderForums: withGender.length,
		byKind: { question: sum((f) => f.byKind.question), recommendation: sum((f) => f.byKind.recommendation), message: sum((f) => f.byKind.message) },
		byTopic: [...topics.values()].sort((a, b) => b.items - a.items),
		byAgency: [...agencies.values()].sort((a, b) => b.overdue - a.overdue || b.items - a.items),
		received: sum((f) => f.received),
		answeredOnTheDay: sum((f) => f.answeredOnTheDay),
		followedUp: sum((f) => f.followedUp),
		outcomes: Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, sum((f) => f.outcomes[s])])) as OutcomeCounts,
		overdue: sum((f) => f.overdue),
		cannotYet: forums.flatMap((f) => f.cannotYet),
		forwardedUpwards: forums.flatMap((f) => f.forwardedUpwards),
		safeguarding: sum((f) => f.safeguarding)
	};
}
