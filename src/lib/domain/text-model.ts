/**
 * A small statistical check on top of the danger patterns: logistic regression over a text's folded
 * words (syllables) and word pairs, the words the child typed with diacritics as typed ("sợ" is not
 * "sờ"), the same text with recognised word runs replaced by their role (SELF, HARMER, HARM_act,
 * POLICY, …; `roleWords` in danger-signals.ts), so that it learns the shape of a disclosure rather
 * than one family's words, and a few counts of that shape (how many harms, someone to be harmed, the
 * voice of a question), the everyday cues of `everyday-cues.ts` (a meal coming, care, a game…)
 * and the ages a text states. It may add a danger verdict; it never removes one a pattern found (see
 * safety.ts). A text with an everyday cue needs a higher probability (`everydayThreshold`).
 *
 * Training is deterministic (fixed order, full-batch gradient descent from zero), so
 * `npm run train:text` rebuilds the same `text-model.json` from the same corpus. The decision
 * threshold is chosen from out-of-fold scores (5 folds by `group`): see `chooseThreshold`.
 */
import { analyseText, clausesOf, hasDangerSignal, isMessage } from './danger-signals';
import { everydayCues } from './everyday-cues';

export interface TextModel {
	version: 1;
	bias: number;
	/** Probability at or above which the model says danger. */
	threshold: number;
	/**
	 * The same for a text with an everyday cue (a meal coming, care, a game…: `everyday-cues.ts`),
	 * never below `threshold`: there the words of danger are more often the words of a child's day.
	 */
	everydayThreshold?: number;
	weights: Record<string, number>;
}

export interface TrainingRow {
	text: string;
	label: string;
	group?: string;
	category?: string;
}

/** The features of a text: folded words and pairs, marked words, roles and role pairs/triples, the shape counts. Deduplicated. */
export function textFeatures(text: string): string[] {
	const out = new Set<string>();
	const { sentences, roles, typed, victim, policyVoice, questioned } = analyseText(text);
	sentences.forEach((words, s) => {
		for (let i = 0; i < words.length; i++) {
			out.add(`w:${words[i]}`);
			if (i + 1 < words.length) out.add(`b:${words[i]}_${words[i + 1]}`);
			// A word typed with diacritics, as typed: "sợ" and "sờ" are one word folded, two here.
			const mark = typed[s].marks[i];
			if (mark !== undefined && mark !== words[i]) out.add(`m:${mark}`);
		}
	});
	// The shape of the text as the patterns read it: how many harms, someone to be harmed, the voice.
	const harms = roles.filter((role) => role.startsWith('HARM_')).length;
	out.add(`s:harms${Math.min(harms, 2)}`);
	out.add(victim ? 's:victim' : 's:novictim');
	if (policyVoice) out.add('s:policy');
	// Someone who harms and a harm, with no one named to be harmed and nothing of a forum's voice: a child who does not
	// name themselves ("Bố dọa mai không cho đi học nữa") is most often telling of their own home.
	if (harms && !victim && !policyVoice && roles.some((role) => role === 'HARMER' || role === 'HARMER_MY')) out.add('s:unnamed');
	// A marker, not learned (fit skips "x:"): the patterns read the harm as part of a question (see QUESTIONED_THRESHOLD).
	if (questioned) out.add('x:questioned');
	// What makes a text near danger words an everyday one (a meal coming, care, a game…), and the
	// ages it states: a sister of 25 is a grown-up, a bride of 14 is a child.
	const folded = sentences.map((words) => words.join(' ')).join(' | ');
	const cues = everydayCues(folded);
	for (const cue of cues) out.add(`c:${cue}`);
	const ages = [...folded.matchAll(/(^| )(\d{1,2}) tuoi/g)].map((m) => Number(m[2]));
	if (ages.length) out.add(ages.some((age) => age < 18) ? 's:childage' : 's:adultage');
	const isRole = (w: string) => /^[A-Z|]/.test(w);
	for (let i = 0; i < roles.length; i++) {
		const a = roles[i];
		if (a === '|') continue;
		if (isRole(a)) out.add(`r:${a}`);
		const b = roles[i + 1];
		if (b && b !== '|' && (isRole(a) || isRole(b))) out.add(`r:${a}_${b}`);
		const c = roles[i + 2];
		if (b && c && b !== '|' && c !== '|' && isRole(a) && isRole(c)) out.add(`r:${a}_${isRole(b) ? b : '*'}_${c}`);
	}
	return [...out];
}

