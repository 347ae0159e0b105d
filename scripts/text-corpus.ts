/**
 * Which files of the labelled corpus (tests/fixtures/children-texts) the model learns from, and which stay out to
 * measure it: one rule for `npm run train:text` and tests/unit/text-corpus.test.ts, so the test trains on exactly the
 * rows the committed model was built from.
 *
 * Since issue 15's sixth round the model learns from every classified file that has been read: the train files, the
 * dev batches (extra-*), and the fresh holdouts whose figures were spent (the first to the twentieth). Each was written by a
 * different writer; trained on the base files alone, the model learned a few writers' words. Out of training stay the
 * first holdouts (danger-a, danger-b, words), and the fresh holdouts from the twenty-first on, whose rows nobody has read.
 */
/** Fresh holdouts numbered from this one on are kept out of training. */
export const FIRST_UNTRAINED_FRESH = 21;

const HOLDOUTS = new Set(['danger-a-holdout.json', 'danger-b-holdout.json', 'words-holdout.json']);

/** Is this corpus file one the model is measured on, never trained on? */
export function isHeldOut(name: string): boolean {
	if (HOLDOUTS.has(name)) return true;
	const fresh = /^fresh-holdout-(\d+)\.json$/.exec(name);
	return fresh !== null && Number(fresh[1]) >= FIRST_UNTRAINED_FRESH;
}

/** Is this a classified file the model learns from (not the near-duplicate events, another format)? */
export function isTrainedOn(name: string): boolean {
	return /^[a-z0-9-]+\.json$/.test(name) && !name.startsWith('duplicates-') && !isHeldOut(name);
}
