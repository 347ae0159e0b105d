/**
 * `npm run bench` (after the socket bench): what reading children's words costs the server and the
 * MC's browser. assessText runs on every item, nickname and word-cloud answer; suggestSimilar runs
 * on the console for every new item, against all of the event's items (2,000 here, ten times a
 * large hall's day). Texts come from the corpus, so lengths and spellings are realistic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { assessText } from '$lib/domain/safety';
import { suggestSimilar } from '$lib/domain/vietnamese-text';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'children-texts');
const read = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const texts = ['danger-a-train.json', 'danger-b-train.json', 'words-train.json'].flatMap((f) => read<{ text: string }[]>(f)).map((r) => r.text);
const events = read<{ items: { id: string; text: string }[]; queries: { text: string }[] }[]>('duplicates-train.json');
const pool = events.flatMap((e) => e.items.map((i) => i.text)).concat(texts);
// 2,000 candidates: the corpus, repeated with a distinguishing suffix so no two texts are equal.
const candidates = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, text: `${pool[i % pool.length]} (${Math.floor(i / pool.length)})` }));
const queries = events.flatMap((e) => e.queries.map((q) => q.text));

let next = 0;
describe('reading children’s words', () => {
	bench('assessText, one item', () => {
		assessText(texts[next++ % texts.length], 'thằng hề\nđồ ăn hại');
	});
	bench('suggestSimilar, one new item against 2,000', () => {
		suggestSimilar(queries[next++ % queries.length], candidates, 3);
	});
});
