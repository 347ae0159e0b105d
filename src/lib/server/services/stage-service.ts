import { canTakeTheStage, moveInQueue } from '$lib/domain/submission-flow';
import { ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import type { QueueInput, StageView } from '$lib/realtime/protocol';
import { auditTrail } from './audit-trail';
import type { ServiceDeps } from './deps';

/**
 * The MC's running of the room: the queue of questions to take, the one on the projection screen
 * (and on every phone), and the agenda item with its countdown.
 */
export function createStageService(deps: ServiceDeps) {
	const { repos, now } = deps;
	const audit = auditTrail(deps);
	const { announce, views } = deps;
	/** The stage as it now stands, told to the hall and returned for the MC's ack. */
	async function stageChanged(eventId: string): Promise<StageView> {
		const stage = await views.stage(eventId);
		await announce({ type: 'stage:changed', eventId, stage });
		return stage;
	}

	async function show(actor: StaffActor, eventId: string, submissionId: string | null): Promise<Result<StageView>> {
		if (submissionId) {
			const item = await repos.submissions.findById(submissionId);
			if (!item || item.eventId !== eventId) return audit.refused(actor, 'display:control', eventId, 'unknown_submission');
			// Nothing unmoderated, answered or merged is ever put before the hall.
			if (!canTakeTheStage(item.status)) return audit.refused(actor, 'display:control', eventId, 'not_on_stage');
			const queue = await repos.submissions.listQueue(eventId);
			if (queue.includes(submissionId)) {
				// It leaves the queue for the screen; the stage announcement below covers the hall.
				const rest = await repos.submissions.setQueue(eventId, queue.filter((id) => id !== submissionId));
				await announce({ type: 'queue:changed', eventId, queue: rest });
			}
		}
		await repos.events.setStage(eventId, { onScreenId: submissionId, onScreenSince: submissionId ? now() : null });
		await audit.done(actor, 'display:control', eventId, submissionId ? `on screen: ${submissionId}` : 'screen cleared');
		return ok(await stageChanged(eventId));
	}

	return {
		/** Puts an approved item at a place in the queue, moves it, or (position null) takes it out. */
		async setQueuePosition(actor: StaffActor | null, eventId: string, { submissionId, position }: QueueInput): Promise<Result<string[]>> {
			if (!actor || !authorise(actor, 'queue:manage', { eventId })) return audit.refused(actor, 'queue:manage', eventId, 'forbidden');
			const item = await repos.submissions.findById(submissionId);
			if (!item || item.eventId !== eventId) return audit.refused(actor, 'queue:manage', eventId, 'unknown_submission');
			if (position !== null && !canTakeTheStage(item.status)) return audit.refused(actor, 'queue:manage', eventId, 'not_on_stage');
			const queue = await repos.submissions.listQueue(eventId);
			const wanted = position === null ? queue.filter((id) => id !== submissionId) : moveInQueue(queue, submissionId, position);
			const stored = await repos.submissions.setQueue(eventId, wanted);
			await announce({ type: 'queue:changed', eventId, queue: stored });
			await announce({ type: 'stage:changed', eventId });
			return ok(stored);
		},

		/** Puts one approved item on the screen and every phone, or (null) clears the screen. */
		async show(actor: StaffActor | null, eventId: string, submissionId: string | null): Promise<Result<StageView>> {
			if (!actor || !authorise(actor, 'display:control', { eventId })) return audit.refused(actor, 'display:control', eventId, 'forbidden');
			return show(actor, eventId, submissionId);
		},

		/** "Next": the first queued item goes on screen; the one there leaves it (its status unchanged). */
		async next(actor: StaffActor | null, eventId: string): Promise<Result<StageView>> {
			if (!actor || !authorise(actor, 'display:control', { eventId })) return audit.refused(actor, 'display:control', eventId, 'forbidden');
			const [first] = await repos.submissions.listQueue(eventId);
			if (!first) return audit.refused(actor, 'display:control', eventId, 'queue_empty');
			return show(actor, eventId, first);
		},

		/** Shows (or takes down) last year's review on the screen, at the forum's opening. */
		async showReview(actor: StaffActor | null, eventId: string, on: boolean): Promise<Result<StageView>> {
			if (!actor || !authorise(actor, 'display:control', { eventId })) return audit.refused(actor, 'display:control', eventId, 'forbidden');
			const event = await repos.events.findById(eventId);
			if (!event) return audit.refused(actor, 'display:control', null, 'unknown_event');
			if (on && !event.predecessorId) return audit.refused(actor, 'display:control', eventId, 'no_predecessor');
			await repos.events.setStage(eventId, { reviewOnScreen: on });
			await audit.done(actor, 'display:control', eventId, on ? 'review on screen' : 'review off screen');
			return ok(await stageChanged(eventId));
		},

		/** Starts an agenda item (its countdown runs from now), or (null) ends the agenda. */
		async startAgendaItem(actor: StaffActor | null, eventId: string, agendaItemId: string | null): Promise<Result<StageView>> {
			if (!actor || !authorise(actor, 'agenda:run', { eventId })) return audit.refused(actor, 'agenda:run', eventId, 'forbidden');
			const event = await repos.events.findById(eventId);
			if (!event) return audit.refused(actor, 'agenda:run', null, 'unknown_event');
			if (agendaItemId && !event.agenda.some((a) => a.id === agendaItemId))
				return audit.refused(actor, 'agenda:run', eventId, 'unknown_agenda_item');
			await repos.events.setStage(eventId, { agendaCurrentId: agendaItemId, agendaStartedAt: agendaItemId ? now() : null });
			await audit.done(actor, 'agenda:run', eventId, agendaItemId ? `agenda: ${agendaItemId}` : 'agenda ended');
			return ok(await stageChanged(eventId));
		}
	};
}

export type StageService = ReturnType<typeof createStageService>;
