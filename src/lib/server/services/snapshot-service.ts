import type { Participant } from '$lib/domain/participant';
import { isPublic, publicView, SUBMISSION_STATUSES, type SubmissionView } from '$lib/domain/submission';
import type { DisplaySnapshot, ParticipantDelta, ParticipantSnapshot, SyncCursor } from '$lib/realtime/protocol';
import type { ServiceDeps } from './deps';
import type { PollService } from './poll-service';
import type { SubmissionService } from './submission-service';

const PUBLIC_STATUSES = SUBMISSION_STATUSES.filter(isPublic);

/** Further behind than this many versions, a phone gets a full snapshot: the delta would be as large. */
export const MAX_DELTA_VERSIONS = 200;
/**
 * Versions re-sent below the phone's cursor. A phone moves its cursor with the broadcasts it hears;
 * changes committed in one order can be announced in another (PostgreSQL's concurrent commits), so
 * a few changes just below the newest one it heard are sent again: re-applying an item is harmless.
 */
export const DELTA_OVERLAP = 8;

export interface SnapshotOptions {
	/**
	 * Keep the event's public items as the hall sees them, per event version, instead of reading
	 * them again for every phone; the counts are read fresh each time (votes move no version).
	 */
	sharedCache?: boolean;
}

/**
 * What a phone or a screen redraws from after a (re)connect, and what their pages render first:
 * one place, so the server-rendered page and the live sync never disagree. A phone that names the
 * cursor of what it has gets only what changed since (a restart brings a whole hall back at once).
 */
export function createSnapshotService(
	{ repos, views }: Pick<ServiceDeps, 'repos' | 'views'>,
	submissions: SubmissionService,
	polls: PollService,
	{ sharedCache = true }: SnapshotOptions = {}
) {
	const shared = new Map<string, { key: string; items: SubmissionView[] }>();
	/**
	 * The changed items of a delta, per event, cursor and overlap: after a restart a whole hall
	 * resyncs from the same few cursors, and reads them once (the read itself is shared, so phones
	 * arriving while it is under way on PostgreSQL wait for it rather than read again). Their counts
	 * may be old; the delta's `counts`, read fresh, are what the phone keeps (VoteCounts).
	 */
	const changedShared = new Map<string, { epoch: string; version: number; reads: Map<number, Promise<SubmissionView[]>> }>();
	const CHANGED_KEPT = 8;

	function changedSince(eventId: string, from: number, cursor: SyncCursor): Promise<SubmissionView[]> {
		const read = async () => (await repos.sync.changedSince(eventId, from, PUBLIC_STATUSES)).map((s) => publicView(s));
		if (!sharedCache) return read();
		let kept = changedShared.get(eventId);
		// A newer version makes every kept read useless: start again rather than grow. A phone whose
		// cursor was read before that change reads for itself.
		if (!kept || kept.epoch !== cursor.epoch || kept.version < cursor.version)
			changedShared.set(eventId, (kept = { epoch: cursor.epoch, version: cursor.version, reads: new Map() }));
		else if (kept.version > cursor.version) return read();
		const reads = kept.reads;
		let reading = reads.get(from);
		if (!reading) {
			reading = read();
			if (reads.size < CHANGED_KEPT) {
				reads.set(from, reading);
				reading.catch(() => reads.delete(from));
			}
		}
		return reading;
	}

	/** The public items at (or after) this cursor, with the counts of now. */
	async function publicItems(eventId: string, cursor: SyncCursor): Promise<SubmissionView[]> {
		const key = `${cursor.epoch}:${cursor.version}`;
		let cached = sharedCache ? shared.get(eventId) : undefined;
		if (!cached || cached.key !== key) {
			const items = (await repos.submissions.listByStatus(eventId, PUBLIC_STATUSES)).map((s) => publicView(s));
			if (!sharedCache) return items;
			shared.set(eventId, (cached = { key, items }));
		}
		// The item list was read after the cursor: it is at least that new. Counts are not versioned.
		const counts = new Map((await repos.sync.voteCounts(eventId, PUBLIC_STATUSES)).map((c) => [c.submissionId, c.votes]));
		return cached.items.flatMap((item) => {
			const votes = counts.get(item.id);
			if (votes === undefined) return [];
			return votes === item.votes ? [item] : [{ ...item, votes }];
		});
	}

	async function full(participant: Participant, cursor: SyncCursor): Promise<ParticipantSnapshot> {
		const [items, mine, votedIds, stage, own] = await Promise.all([
			publicItems(participant.eventId, cursor),
			submissions.mine(participant),
			repos.votes.listVotedIds(participant.id),
			views.stage(participant.eventId),
			polls.participantView(participant)
		]);
		return { submissions: items, mine, votedIds, onScreen: stage.onScreen, polls: own.polls, pollAnswers: own.answers, cursor };
	}

	async function delta(participant: Participant, since: SyncCursor, cursor: SyncCursor): Promise<ParticipantDelta> {
		const from = Math.max(0, since.version - DELTA_OVERLAP);
		const [changed, counts, mine, votedIds, stage, own] = await Promise.all([
			changedSince(participant.eventId, from, cursor),
			repos.sync.voteCounts(participant.eventId, PUBLIC_STATUSES),
			submissions.mine(participant),
			repos.votes.listVotedIds(participant.id),
			views.stage(participant.eventId),
			polls.participantView(participant)
		]);
		return {
			delta: true,
			cursor,
			changed,
			counts,
			mine,
			votedIds,
			onScreen: stage.onScreen,
			// A shown poll's tally moves with every answer, which moves no version: it is always sent.
			polls: own.polls.filter((p) => (p.version ?? 0) > from || p.resultsShown),
			pollAnswers: own.answers
		};
	}

	/** Whether the phone's cursor can be continued from: the same database, not ahead, not too far behind. */
	const continuable = (since: SyncCursor | undefined, cursor: SyncCursor): since is SyncCursor =>
		!!since && since.epoch === cursor.epoch && since.version <= cursor.version && cursor.version - since.version <= MAX_DELTA_VERSIONS;

	return {
		/** Whole: what the phone's page renders first. */
		async participant(participant: Participant): Promise<ParticipantSnapshot> {
			return full(participant, await repos.sync.cursor(participant.eventId));
		},
		/** A phone's resync after a (re)connect: what changed since its cursor, or whole when that cannot be continued. */
		async participantSync(participant: Participant, since?: SyncCursor): Promise<ParticipantSnapshot | ParticipantDelta> {
			// Read first: whatever changes while the rest is read is newer than it, and comes again next time.
			const cursor = await repos.sync.cursor(participant.eventId);
			return continuable(since, cursor) ? delta(participant, since, cursor) : full(participant, cursor);
		},
		async display(eventId: string): Promise<DisplaySnapshot> {
			const [snapshot, list] = await Promise.all([submissions.displaySnapshot(eventId), polls.list(eventId, false)]);
			return { ...snapshot, polls: list };
		}
	};
}
