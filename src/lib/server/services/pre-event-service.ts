import type { PublicEventDetails } from '$lib/domain/event';
import {
	closesAt,
	EDITABLE_STATUSES,
	isOpen,
	PRE_LIMIT_MAX,
	preEventOverview,
	type PreEventItem,
	type PreEventOverview,
	type PreEventSettings
} from '$lib/domain/pre-event';
import { fail, ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import type { SubmissionKind } from '$lib/domain/submission';
import { generateSessionToken, sessionIdFromToken, TOKEN_PATTERN } from '../auth/participant-session';
import type { ChaperoneLink, StoredSubmission } from '../repositories';
import { auditTrail } from './audit-trail';
import { NEW_SUBMISSION, type ServiceDeps } from './deps';
import { startingPoint } from './text-check';

export interface PreEventItemInput {
	kind: SubmissionKind;
	topicId: string;
	agencyId: string | null;
	/** Already normalised and length-checked by the form's schema. */
	text: string;
}

/** What a chaperone's private page shows. */
export interface ChaperoneView {
	event: Pick<PublicEventDetails, 'id' | 'title' | 'topics' | 'agencies'>;
	delegation: { id: string; name: string };
	closesAt: number | null;
	open: boolean;
	limit: number;
	items: PreEventItem[];
}

const toItem = (s: StoredSubmission): PreEventItem => ({
	id: s.id,
	kind: s.kind,
	topicId: s.topicId,
	agencyId: s.agencyId,
	delegationId: s.delegationId,
	text: s.text,
	status: s.status,
	originLabel: s.originLabel
});

/**
 * Items sent before the day: the organiser hands each delegation's chaperone a private link (no
 * account); the chaperone sends, changes and takes back items until the deadline, within the
 * organiser's limit; the items are ordinary items of the event (moderated, safeguarded) that the
 * MC can queue on the day and children can upvote.
 */
export function createPreEventService(deps: ServiceDeps) {
	const { repos, now } = deps;
	const audit = auditTrail(deps);

	/** A forged or revoked link reads the same: unknown. */
	async function linkOf(token: string): Promise<Result<{ link: ChaperoneLink; event: NonNullable<Awaited<ReturnType<typeof repos.events.findById>>> }>> {
		if (!TOKEN_PATTERN.test(token)) return fail('link_invalid');
		const link = await repos.preEvent.findLink(sessionIdFromToken(token));
		if (!link) return fail('link_invalid');
		if (link.revokedAt !== null) return audit.refused(null, 'preEvent:send', link.eventId, 'link_invalid');
		const event = await repos.events.findById(link.eventId);
		return event ? ok({ link, event }) : fail('link_invalid');
	}

	/** The link, checked to be still sending: before the deadline. */
	async function openLink(token: string) {
		const found = await linkOf(token);
		if (!found.ok) return found;
		const settings = await repos.preEvent.settings(found.data.event.id);
		if (!isOpen(settings, found.data.event.startsAt, now())) return fail('pre_event_closed');
		return ok({ ...found.data, settings });
	}

	function checkChoice(event: { topics: { id: string }[]; agencies: { id: string }[] }, input: PreEventItemInput): Result<null> {
		if (!event.topics.some((t) => t.id === input.topicId)) return fail('unknown_topic');
		if (input.agencyId && !event.agencies.some((a) => a.id === input.agencyId)) return fail('unknown_agency');
		return ok(null);
	}

	const countsAgainstLimit = (items: StoredSubmission[]) => items.filter((i) => i.status !== 'withdrawn').length;

	return {
		async chaperoneView(token: string): Promise<Result<ChaperoneView>> {
			const found = await linkOf(token);
			if (!found.ok) return found;
			const { link, event } = found.data;
			const settings = await repos.preEvent.settings(event.id);
			const items = await repos.preEvent.listByDelegation(event.id, link.delegationId);
			return ok({
				event: { id: event.id, title: event.title, topics: event.topics, agencies: event.agencies },
				delegation: event.delegations.find((d) => d.id === link.delegationId) ?? { id: link.delegationId, name: '' },
				closesAt: closesAt(settings, event.startsAt),
				open: isOpen(settings, event.startsAt, now()),
				limit: settings.limit,
				items: items.filter((i) => i.status !== 'withdrawn').map(toItem)
			});
		},

		async send(token: string, input: PreEventItemInput): Promise<Result<PreEventItem>> {
			const found = await openLink(token);
			if (!found.ok) return found;
			const { link, event, settings } = found.data;
			const choice = checkChoice(event, input);
			if (!choice.ok) return choice;
			if (countsAgainstLimit(await repos.preEvent.listByDelegation(event.id, link.delegationId)) >= settings.limit)
				return fail('pre_event_limit');
			const topic = event.topics.find((t) => t.id === input.topicId)!;
			const { status, held } = startingPoint(input.text, event.wordFilter, event.moderation);
			const { stored } = await repos.submissions.insertIfAbsent({
				...NEW_SUBMISSION,
				id: deps.newId(),
				eventId: event.id,
				participantId: null,
				delegationId: link.delegationId,
				kind: input.kind,
				topicId: input.topicId,
				agencyId: input.agencyId ?? topic.agencyId,
				text: input.text,
				authorName: null,
				status,
				heldReason: held ? 'word_filter' : null,
				createdAt: now(),
				chaperoneLinkId: link.id
			});
			await deps.announce({ type: 'submission:added', submission: stored });
			return ok(toItem(stored));
		},

		/** Changes an item of this delegation's, before the deadline and before the moderators act on it. */
		async edit(token: string, itemId: string, input: PreEventItemInput): Promise<Result<PreEventItem>> {
			const found = await openLink(token);
			if (!found.ok) return found;
			const { link, event } = found.data;
			const item = await repos.submissions.findById(itemId);
			if (!item || item.eventId !== event.id || item.delegationId !== link.delegationId || !item.chaperoneLinkId) return fail('unknown_submission');
			const choice = checkChoice(event, input);
			if (!choice.ok) return choice;
			const topic = event.topics.find((t) => t.id === input.topicId)!;
			// A changed text is checked again: the word filter and the danger phrases apply anew.
			const { status, held } = startingPoint(input.text, event.wordFilter, event.moderation);
			const changed = await repos.submissions.transition(item.id, EDITABLE_STATUSES, {
				status,
				heldReason: held ? 'word_filter' : null,
				kind: input.kind,
				topicId: input.topicId,
				agencyId: input.agencyId ?? topic.agencyId,
				text: input.text
			});
			if (!changed) return fail('not_editable');
			await deps.announce({ type: 'submission:changed', submission: changed, previous: item });
			return ok(toItem(changed));
		},

		async withdraw(token: string, itemId: string): Promise<Result<PreEventItem>> {
			const found = await openLink(token);
			if (!found.ok) return found;
			const item = await repos.submissions.findById(itemId);
			if (!item || item.eventId !== found.data.event.id || item.delegationId !== found.data.link.delegationId || !item.chaperoneLinkId)
				return fail('unknown_submission');
			const changed = await repos.submissions.transition(item.id, EDITABLE_STATUSES, { status: 'withdrawn' });
			if (!changed) return fail('not_editable');
			await deps.announce({ type: 'submission:changed', submission: changed, previous: item });
			return ok(toItem(changed));
		},

		/** A new private link for a delegation; the earlier one stops working. The token is shown once. */
		async createLink(actor: StaffActor | null, eventId: string, delegationId: string): Promise<Result<{ token: string }>> {
			if (!actor || !authorise(actor, 'preEvent:manage', { eventId })) return audit.refused(actor, 'preEvent:manage', eventId, 'forbidden');
			const event = await repos.events.findById(eventId);
			if (!event?.delegations.some((d) => d.id === delegationId)) return fail('unknown_delegation');
			const token = generateSessionToken();
			await repos.preEvent.replaceLink({ id: sessionIdFromToken(token), eventId, delegationId, createdAt: now(), revokedAt: null });
			await audit.done(actor, 'preEvent:manage', eventId, `chaperone link for delegation ${delegationId}`);
			return ok({ token });
		},

		async revokeLink(actor: StaffActor | null, eventId: string, delegationId: string): Promise<Result<null>> {
			if (!actor || !authorise(actor, 'preEvent:manage', { eventId })) return audit.refused(actor, 'preEvent:manage', eventId, 'forbidden');
			await repos.preEvent.revokeLink(eventId, delegationId, now());
			await audit.done(actor, 'preEvent:manage', eventId, `chaperone link revoked for delegation ${delegationId}`);
			return ok(null);
		},

		async saveSettings(actor: StaffActor | null, eventId: string, settings: PreEventSettings): Promise<Result<PreEventSettings>> {
			if (!actor || !authorise(actor, 'preEvent:manage', { eventId })) return audit.refused(actor, 'preEvent:manage', eventId, 'forbidden');
			if (!Number.isInteger(settings.limit) || settings.limit < 1 || settings.limit > PRE_LIMIT_MAX) return fail('invalid_payload');
			const before = await repos.preEvent.settings(eventId);
			await repos.preEvent.saveSettings(eventId, settings);
			await audit.done(actor, 'preEvent:manage', eventId, `settings ${JSON.stringify(before)} → ${JSON.stringify(settings)}`);
			return ok(settings);
		},

		/** The organiser's view: settings, working links, and everything sent ahead, grouped. */
		async overview(
			actor: StaffActor | null,
			eventId: string
		): Promise<Result<{ settings: PreEventSettings; linkedDelegations: string[]; overview: PreEventOverview }>> {
			if (!actor || !authorise(actor, 'preEvent:manage', { eventId })) return audit.refused(actor, 'preEvent:manage', eventId, 'forbidden');
			const event = await repos.events.findById(eventId);
			if (!event) return fail('unknown_event');
			const [settings, links, items] = await Promise.all([
				repos.preEvent.settings(eventId),
				repos.preEvent.listLinks(eventId),
				repos.preEvent.listForEvent(eventId)
			]);
			return ok({ settings, linkedDelegations: links.map((l) => l.delegationId), overview: preEventOverview(items.map(toItem), event) });
		},

		/** A leader's view before the day, once the organiser opens the list: items addressed to their agency. */
		async forAgency(actor: StaffActor | null, eventId: string): Promise<PreEventItem[]> {
			const agencies = actor?.roles.filter((r) => r.eventId === eventId && r.role === 'leader').map((r) => r.agencyId) ?? [];
			if (!agencies.length || !(await repos.preEvent.settings(eventId)).openToAgencies) return [];
			const items = await repos.preEvent.listForEvent(eventId);
			return items
				.filter((i) => agencies.includes(i.agencyId) && i.status !== 'safeguarding' && i.status !== 'withdrawn' && i.status !== 'rejected')
				.map(toItem);
		}
	};
}

export type PreEventService = ReturnType<typeof createPreEventService>;