export function scoreFeatures(model: TextModel, features: readonly string[]): number {
	let z = model.bias;
	for (const feature of features) z += model.weights[feature] ?? 0;
	return 1 / (1 + Math.exp(-z));
}

/** The model's probability that the text is a child in danger. */
export function scoreText(model: TextModel, text: string): number {
	return scoreFeatures(model, textFeatures(text));
}

/**
 * May the model add a danger verdict to this text? Only when the text names someone a disclosure
 * can be about (the writer, a friend), or does not speak in the general voice of a forum question:
 * the model learns topics, and "trẻ em bị xâm hại thì…" shares a disclosure's topic. And not when
 * the patterns found the harm but read it as part of a question ("nếu em bị…", "em nên làm gì khi
 * bị…", "có phải là bị xâm hại không", "để tránh bị…"): there they know the structure better than
 * the model. (Requiring a word of harm the patterns know was tried too: it keeps the model from
 * disclosures in words the tables lack, which is what the model is for.)
 */
export function modelMayAdd(text: string): boolean {
	const { victim, policyVoice, questioned, sentences } = analyseText(text);
	// A message to the hall ("Thông điệp của chúng em: …") names the writers as everyone: the patterns read it, not the model.
	if (isMessage(sentences)) return false;
	return (victim || !policyVoice) && !(questioned && !victim);
}


/**
 * The probability a text the patterns read as a question must reach when it names the writer or a friend ("Cháu muốn hỏi
 * chú công an, nếu…, vì tối nào…"): the patterns know a question's structure, but a disclosure is often put as one. Chosen
 * on the train, holdout, dev and first nine fresh sets (issue 15's fifth round): at 0.8 the model adds 12 disclosure rows
 * there for 1 policy and 3 everyday rows; at 0.7, 14 for 6 policy rows.
 */
export const QUESTIONED_THRESHOLD = 0.8;

/** Does the text hold an everyday cue (its features, `c:…`)? */
const everyday = (features: readonly string[]) => features.some((f) => f.startsWith('c:'));

/** The probability at or above which the model says danger of a text with these features. */
export function thresholdFor(model: TextModel, features: readonly string[]): number {
	const base = everyday(features) ? Math.max(model.threshold, model.everydayThreshold ?? model.threshold) : model.threshold;
	return features.includes('x:questioned') ? Math.max(base, QUESTIONED_THRESHOLD) : base;
}

/**
 * The probability one clause must reach on its own (see `victimClauses`). Chosen on sets the model was not trained on
 * (issue 15's sixth round: the first nine fresh holdouts with a model trained without them, the dev batches with one
 * trained without those, and the tenth to twelfth fresh holdouts, aggregates only): at 0.85 it found 2 % more of the
 * new writers' disclosures and sent no more of their policy questions; at 0.75, 0.4 % more for 0.7 % more of the dev
 * batches' policy questions.
 */
export const CLAUSE_THRESHOLD = 0.85;

/**
 * The clauses of a text that name someone a disclosure can be about, when the text holds a harm the patterns know and
 * more than one clause. A disclosure inside a forum's voice ("Cháu đề nghị xã mở lớp kỹ năng, vì ở nhà bố hay đánh
 * cháu") reads, as a whole, like the policy questions the model learned from: its words of policy outweigh the clause
 * that tells what happens to the writer. Read alone, that clause is a disclosure. A clause of children in general or
 * of a hypothesis names no victim, so it is not read alone.
 */
function victimClauses(text: string, roles: readonly string[]): string[] {
	if (!roles.some((role) => role.startsWith('HARM_'))) return [];
	const clauses = clausesOf(text);
	if (clauses.length < 2) return [];
	return clauses.filter((clause) => clause !== text.trim() && analyseText(clause).victim);
}

/** What the model reads of a text: may it add danger, the text's features, and the features of each clause naming a victim. */
export interface ModelReading {
	allowed: boolean;
	features: string[];
	clauses: string[][];
}

