import { profileCounts, reportFigures, type ReportFigures, type ReportItem } from '$lib/domain/report';
import type { EventDetails } from '$lib/domain/event';
import { ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import { pollResultRows, type PollKind } from '$lib/domain/poll';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';
import { gatherForumItems } from './forum-items';

export interface ForumReport {
	event: EventDetails;
	items: ReportItem[];
	figures: ReportFigures;
	/** The opinion polls run (drafts never opened are left out). */
	polls: ReportPoll[];
	generatedAt: number;
}

export interface ReportPoll {
	question: string;
	kind: PollKind;
	answered: number;
	mean: number | null;
	rows: { label: string; count: number }[];
}

/** Everything the organiser's report says, gathered once for the Word, Excel and CSV files. */
export function createReportService(deps: ServiceDeps) {
	const { repos, now } = deps;
	const audit = auditTrail(deps);

	return {
		async gather(actor: StaffActor | null, eventId: string): Promise<Result<ForumReport>> {
			if (!actor || !authorise(actor, 'report:export', { eventId })) return audit.refused(actor, 'report:export', eventId, 'forbidden');
			const event = await repos.events.findById(eventId);
			if (!event) return audit.refused(actor, 'report:export', null, 'unknown_event');
			const gathered = await gatherForumItems(repos, event);
			if (!gathered.items.length && !gathered.safeguarding) return audit.refused(actor, 'report:export', eventId, 'nothing_to_report');
			const items = gathered.items.map((g) => g.item);
			const polls = await Promise.all(
				(await repos.polls.listByEvent(eventId))
					.filter((p) => p.status !== 'draft')
					.map(async (poll): Promise<ReportPoll> => {
						const tally = await deps.views.pollTally(poll);
						const rows = pollResultRows(poll, tally).map(({ label, count }) => ({ label, count }));
						return { question: poll.question, kind: poll.kind, answered: tally.answered, mean: tally.mean, rows };
					})
			);
			await audit.done(actor, 'report:export', eventId);
			const figures = reportFigures(items, gathered.participation, gathered.safeguarding);
			if (event.askAgeBand || event.askGender)
				figures.profiles = profileCounts(await repos.participants.countProfiles(eventId), {
					ageBand: event.askAgeBand,
					gender: event.askGender
				});
			return ok({ event, items, figures, polls, generatedAt: now() });
		}
	};
}

export type ReportService = ReturnType<typeof createReportService>;
