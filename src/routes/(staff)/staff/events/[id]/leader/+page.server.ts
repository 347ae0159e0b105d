import { authorise, isAgencyBound } from '$lib/domain/staff';
import { notFoundUnless, signedIn } from '$lib/server/http/guard';
import { forumApp } from '$lib/server/runtime';

/**
 * The leader's view on the day: the item on screen and the items addressed to their agency, to
 * mark answered or to follow up. Organisers and the MC see every agency's items here.
 */
export const load = async ({ params, locals }) => {
	const { actor } = signedIn(locals);
	const roles = actor.roles.filter((r) => r.eventId === params.id);
	const answersFor = roles.find((r) => r.role === 'leader');
	const runsTheRoom = authorise(actor, 'followUp:assign', { eventId: params.id });
	notFoundUnless(answersFor || runsTheRoom);
	const app = await forumApp();
	const event = await app.reads.eventFor(actor, 'event:view', params.id);
	notFoundUnless(event);
	// Before the day, once the organiser opens the list: what delegations sent ahead to this agency.
	const sentAhead = answersFor ? await app.preEvent.forAgency(actor, event.id) : [];
	return {
		event: { id: event.id, title: event.title, topics: event.topics, delegations: event.delegations, agencies: event.agencies },
		/** Null when this person answers for every agency (organisers, the MC). */
		agencyId: runsTheRoom ? null : (answersFor && isAgencyBound(answersFor.role) ? answersFor.agencyId : null),
		canAssign: runsTheRoom,
		sentAhead
	};
};
