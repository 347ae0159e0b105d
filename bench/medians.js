// BENCH_RUNS=3 npm run bench: runs bench/run.js that many times (each a whole run, on fresh
// servers) and keeps in bench/results.json the median of each figure per row, with every run's
// value of the budget figures beside it: one run on a shared machine is not a measure.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const resultsUrl = new URL('./results.json', import.meta.url);
const keyOf = (r) => `${r.topology}/${r.storage}/${r.scenario}/${r.n}/${r.variant ?? ''}`;
/** The figures whose every run is kept next to the median (the budgets of issue 18). */
const SPREAD = ['joinsPerSec', 'baselineJoinsPerSec', 'joinsRatioToFloor', 'ackP99Ms', 'toScreenP99Ms', 'baselineToScreenP99Ms', 'toScreenRatioToFloor', 'serverCpuMs', 'allBackMs', 'usableMs', 'cpuRatioToFull'];
/** Counts of things that went wrong: the worst run's, never a median that hides one. */
const WORST = ['lost', 'duplicated', 'unacked', 'inconsistent', 'syncFailures'];
/** Counts of things that went right: the fewest of any run. */
const FEWEST = ['back'];

function median(values) {
	const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
	if (!sorted.length) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 100) / 100;
}

export function medianOfRuns(runs, script) {
	const perRun = [];
	for (let run = 1; run <= runs; run++) {
		console.log(`\n===== bench run ${run} of ${runs} =====`);
		const child = spawnSync(process.execPath, [fileURLToPath(script)], { env: { ...process.env, BENCH_RUNS: '1' }, stdio: 'inherit' });
		if (child.status !== 0) throw new Error(`bench run ${run} failed (exit ${child.status})`);
		const written = JSON.parse(readFileSync(resultsUrl, 'utf8'));
		perRun.push(written.rows.filter((r) => r.ranAt === written.ranAt));
	}
	const last = JSON.parse(readFileSync(resultsUrl, 'utf8'));
	const keys = [...new Set(perRun.flat().map(keyOf))];
	const medians = keys.map((key) => {
		const versions = perRun.map((rows) => rows.find((r) => keyOf(r) === key)).filter(Boolean);
		const row = { ...versions.at(-1), runs: versions.length };
		const fields = new Set(versions.flatMap((v) => Object.keys(v).filter((f) => typeof v[f] === 'number')));
		for (const field of fields) {
			if (field === 'n' || field === 'runs') continue;
			const values = versions.map((v) => v[field]);
			const numbers = values.filter((v) => typeof v === 'number');
			if (WORST.includes(field)) row[field] = Math.max(...numbers);
			else if (FEWEST.includes(field)) row[field] = Math.min(...numbers);
			// A budget figure some run could not give (not every phone came back): no median hides it.
			else if (SPREAD.includes(field) && numbers.length < values.length) row[field] = null;
			else row[field] = median(values);
		}
		const spread = Object.fromEntries(SPREAD.filter((f) => versions.some((v) => typeof v[f] === 'number')).map((f) => [f, versions.map((v) => v[f] ?? null)]));
		if (Object.keys(spread).length) row.eachRun = spread;
		return row;
	});
	const kept = last.rows.filter((r) => !keys.includes(keyOf(r)));
	writeFileSync(resultsUrl, JSON.stringify({ ranAt: last.ranAt, runs, rows: [...kept, ...medians] }, null, '\t') + '\n');
	console.log(`\n===== medians of ${runs} runs (bench/results.json) =====`);
	for (const row of medians) {
		const figures = Object.entries(row.eachRun ?? {}).map(([f, values]) => `${f} ${row[f]} [${values.join(', ')}]`);
		console.log(`${row.scenario} n=${row.n}${row.variant ? ` ${row.variant}` : ''}: ${figures.join('; ')}`);
	}
}