export function modelReading(text: string): ModelReading {
	const allowed = modelMayAdd(text);
	const features = textFeatures(text);
	return { allowed, features, clauses: clauseFeatures(text) };
}

/** The features of each clause naming a victim (none for a message to the hall). Read after the text's own analysis: each clause is analysed in turn. */
function clauseFeatures(text: string): string[][] {
	const { roles, sentences, mended } = analyseText(text);
	// (Nor for a harm long past and mended: its clause alone would read as today's.)
	return isMessage(sentences) || mended ? [] : victimClauses(text, roles).map((clause) => textFeatures(clause));
}

/** The model's verdict on what it read: the whole text at its threshold, or one clause naming a victim at `CLAUSE_THRESHOLD`. */
export function modelDecides(model: TextModel, reading: ModelReading): boolean {
	if (reading.allowed && scoreFeatures(model, reading.features) >= thresholdFor(model, reading.features)) return true;
	return reading.clauses.some((features) => scoreFeatures(model, features) >= Math.max(CLAUSE_THRESHOLD, thresholdFor(model, features)));
}

export function modelSaysDanger(model: TextModel, text: string): boolean {
	// The whole text first: its clauses are analysed only when it is not enough.
	const whole: ModelReading = { allowed: modelMayAdd(text), features: textFeatures(text), clauses: [] };
	return modelDecides(model, whole) || modelDecides(model, { ...whole, allowed: false, clauses: clauseFeatures(text) });
}

/** A row as the model reads it (`modelReading`), with its label: computed once, reused across folds. */
export interface Prepared extends ModelReading {
	y: 0 | 1;
	weight: number;
	group: string;
	label: string;
	pattern: boolean;
}

const OPTIONS = {
	iterations: 300,
	rate: 0.5,
	l2: 1e-3,
	minCount: 2,
	maxFeatures: 2500,
	/** Guards on the threshold chosen: out of fold, the model adds at most this share of policy items… */
	policyBudget: 0.02,
	/**
	 * …and of ordinary items and profanity (the corpus's hardest first-person everyday texts among
	 * them; 5 % since extra-d's joined them, at 4 % the threshold rose above the minimum).
	 */
	ordinaryBudget: 0.05,
	/**
	 * And never below this threshold. 0.45 while the model learnt from the base train files alone; 0.35 since it learns from
	 * every read set (issue 15's sixth round), where out of fold it chose 0.36–0.40: more everyday texts lower the scores of
	 * indirect disclosures ("con chỉ được ăn rau luộc ngồi riêng một góc"). 0.45 since the tenth to fourteenth fresh holdouts
	 * joined (seventh round): their hard policy questions and everyday texts. A miss counted 3 kept it at 0.36, with 1–2 more
	 * disclosures found per older set out of fold but more ordinary texts held in nine sets, and no change on the first
	 * holdouts, so `missCost` stays 2.
	 */
	minThreshold: 0.35,
	/**
	 * How much a disclosure row counts in training, against 1 for an ordinary text. Chosen in the sixth round, when every read
	 * set joined training and everyday texts came to outnumber disclosures: at 1 the first holdouts' recall fell from 96.6 to
	 * 94.6 %; at 1.5, 95.4 %, with the tenth to twelfth fresh holdouts' recall 88.3 → 88.5 %; at 2 the same recall on the
	 * holdouts for 0.7 % more ordinary texts held out of fold.
	 */
	dangerWeight: 1.5,
	/**
	 * Nor, for a text with an everyday cue, below this one. Chosen out of fold it moved between 0.78
	 * and 0.85 as the patterns changed (the train rows hold few everyday texts); at 0.78 the model held
	 * 115 of extra-f's 450 everyday rows against 104 at 0.85, and found no more disclosures in any set.
	 */
	minEverydayThreshold: 0.85,
	/** A danger row left unflagged counts as this many false alarms when the threshold is chosen. */
	missCost: 2
};

