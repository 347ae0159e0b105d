import { fail, ok, type Result } from '$lib/domain/result';
import { isPublic } from '$lib/domain/submission';
import { refuseVote } from '$lib/domain/vote';
import type { Participant } from '$lib/domain/participant';
import type { SetVoteInput, VoteState } from '$lib/realtime/protocol';
import type { VoteChange, VoteRepository } from '../repositories';
import type { ServiceDeps } from './deps';

type Stored = { changed: boolean; votes: number };
interface Waiting extends VoteChange {
	eventId: string;
	settle(result: Stored | Error): void;
}

/**
 * Group commit: the votes that arrive within one turn of the event loop are stored in one
 * transaction, and each is acknowledged only once that transaction has committed. A storm of a
 * thousand votes a second paid a transaction each; now it pays one per turn. One batch is written
 * at a time; votes arriving meanwhile form the next. If a batch fails, its votes are tried again
 * one by one, so a single bad vote (its child or item gone meanwhile) costs no other child theirs;
 * a vote whose own write fails is refused, never acknowledged.
 */
function groupCommit(votes: VoteRepository, counted: (eventId: string, submissionId: string, votes: number) => Promise<void>) {
	let gathering: Waiting[] = [];
	let writing = false;
	let scheduled = false;

	async function write(batch: Waiting[]) {
		let results: (Stored | Error)[];
		try {
			results = await votes.setMany(batch);
		} catch (error) {
			if (batch.length === 1) results = [error instanceof Error ? error : new Error(String(error))];
			else results = await Promise.all(batch.map((vote) => votes.setMany([vote]).then(([one]) => one, (e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
		}
		// Each changed item's count is said once, with its count after the whole batch.
		const told = new Set<string>();
		for (const [i, vote] of batch.entries()) {
			const result = results[i];
			if (result instanceof Error || !result.changed || told.has(vote.submissionId)) continue;
			told.add(vote.submissionId);
			await counted(vote.eventId, vote.submissionId, result.votes).catch((error) => console.error('vote count announcement failed', error));
		}
		for (const [i, vote] of batch.entries()) vote.settle(results[i]);
	}

	async function flush() {
		scheduled = false;
		if (writing || !gathering.length) return;
		writing = true;
		const batch = gathering;
		gathering = [];
		try {
			await write(batch);
		} finally {
			writing = false;
			if (gathering.length) schedule();
		}
	}

	function schedule() {
		if (scheduled) return;
		scheduled = true;
		// After the I/O callbacks of this turn: every vote read off the sockets in it joins the batch.
		setImmediate(() => void flush());
	}

	return (eventId: string, change: VoteChange) =>
		new Promise<Stored>((resolve, reject) => {
			gathering.push({ ...change, eventId, settle: (result) => (result instanceof Error ? reject(result) : resolve(result)) });
			if (!writing) schedule();
		});
}

export function createVoteService({ repos, announce, limiter }: ServiceDeps) {
	const store = groupCommit(repos.votes, (eventId, submissionId, votes) => announce({ type: 'votes:changed', eventId, submissionId, votes }));
	/**
	 * A child's taps on one item are stored in the order they arrived: a vote and its withdrawal sent
	 * together must end withdrawn. The checks before the write await the database (on PostgreSQL, a
	 * round trip each), so a withdrawal could otherwise overtake its vote into an earlier group. Each
	 * tap waits only until the one before it has joined a group, so both still share one commit.
	 */
	const joined = new Map<string, Promise<void>>();
	return {
		/** One vote per child per item: setting it twice is harmless, withdrawing gives it back. */
		setVote(participant: Participant, input: SetVoteInput, clientKey: string | null = null): Promise<Result<VoteState>> {
			const key = `${participant.id}\u0000${input.submissionId}`;
			const before = joined.get(key) ?? Promise.resolve();
			let markJoined = () => {};
			const mine = new Promise<void>((resolve) => (markJoined = resolve));
			joined.set(key, mine);
			return before
				.then(() => setVoteNow(participant, input, clientKey, markJoined))
				.finally(() => {
					markJoined();
					if (joined.get(key) === mine) joined.delete(key);
				});
		}
	};

	async function setVoteNow(participant: Participant, { submissionId, voted }: SetVoteInput, clientKey: string | null, markJoined: () => void): Promise<Result<VoteState>> {
		const submission = await repos.submissions.findById(submissionId);
		const refusal = refuseVote(submission && { ...submission, public: isPublic(submission.status) }, participant);
		if (refusal) return fail(refusal);
		if (!(await limiter.allow('vote', participant.id))) return fail('rate_limited');
		// The address's ceiling: a whole hall shares one, so it is sized far above a hall (rate-limit.ts).
		if (clientKey && !(await limiter.allow('votePerAddress', clientKey))) return fail('rate_limited');

		const stored = store(participant.eventId, { submissionId, participantId: participant.id, voted });
		markJoined();
		const { votes } = await stored;
		return ok({ submissionId, votes, voted });
	}
}

export type VoteService = ReturnType<typeof createVoteService>;
