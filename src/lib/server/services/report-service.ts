import { nameIn } from '$lib/domain/event';
import { profileCounts, reportFigures, type ReportFigures, type ReportItem } from '$lib/domain/report';
import type { EventDetails } from '$lib/domain/event';
import { ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import { SUBMISSION_STATUSES } from '$lib/domain/submission';
import { pollResultRows, type PollKind } from '$lib/domain/poll';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';

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
			// Withdrawn and merged items are the children's own choices or duplicates: not reported
			// as items (merged ones count through the item they were merged into). Safeguarding items
			// are never gathered: every file made from this report may be sent on to agencies, and
			// the organiser acts on those items from the private safeguarding view alone.
			const statuses = SUBMISSION_STATUSES.filter((s) => s !== 'withdrawn' && s !== 'merged' && s !== 'safeguarding');
			const [stored, followUps, participation, safeguarding] = await Promise.all([
				repos.submissions.listByStatus(eventId, statuses),
				repos.followUps.listForEvent(eventId),
				repos.participants.countByDelegation(eventId),
				repos.submissions.listByStatus(eventId, ['safeguarding']).then((found) => found.length)
			]);
			if (!stored.length && !safeguarding) return audit.refused(actor, 'report:export', eventId, 'nothing_to_report');
			const bySubmission = new Map(followUps.map((f) => [f.submissionId, f]));
			const items: ReportItem[] = stored
				.sort((a, b) => a.createdAt - b.createdAt)
				.map((item) => {
					const followUp = bySubmission.get(item.id);
					return {
						kind: item.kind,
						status: item.status,
						topic: nameIn(event.topics, item.topicId),
						delegation: nameIn(event.delegations, item.delegationId),
						agency: nameIn(event.agencies, followUp?.agencyId ?? item.agencyId),
						text: item.text,
						votes: item.votes,
						answerSummary: item.answerSummary,
						answeredBy: item.answeredBy,
						followUpStatus: followUp?.status ?? null,
						followUpResponse: followUp?.response ?? '',
						followUpReason: followUp?.reason ?? '',
						followUpWayForward: followUp?.wayForward ?? ''
					};
				});
			const delegations = event.delegations.map((d) => ({
				delegation: d.name,
				participants: participation.find((p) => p.delegationId === d.id)?.n ?? 0
			}));
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
			const figures = reportFigures(items, delegations, safeguarding);
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