/** Features and labels of the rows, computed once (the test reuses them across folds). */
export function prepareRows(rows: readonly TrainingRow[]): Prepared[] {
	return rows.map((row, i) => {
		const pattern = hasDangerSignal(row.text);
		return {
			pattern,
			...modelReading(row.text),
			y: row.label === 'danger' ? 1 : 0,
			// Policy questions are the confusable negatives: count them more; and disclosures, which everyday texts outnumber.
			weight: row.label === 'policy' ? 2 : row.label === 'danger' ? OPTIONS.dangerWeight : 1,
			group: row.group ?? String(i),
			label: row.label
		};
	});
}

/** Logistic regression by full-batch gradient descent (Adagrad steps) from zero: deterministic. */
function fit(data: readonly Prepared[]): { bias: number; weights: Map<string, number> } {
	const counts = new Map<string, number>();
	for (const row of data) for (const f of row.features) counts.set(f, (counts.get(f) ?? 0) + 1);
	const vocabulary = [...counts.keys()].filter((f) => (counts.get(f) ?? 0) >= OPTIONS.minCount && !f.startsWith('x:')).sort();
	const indexOf = new Map(vocabulary.map((f, i) => [f, i]));
	// Rows as one flat index array (CSR), for speed.
	const offsets = new Int32Array(data.length + 1);
	const flat: number[] = [];
	data.forEach((row, r) => {
		for (const f of row.features) {
			const i = indexOf.get(f);
			if (i !== undefined) flat.push(i);
		}
		offsets[r + 1] = flat.length;
	});
	const idx = Int32Array.from(flat);
	const y = Float64Array.from(data, (row) => row.y);
	const totalWeight = data.reduce((sum, r) => sum + r.weight, 0);
	const rowWeight = Float64Array.from(data, (row) => row.weight / totalWeight);
	const w = new Float64Array(vocabulary.length);
	const grad = new Float64Array(vocabulary.length);
	const history = new Float64Array(vocabulary.length);
	let b = 0;
	let historyB = 0;
	for (let it = 0; it < OPTIONS.iterations; it++) {
		grad.fill(0);
		let gradB = 0;
		for (let r = 0; r < data.length; r++) {
			let z = b;
			for (let k = offsets[r]; k < offsets[r + 1]; k++) z += w[idx[k]];
			const g = (1 / (1 + Math.exp(-z)) - y[r]) * rowWeight[r];
			gradB += g;
			for (let k = offsets[r]; k < offsets[r + 1]; k++) grad[idx[k]] += g;
		}
		for (let i = 0; i < w.length; i++) {
			const g = grad[i] + OPTIONS.l2 * w[i];
			history[i] += g * g;
			w[i] -= (OPTIONS.rate * g) / (Math.sqrt(history[i]) + 1e-8);
		}
		historyB += gradB * gradB;
		b -= (OPTIONS.rate * gradB) / (Math.sqrt(historyB) + 1e-8);
	}
	const weights = new Map<string, number>();
	vocabulary.forEach((f, i) => weights.set(f, w[i]));
	return { bias: b, weights };
}

function pruned(bias: number, weights: Map<string, number>, threshold: number, everydayThreshold = threshold): TextModel {
	const kept = [...weights.entries()]
		.filter(([, v]) => Math.abs(v) >= 0.01)
		.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]) || (x[0] < y[0] ? -1 : 1))
		.slice(0, OPTIONS.maxFeatures)
		.sort((x, y) => (x[0] < y[0] ? -1 : 1));
	const round = (v: number) => Math.round(v * 1000) / 1000;
	return {
		version: 1,
		bias: round(bias),
		threshold: round(threshold),
		everydayThreshold: round(everydayThreshold),
		weights: Object.fromEntries(kept.map(([f, v]) => [f, round(v)]))
	};
}

