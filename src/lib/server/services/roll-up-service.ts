import { isHigherLevel, type EventDetails } from '$lib/domain/event';
import { isOverdue } from '$lib/domain/follow-up';
import { profileCounts } from '$lib/domain/report';
import { ok, type Result } from '$lib/domain/result';
import { forumFigures, rollUpTotals, type ForumFigures, type RollUpForum, type RollUpItem } from '$lib/domain/roll-up';
import { authorise, type StaffActor } from '$lib/domain/staff';
import { SUBMISSION_STATUSES } from '$lib/domain/submission';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';
import { gatherForumItems } from './forum-items';

export interface RollUp {
	/** The higher-level forum the results compile into. */
	event: EventDetails;
	forums: RollUpForum[];
	totals: ForumFigures;
	generatedAt: number;
}

/**
 * The province compiles: an organiser links the lower-level forums they also run to a higher-level
 * one (a district's to the province's), and the roll-up reads every forum linked to it, local or
 * imported, through the same repositories as each forum's own report.
 */
export function createRollUpService(deps: ServiceDeps) {
	const { repos, now } = deps;
	const audit = auditTrail(deps);

	const organises = (actor: StaffActor, eventId: string) => authorise(actor, 'event:edit', { eventId });

	/** One lower-level forum's figures. `forwarded` holds the ids of items the parent received from below. */
	async function forumOf(event: EventDetails, forwarded: ReadonlySet<string>, at: number): Promise<RollUpForum> {
		const { items: gathered, participation, safeguarding } = await gatherForumItems(repos, event);
		const items: RollUpItem[] = gathered.map(({ item, followUp, submissionId }) => ({
			...item,
			overdue: followUp ? isOverdue(followUp, at) : false,
			forwardedUpwards: forwarded.has(submissionId)
		}));
		// Gender balance only where it was asked with the legal representatives' consent recorded.
		const gender =
			event.askGender && event.personalDataConsentAt
				? profileCounts(await repos.participants.countProfiles(event.id), { ageBand: false, gender: true }).gender
				: null;
		const input = {
			eventId: event.id,
			title: event.title,
			level: event.level,
			organisingUnit: event.organisingUnit,
			startsAt: event.startsAt,
			participation,
			gender,
			items,
			safeguarding
		};
		return { eventId: input.eventId, title: input.title, level: input.level, organisingUnit: input.organisingUnit, startsAt: input.startsAt, figures: forumFigures(input) };
	}

	return {
		/** Lower-level forums of this installation the organiser also runs, and those already linked here. */
		async links(actor: StaffActor | null, parentEventId: string) {
			if (!actor || !organises(actor, parentEventId)) return null;
			const parent = await repos.events.findById(parentEventId);
			if (!parent) return null;
			const linked = await repos.events.listChildren(parentEventId);
			const linkedIds = new Set(linked.map((e) => e.id));
			const ids = [...new Set(actor.roles.filter((r) => r.role === 'organiser' && r.eventId !== parentEventId).map((r) => r.eventId))];
			const organised = (await Promise.all(ids.map((id) => repos.events.findById(id)))).filter((e) => e !== null);
			return {
				linked: linked.map((e) => ({ id: e.id, title: e.title, level: e.level })),
				linkable: organised
					.filter((e) => !linkedIds.has(e.id) && isHigherLevel(e.level, parent.level))
					.map((e) => ({ id: e.id, title: e.title, level: e.level, linkedElsewhere: Boolean(e.parentEventId) }))
			};
		},

		/** Links a lower-level forum the organiser also runs; a forum compiles into one parent at a time. */
		async link(actor: StaffActor | null, parentEventId: string, childEventId: string): Promise<Result<{ linked: string }>> {
			if (!actor || !organises(actor, parentEventId)) return audit.refused(actor, 'rollUp:link', parentEventId, 'forbidden');
			const [parent, child] = await Promise.all([repos.events.findById(parentEventId), childEventId ? repos.events.findById(childEventId) : null]);
			if (!parent || !child) return audit.refused(actor, 'rollUp:link', parentEventId, 'unknown_event');
			// Only a forum this organiser also runs: another's forum is theirs to link.
			if (!organises(actor, child.id)) return audit.refused(actor, 'rollUp:link', parentEventId, 'forbidden');
			if (!isHigherLevel(child.level, parent.level)) return audit.refused(actor, 'rollUp:link', parentEventId, 'forward_level');
			await repos.events.setParent(child.id, parent.id);
			await audit.done(actor, 'rollUp:link', parentEventId, `${child.id} linked`);
			return ok({ linked: child.id });
		},

		/** Takes a forum out of this roll-up (the higher level's organiser decides what it compiles). */
		async unlink(actor: StaffActor | null, parentEventId: string, childEventId: string): Promise<Result<{ unlinked: string }>> {
			if (!actor || !organises(actor, parentEventId)) return audit.refused(actor, 'rollUp:unlink', parentEventId, 'forbidden');
			const child = await repos.events.findById(childEventId);
			if (!child || child.parentEventId !== parentEventId) return audit.refused(actor, 'rollUp:unlink', parentEventId, 'unknown_event');
			await repos.events.setParent(child.id, null);
			await audit.done(actor, 'rollUp:unlink', parentEventId, `${child.id} unlinked`);
			return ok({ unlinked: child.id });
		},

		/** Notes a download in the higher-level forum's log: the compiled files leave the installation. */
		async recordExport(actor: StaffActor, parentEventId: string, format: string) {
			await audit.done(actor, 'rollUp:export', parentEventId, format);
		},

		/** Every linked forum's figures and the totals, for the page, the Word document and the workbook. */
		async gather(actor: StaffActor | null, parentEventId: string, at = now()): Promise<Result<RollUp>> {
			if (!actor || !authorise(actor, 'report:export', { eventId: parentEventId })) return audit.refused(actor, 'rollUp:view', parentEventId, 'forbidden');
			const event = await repos.events.findById(parentEventId);
			if (!event) return audit.refused(actor, 'rollUp:view', null, 'unknown_event');
			const [children, received] = await Promise.all([repos.events.listChildren(parentEventId), repos.submissions.listByStatus(parentEventId, SUBMISSION_STATUSES)]);
			const forwarded = new Set(received.map((s) => s.originSubmissionId).filter((id) => id !== null));
			const forums = await Promise.all(children.map((child) => forumOf(child, forwarded, at)));
			return ok({ event, forums, totals: rollUpTotals(forums.map((f) => f.figures)), generatedAt: at });
		}
	};
}

export type RollUpService = ReturnType<typeof createRollUpService>;
