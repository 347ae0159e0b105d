/**
 * Rebuilds src/lib/domain/text-model.json from the corpus's *train* files (never the holdout):
 * `npm run train:text`. Deterministic: the same corpus gives the same file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainTextModel, type TrainingRow } from '../src/lib/domain/text-model';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'tests/fixtures/children-texts');
const out = join(root, 'src/lib/domain/text-model.json');

// Every classified train file (danger-a, danger-b, words, extra…), never a holdout file nor the
// near-duplicate events: the same rule as tests/unit/text-corpus.test.ts.
const files = readdirSync(corpus)
	.filter((name) => /^(?!duplicates-)[a-z0-9-]+-train\.json$/.test(name))
	.sort();
const rows: TrainingRow[] = files.flatMap((name) => JSON.parse(readFileSync(join(corpus, name), 'utf8')) as TrainingRow[]);
const started = Date.now();
const model = trainTextModel(rows);
const json = JSON.stringify(model, null, 0).replace(/,"/g, ',\n"');
writeFileSync(out, json + '\n');
console.log(
	`${rows.length} rows from ${files.join(', ')}; ${Object.keys(model.weights).length} features, threshold ${model.threshold} (${model.everydayThreshold} with an everyday cue); ` +
		`${(json.length / 1024).toFixed(1)} KB in ${Date.now() - started} ms → ${out}`
);
