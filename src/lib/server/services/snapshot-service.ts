import type { Participant } from '$lib/domain/participant';
import type { DisplaySnapshot, ParticipantSnapshot } from '$lib/realtime/protocol';
import type { PollService } from './poll-service';
import type { SubmissionService } from './submission-service';

/**
 * What a phone or a screen redraws from after a (re)connect, and what their pages render first:
 * one place, so the server-rendered page and the live sync never disagree.
 */
export function createSnapshotService(submissions: SubmissionService, polls: PollService) {
	return {
		async participant(participant: Participant): Promise<ParticipantSnapshot> {
			const [snapshot, mine] = await Promise.all([submissions.participantSnapshot(participant), polls.participantView(participant)]);
			return { ...snapshot, polls: mine.polls, pollAnswers: mine.answers };
		},
		async display(eventId: string): Promise<DisplaySnapshot> {
			const [snapshot, list] = await Promise.all([submissions.displaySnapshot(eventId), polls.list(eventId, false)]);
			return { ...snapshot, polls: list };
		}
	};
}
