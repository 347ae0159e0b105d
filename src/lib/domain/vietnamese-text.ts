/**
 * Vietnamese text as children type it: with or without diacritics, in any case and spacing, with
 * common teen spellings. Folding maps all of these to one form so that matching and similarity do
 * not depend on how a phone's keyboard was set. Pure; no dependencies.
 */

/** Removes diacritics (and đ → d), lower-cases, and keeps letters, digits and single spaces. */
export function foldVietnamese(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** True when the text carries Vietnamese diacritics, i.e. the child typed with an accent keyboard. */
export function hasDiacritics(text: string): boolean {
	return foldVietnamese(text) !== text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Teen and SMS spellings, folded, mapped to the folded standard word(s). */
const TEEN_SPELLINGS: Record<string, string> = {
	ko: 'khong',
	k: 'khong',
	kh: 'khong',
	hok: 'khong',
	hong: 'khong',
	khum: 'khong',
	j: 'gi',
	dc: 'duoc',
	vs: 'voi',
	ntn: 'nhu the nao',
	bt: 'biet',
	mn: 'moi nguoi',
	z: 'vay',
	v: 'vay',
	ak: 'a',
	r: 'roi',
	e: 'em',
	trg: 'truong',
	ng: 'nguoi',
	cx: 'cung',
	nhiu: 'nhieu',
	ms: 'moi',
	thui: 'thoi'
};

/** Writes teen spellings out in full: ["ko", "dc"] → ["khong", "duoc"]. */
export function expandTeenSpellings(words: readonly string[]): string[] {
	return words.flatMap((word) => (Object.hasOwn(TEEN_SPELLINGS, word) ? TEEN_SPELLINGS[word].split(' ') : [word]));
}

/** Folded words, with teen spellings written out. */
export function foldedWords(text: string): string[] {
	return expandTeenSpellings(foldVietnamese(text).split(' ').filter(Boolean));
}

/** Words that carry no topic: question words, pronouns, particles (folded). */
const STOP_WORDS = new Set(
	(
		'a ah al ba bi bo cac cai chi cho chu chung co con cua cung da dang de den di do duoc em gi hay ho hon khi khong ' +
		'la lai lam len ma minh moi mot nao nay neu ngay nguoi nhu nhung nhieu o oi ong ra rat roi sao se sau so ta tai ' +
		'the thi thoi tren trong tu uh va vay vao ve vi voi xin ban toi chau con em a nhe chua'
	).split(' ')
);

/** The words that say what an item is about. */
export function contentWords(text: string): string[] {
	return foldedWords(text).filter((word) => !STOP_WORDS.has(word));
}

/**
 * How alike two items are, 0 to 1: Dice overlap of their content words and of their adjacent word
 * pairs, so "sân chơi" counts as more than "sân" and "chơi". Insensitive to case, diacritics,
 * spacing, question words and teen spellings.
 */
export function similarity(a: string, b: string): number {
	const wordsA = contentWords(a);
	const wordsB = contentWords(b);
	if (!wordsA.length || !wordsB.length) return 0;
	const pairs = (words: string[]) => words.slice(1).map((w, i) => `${words[i]} ${w}`);
	const dice = (x: string[], y: string[]) => {
		const setX = new Set(x);
		const setY = new Set(y);
		if (!setX.size || !setY.size) return 0;
		let shared = 0;
		for (const item of setX) if (setY.has(item)) shared++;
		return (2 * shared) / (setX.size + setY.size);
	};
	const single = dice(wordsA, wordsB);
	const paired = dice(pairs(wordsA), pairs(wordsB));
	return wordsA.length > 1 && wordsB.length > 1 ? 0.6 * single + 0.4 * paired : single;
}

export const SIMILAR_THRESHOLD = 0.45;

/** The items most like `text`, best first: what the console offers to merge. */
export function suggestSimilar<T extends { id: string; text: string }>(text: string, candidates: readonly T[], limit = 3): (T & { score: number })[] {
	return candidates
		.map((candidate) => ({ ...candidate, score: similarity(text, candidate.text) }))
		.filter((candidate) => candidate.score >= SIMILAR_THRESHOLD)
		.sort((x, y) => y.score - x.score)
		.slice(0, limit);
}
