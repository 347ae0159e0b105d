import { isHigherLevel, nameIn, type EventDetails, type NamedEntry } from '$lib/domain/event';
import { ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import { isPublic, type Submission } from '$lib/domain/submission';
import { auditTrail } from './audit-trail';
import { NEW_SUBMISSION, type ServiceDeps } from './deps';

export interface ForwardInput {
	targetEventId: string;
	/** The delegation of the higher-level forum that carries the items (e.g. this district's). */
	targetDelegationId: string;
	submissionIds: string[];
}

const key = (name: string) => name.toLocaleLowerCase('vi').trim();

/**
 * An item of a lower-level forum as it arrives in a higher one: waiting for moderation, carried by
 * the delegation chosen, its topic and agency matched by name, with where it came from. The same for
 * a forum on this installation and one imported from another's package.
 */
export function forwardedCopy(
	source: { title: string; topics: NamedEntry[]; agencies: NamedEntry[] },
	target: EventDetails,
	targetDelegationId: string,
	item: Pick<Submission, 'id' | 'kind' | 'text' | 'topicId' | 'agencyId'>,
	made: { id: string; at: number }
): Submission {
	const topicName = nameIn(source.topics, item.topicId);
	const agencyName = nameIn(source.agencies, item.agencyId);
	const topic = target.topics.find((t) => key(t.name) === key(topicName)) ?? target.topics[0];
	const agency = target.agencies.find((a) => key(a.name) === key(agencyName));
	return {
		...NEW_SUBMISSION,
		id: made.id,
		eventId: target.id,
		participantId: null,
		delegationId: targetDelegationId,
		kind: item.kind,
		topicId: topic.id,
		agencyId: agency?.id ?? topic.agencyId,
		text: item.text,
		authorName: null,
		status: 'pending',
		createdAt: made.at,
		originSubmissionId: item.id,
		originLabel: source.title
	};
}

/**
 * "Upward": the organiser sends this forum's recommendations and messages to a higher-level forum
 * they also organise (district → province), where they arrive waiting for moderation, with where
 * they came from. Forwarding the same item twice stores it once.
 */
export function createForwardingService(deps: ServiceDeps) {
	const { repos, now, newId } = deps;
	const audit = auditTrail(deps);

	return {
		/** Higher-level forums this organiser may forward to, with their delegations. */
		async targets(actor: StaffActor | null, sourceEventId: string) {
			const source = await repos.events.findById(sourceEventId);
			if (!actor || !source) return [];
			const ids = actor.roles.filter((r) => r.role === 'organiser' && r.eventId !== sourceEventId).map((r) => r.eventId);
			const events = (await Promise.all(ids.map((id) => repos.events.findById(id)))).filter((e) => e !== null);
			return events
				.filter((e) => isHigherLevel(source.level, e.level))
				.map((e) => ({ id: e.id, title: e.title, delegations: e.delegations }));
		},

		async forward(actor: StaffActor | null, sourceEventId: string, input: ForwardInput): Promise<Result<{ forwarded: number }>> {
			if (!actor || !authorise(actor, 'event:edit', { eventId: sourceEventId }))
				return audit.refused(actor, 'event:forward', sourceEventId, 'forbidden');
			// Forwarding into a forum the organiser does not run is refused like any foreign event.
			if (!authorise(actor, 'event:edit', { eventId: input.targetEventId }))
				return audit.refused(actor, 'event:forward', sourceEventId, 'forbidden');
			const [source, target] = await Promise.all([repos.events.findById(sourceEventId), repos.events.findById(input.targetEventId)]);
			if (!source || !target) return audit.refused(actor, 'event:forward', sourceEventId, 'unknown_event');
			if (!isHigherLevel(source.level, target.level)) return audit.refused(actor, 'event:forward', sourceEventId, 'forward_level');
			if (!target.delegations.some((d) => d.id === input.targetDelegationId))
				return audit.refused(actor, 'event:forward', sourceEventId, 'unknown_delegation');
			if (!input.submissionIds.length) return audit.refused(actor, 'event:forward', sourceEventId, 'nothing_selected');
			const items = await Promise.all(input.submissionIds.map((id) => repos.submissions.findById(id)));
			const valid = items.every(
				(item) => item && item.eventId === sourceEventId && item.kind !== 'question' && isPublic(item.status)
			);
			if (!valid) return audit.refused(actor, 'event:forward', sourceEventId, 'forward_invalid');

			let forwarded = 0;
			for (const item of items) {
				if (!item) continue;
				const { inserted, stored } = await repos.submissions
					.insertIfAbsent(forwardedCopy(source, target, input.targetDelegationId, item, { id: newId(), at: now() }))
					.catch(() => ({ inserted: false, stored: null }));
				// Already forwarded (the unique origin index refused a second copy): nothing new.
				if (inserted && stored) {
					forwarded++;
					await deps.announce({ type: 'submission:added', submission: stored });
				}
			}
			await audit.done(actor, 'event:forward', sourceEventId, `${forwarded} items to ${target.id}`);
			return ok({ forwarded });
		}
	};
}

export type ForwardingService = ReturnType<typeof createForwardingService>;
