/**
 * Opinion polls of children (thăm dò ý kiến trẻ em): the kinds of question, what counts as an
 * answer to each, and the tally. One answer per child per poll; a child may change it while the
 * poll is open, and the latest answer is the one counted. Pure: no I/O.
 */
import { fail, ok, type Result } from './result';
import { normaliseText } from './submission';

export const POLL_KINDS = ['single', 'multiple', 'rating', 'word_cloud', 'open'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export type PollStatus = 'draft' | 'open' | 'closed';

export const POLL_WORD_MAX = 60;
export const POLL_OPEN_TEXT_MAX = 500;

export interface PollOption {
	id: string;
	label: string;
}

export interface Poll {
	id: string;
	kind: PollKind;
	question: string;
	options: PollOption[];
	/** The rating scale, e.g. 1 to 5. */
	scale: { min: number; max: number };
	status: PollStatus;
	/** The event's version at the poll's last change, as on items (the storage stamps it). */
	version?: number;
}

export type PollAnswer =
	| { optionId: string }
	| { optionIds: string[] }
	| { value: number }
	/** Word cloud and open answer; an open answer is also an item (`itemId`) moderated like any other. */
	| { text: string; itemId?: string };

/** Checks one child's answer against the poll; nothing is stored unless it holds. */
export function validateAnswer(poll: Poll, answer: PollAnswer): Result<PollAnswer> {
	if (poll.status !== 'open') return fail('poll_closed');
	const known = (id: string) => poll.options.some((o) => o.id === id);
	switch (poll.kind) {
		case 'single':
			if (!('optionId' in answer)) return fail('invalid_payload');
			return known(answer.optionId) ? ok({ optionId: answer.optionId }) : fail('unknown_option');
		case 'multiple': {
			if (!('optionIds' in answer) || !answer.optionIds.length) return fail('invalid_payload');
			const ids = [...new Set(answer.optionIds)];
			return ids.every(known) ? ok({ optionIds: ids }) : fail('unknown_option');
		}
		case 'rating':
			if (!('value' in answer) || !Number.isInteger(answer.value)) return fail('invalid_payload');
			return answer.value >= poll.scale.min && answer.value <= poll.scale.max ? ok({ value: answer.value }) : fail('unknown_option');
		case 'word_cloud':
		case 'open': {
			if (!('text' in answer)) return fail('invalid_payload');
			const text = normaliseText(answer.text);
			const max = poll.kind === 'word_cloud' ? POLL_WORD_MAX : POLL_OPEN_TEXT_MAX;
			if (!text) return fail('text_empty');
			return text.length > max ? fail('text_too_long') : ok({ text });
		}
	}
}

/** Syllables that carry no meaning on their own in a child's short answer (with diacritics). */
const CLOUD_STOP_WORDS = new Set(
	'và, là, của, có, cho, em, các, những, một, thì, mà, với, được, để, rất, nhiều, hơn, ạ, à, nhé, muốn, cần, mong, thêm, về, ở, trong'
		.split(', ')
);

/**
 * A word-cloud answer as the phrases it names: split at commas, semicolons and line breaks,
 * lower-cased, diacritics kept, and stop words trimmed from either end, so "em muốn sân chơi"
 * counts as "sân chơi", whole. Vietnamese words span several syllables; a phrase is not cut up.
 */
export function cloudPhrases(text: string): string[] {
	return normaliseText(text)
		.toLocaleLowerCase('vi')
		.split(/[,;\n.!?]+/)
		.map((part) => {
			const words = part.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
			while (words.length && CLOUD_STOP_WORDS.has(words[0])) words.shift();
			while (words.length && CLOUD_STOP_WORDS.has(words.at(-1)!)) words.pop();
			return words.join(' ');
		})
		.filter(Boolean);
}

export interface PollTally {
	answered: number;
	/** Children per option (single, multiple). */
	options: Record<string, number>;
	/** Children per rating value, and the mean. */
	ratings: Record<number, number>;
	mean: number | null;
	/** Phrases and how many children gave each, most first (word cloud). */
	words: { text: string; count: number }[];
	/** Open answers the moderators let through (filled by the service, which knows the items). */
	texts: string[];
}

/** Counts one answer per child, their latest; earlier answers from the same child are replaced. */
export function tallyPoll(poll: Poll, answers: readonly { participantId: string; answer: PollAnswer; at: number }[]): PollTally {
	const latest = new Map<string, PollAnswer>();
	for (const a of [...answers].sort((x, y) => x.at - y.at)) latest.set(a.participantId, a.answer);
	const options = Object.fromEntries(poll.options.map((o) => [o.id, 0]));
	const ratings: Record<number, number> = {};
	for (let v = poll.scale.min; v <= poll.scale.max && poll.kind === 'rating'; v++) ratings[v] = 0;
	const words = new Map<string, number>();
	let sum = 0;
	for (const answer of latest.values()) {
		if ('optionId' in answer && answer.optionId in options) options[answer.optionId]++;
		if ('optionIds' in answer) for (const id of answer.optionIds) if (id in options) options[id]++;
		if ('value' in answer) {
			ratings[answer.value] = (ratings[answer.value] ?? 0) + 1;
			sum += answer.value;
		}
		if ('text' in answer && poll.kind === 'word_cloud')
			for (const phrase of new Set(cloudPhrases(answer.text))) words.set(phrase, (words.get(phrase) ?? 0) + 1);
	}
	return {
		answered: latest.size,
		options,
		ratings,
		mean: poll.kind === 'rating' && latest.size ? Math.round((sum / latest.size) * 100) / 100 : null,
		words: [...words].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'vi')),
		texts: []
	};
}

/** A poll's results as labelled counts, one row per option or scale value; words for a cloud; texts for open answers. */
export function pollResultRows(poll: Pick<Poll, 'kind' | 'options'>, tally: PollTally): { key: string; label: string; count: number }[] {
	switch (poll.kind) {
		case 'single':
		case 'multiple':
			return poll.options.map((o) => ({ key: o.id, label: o.label, count: tally.options[o.id] ?? 0 }));
		case 'rating':
			return Object.entries(tally.ratings).map(([value, count]) => ({ key: value, label: value, count }));
		case 'word_cloud':
			return tally.words.map((w) => ({ key: w.text, label: w.text, count: w.count }));
		case 'open':
			return tally.texts.map((text, i) => ({ key: String(i), label: text, count: 1 }));
	}
}