/** Splits rows into k folds by group, deterministically (by a hash of the group name). */
export function foldOf(group: string, k: number): number {
	let h = 2166136261;
	for (let i = 0; i < group.length; i++) {
		h ^= group.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return (h >>> 0) % k;
}

/** Trains the model on labelled rows (danger vs everything else). */
export function trainTextModel(rows: readonly TrainingRow[]): TextModel {
	return trainPrepared(prepareRows(rows));
}

/**
 * Trains on prepared rows. `threshold` (and `everydayThreshold`) skip choosing them by inner
 * cross-validation (the test's outer folds reuse those chosen for the train rows, to stay fast).
 */
export function trainPrepared(
	data: readonly Prepared[],
	{ threshold: fixed, everydayThreshold: fixedEveryday }: { threshold?: number; everydayThreshold?: number } = {}
): TextModel {
	if (fixed !== undefined) {
		const { bias, weights } = fit(data);
		return pruned(bias, weights, fixed, fixedEveryday ?? fixed);
	}
	// Out-of-fold scores, to choose the threshold honestly.
	const k = 5;
	const oof = new Float64Array(data.length);
	for (let fold = 0; fold < k; fold++) {
		const train = data.filter((row) => foldOf(row.group, k) !== fold);
		const { bias, weights } = fit(train);
		const model = pruned(bias, weights, 0.5);
		data.forEach((row, i) => {
			if (foldOf(row.group, k) === fold) oof[i] = scoreFeatures(model, row.features);
		});
	}
	const threshold = chooseThreshold(data, oof);
	const everydayThreshold = chooseEverydayThreshold(data, oof, threshold);
	const { bias, weights } = fit(data);
	return pruned(bias, weights, threshold, everydayThreshold);
}

/**
 * The threshold for texts with an everyday cue, chosen the same way over those rows only (out of
 * fold, the model on its own, a miss counting `missCost` false alarms, the lowest of the best): not
 * below the general threshold. Many a first-person everyday text names a danger word (đói, ở nhà
 * một mình, lấy chồng, chết in a game) beside a cue; few disclosures the patterns miss do.
 */
function chooseEverydayThreshold(data: readonly Prepared[], scores: Float64Array, base: number): number {
	const floor = Math.max(base, OPTIONS.minEverydayThreshold);
	let best = floor;
	let bestErrors = Infinity;
	for (let step = 99; step >= Math.round(floor * 100); step--) {
		const t = step / 100;
		let errors = 0;
		data.forEach((row, i) => {
			if (!everyday(row.features) || !row.allowed) return;
			const flagged = scores[i] >= t;
			if (row.label === 'danger' && !flagged) errors += OPTIONS.missCost;
			else if (row.label !== 'danger' && flagged) errors++;
		});
		if (errors <= bestErrors) {
			best = t;
			bestErrors = errors;
		}
	}
	return best;
}

/**
 * The threshold at which the model, on its own and out of fold, makes the fewest mistakes: danger
 * rows it would leave unflagged (each counting `missCost`: a wrong danger verdict hides a child's
 * question from the hall, but a miss leaves a child unheard) plus policy, ordinary and profanity
 * rows it would flag. On its own rather than beside the patterns, because the patterns were written from these
 * very rows and find far more of them than they will of a new child's words: what they leave here
 * says little about what the model must cover there. Not below `minThreshold`; between thresholds
 * that make as few mistakes, the lowest (a false alarm is still read by a person, the organiser, in
 * private; a missed disclosure may be read by no one who can help); and raised if the model would
 * add more than `policyBudget` of policy items or `ordinaryBudget` of ordinary items and profanity
 * to what the patterns send.
 */
function chooseThreshold(data: readonly Prepared[], scores: Float64Array): number {
	const flagged = (i: number, t: number) => data[i].allowed && scores[i] >= (data[i].features.includes('x:questioned') ? Math.max(t, QUESTIONED_THRESHOLD) : t);
	const added = (labels: readonly string[], t: number) => {
		let n = 0,
			hit = 0;
		data.forEach((row, i) => {
			if (!labels.includes(row.label)) return;
			n++;
			if (!row.pattern && flagged(i, t)) hit++;
		});
		return n ? hit / n : 0;
	};
	let best = 0.95;
	let bestErrors = Infinity;
	for (let step = 95; step >= Math.round(OPTIONS.minThreshold * 100); step--) {
		const t = step / 100;
		if (added(['policy'], t) > OPTIONS.policyBudget || added(['ordinary', 'profanity'], t) > OPTIONS.ordinaryBudget) continue;
		let errors = 0;
		data.forEach((row, i) => {
			if (row.label === 'danger' && !flagged(i, t)) errors += OPTIONS.missCost;
			else if (row.label !== 'danger' && flagged(i, t)) errors++;
		});
		if (errors <= bestErrors) {
			best = t;
			bestErrors = errors;
		}
	}
	return best;
}
