/**
 * Rebuilds src/lib/domain/text-model.json from the corpus files it learns from (never a holdout: text-corpus.ts):
 * `npm run train:text`. Deterministic: the same corpus gives the same file.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainTextModel, type TrainingRow } from '../src/lib/domain/text-model';
import { isTrainedOn } from './text-corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'tests/fixtures/children-texts');
const out = join(root, 'src/lib/domain/text-model.json');

// The same rule as tests/unit/text-corpus.test.ts. Groups are named per file: two writers' "f-001" are two texts.
const files = readdirSync(corpus).filter(isTrainedOn).sort();
const rows: TrainingRow[] = files.flatMap((name) =>
	(JSON.parse(readFileSync(join(corpus, name), 'utf8')) as TrainingRow[]).map((row) => ({ ...row, group: `${name}:${row.group ?? row.text}` }))
);
const started = Date.now();
const model = trainTextModel(rows);
const json = JSON.stringify(model, null, 0).replace(/,"/g, ',\n"');
writeFileSync(out, json + '\n');
console.log(
	`${rows.length} rows from ${files.join(', ')}; ${Object.keys(model.weights).length} features, threshold ${model.threshold} (${model.everydayThreshold} with an everyday cue); ` +
		`${(json.length / 1024).toFixed(1)} KB in ${Date.now() - started} ms → ${out}`
);
