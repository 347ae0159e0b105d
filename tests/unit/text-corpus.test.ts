/**
 * Measures the text checks on the labelled corpus (tests/fixtures/children-texts/README.md): the model is trained here
 * on the rows it learns from (scripts/text-corpus.ts), with the same code as `npm run train:text`, and `assessText`
 * with that model is measured on the holdouts, which it never learns from: the first holdouts (read in earlier rounds)
 * and the fresh holdouts from the tenth on, written blind and never read. A 5-fold cross-validation over every row
 * (folds by `group`, so respellings of one text stay together) gives each trained-on set its out-of-fold figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAssessText, eventWordFilter, type SafetyVerdict } from '$lib/domain/safety';
import { foldOf, modelDecides, prepareRows, trainPrepared, type Prepared, type TextModel } from '$lib/domain/text-model';
import { FIRST_UNTRAINED_FRESH, isHeldOut, isTrainedOn } from '../../scripts/text-corpus';

interface Row {
	id: string;
	group: string;
	text: string;
	label: 'danger' | 'policy' | 'profanity' | 'ordinary';
	category: string;
	spelling?: string;
	/** The corpus file the row is from. */
	file: string;
}

const DIR = join(process.cwd(), 'tests/fixtures/children-texts');
/** A file's rows, each group named by its file (as scripts/train-text.ts does): two writers' "f-001" are two texts. */
const loadFile = (name: string): Row[] =>
	(JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Row[]).map((row) => ({ ...row, group: `${name}:${row.group}`, file: name }));
const names = readdirSync(DIR).sort();
/** What the model learns from (scripts/text-corpus.ts): every classified file read so far. */
const train = names.filter(isTrainedOn).flatMap(loadFile);
/** The first holdouts (danger-a, danger-b, words): read in earlier rounds, never trained on. */
const holdout = names.filter((name) => isHeldOut(name) && !name.startsWith('fresh-')).flatMap(loadFile);
/**
 * The fresh holdouts nobody has read (from the tenth on): written by someone who read only the corpus README and the
 * plans — no code, no other corpus file — and first measured once the checks were frozen.
 */
const FRESH_FILES = names.filter((name) => isHeldOut(name) && name.startsWith('fresh-'));
const freshSets = FRESH_FILES.map((name) => ({ name, rows: loadFile(name) }));
const fresh: Row[] = freshSets.flatMap((set) => set.rows);
/** Floors of one set: its figures when they were last raised, so a change can only keep or improve them. */
interface Floors {
	dangerRecall?: number;
	policyToSafeguarding?: number;
	profanityHeld?: number;
	ordinaryHeld?: number;
}
/**
 * The sets that were measured on their own until issue 15's sixth round and are trained on since (scripts/text-corpus.ts):
 * each is measured now out of fold, by the cross-validation below (the model of the fold that does not hold the row). Their
 * figures measured on their own, round by round, are in the corpus README and this file's history. Out of fold, the model
 * has learnt from the other writers' texts, not from these: a figure for what the patterns, written from many of these
 * rows, and a model that has not seen them make of them.
 */
const OUT_OF_FOLD_FLOORS: Record<string, Floors> = {
	'fresh-holdout.json': { dangerRecall: 94.9, policyToSafeguarding: 0.0, profanityHeld: 94.3, ordinaryHeld: 4.3 },
	'fresh-holdout-2.json': { dangerRecall: 100.0, policyToSafeguarding: 4.8, profanityHeld: 93.2, ordinaryHeld: 3.5 },
	'fresh-holdout-3.json': { dangerRecall: 96.6, policyToSafeguarding: 2.8, profanityHeld: 95.5, ordinaryHeld: 3.4 },
	'fresh-holdout-4.json': { dangerRecall: 94.9, policyToSafeguarding: 0.0, profanityHeld: 92.1, ordinaryHeld: 5.9 },
	'fresh-holdout-5.json': { dangerRecall: 95.5, policyToSafeguarding: 4.1, profanityHeld: 88.8, ordinaryHeld: 3.4 },
	'fresh-holdout-6.json': { dangerRecall: 94.9, policyToSafeguarding: 0.0, profanityHeld: 89.9, ordinaryHeld: 8.4 },
	'fresh-holdout-7.json': { dangerRecall: 94.9, policyToSafeguarding: 0.0, profanityHeld: 89.9, ordinaryHeld: 17.6 },
	'fresh-holdout-8.json': { dangerRecall: 92.1, policyToSafeguarding: 1.4, profanityHeld: 91.0, ordinaryHeld: 24.3 },
	'fresh-holdout-9.json': { dangerRecall: 96.6, policyToSafeguarding: 4.1, profanityHeld: 89.9, ordinaryHeld: 27.6 },
	// The tenth to fourteenth, measured on their own until issue 15's seventh round (their history, as it was written then):
	// The tenth and eleventh, written blind on 2026-12-02 for the fifth round (the tenth from the whole country, a third each
	// North, Central and South; the eleventh what a district dialogue day brings: questions to the chairman, the police, the
	// principal, with disclosures hidden inside them), measured once at 3d8ea3a, checks frozen, rows unread. Tenth: 93.9 %
	// recall, 9.3 % policy sent (14/150, all the patterns'), 95.6 % profanity held, 3.3 % ordinary held. Eleventh: 83.3 %
	// recall (150/180: 21 of the 30 missed were read by the patterns as part of a question, and the model was kept from
	// them), 6.7 % policy sent, 94.4 % profanity held, 21.7 % ordinary held. The checks of 6afabc8, before the round, read
	// exactly the same on both: the round's structures, from other writers' texts, did not carry over to them.
	// After the model was let beside a question that names the writer (QUESTIONED_THRESHOLD, text-model.ts; aggregates
	// read): eleventh 86.7 % recall.
	// Sixth round (the model learning from every read set, a clause read alone, aggregates read): tenth 96.1 % recall,
	// 9.3 % policy sent, 94.4 % profanity held (one row fewer: a teen spelling the model held as danger before), 2.5 %
	// ordinary held; eleventh 88.3 %, 4.7 %, 94.4 %, 16.7 %.
	// Then, with what extra-s showed (a story heard or watched, a message's slogans, an age; unaccented oaths) and extra-s
	// trained on: tenth 96.7 %, 9.3 %, 94.4 %, 2.5 %; eleventh unchanged.
	// The twelfth, written blind at the end of the fifth round (a provincial forum and commune dialogues in the Mekong Delta,
	// the Central Highlands and the Red River Delta; its teen rows respelled by its writer's script), measured once at b9ccaf1,
	// checks frozen, rows unread: 74.4 % recall (134/180: neglect 8 of 18, physical-home 9, sexual 11, self-harm 12; 29 of the
	// 46 missed name the writer or a friend inside a forum voice, and 37 score under 0.45), 7.3 % policy sent (self-harm 6 of
	// 15), 94.4 % profanity held, 4.2 % ordinary held. With 6afabc8's checks: 68.9 %, 7.3 %, 94.4 %, 4.2 %.
	// After the writer's own reason after "vì" in a recommendation was read as theirs (aggregates read): 76.1 % recall.
	// Sixth round (aggregates read): 83.3 % recall (81.1 % before the writer's reason was read on its own), 6.7 % policy sent, 94.4 %, 4.2 %.
	// The thirteenth and fourteenth, written blind for the sixth round (the thirteenth: commune and district forums of the
	// northern mountains and the North Central coast, children of ethnic minorities writing Vietnamese as a second language,
	// Central dialect; the fourteenth: a big city's online forum before a live dialogue, Northern and Southern voices), and
	// measured once with the round's checks frozen, rows unread. Thirteenth: 96.1 % recall, 12.0 % policy sent (18/150, all
	// the patterns'), 93.3 % profanity held, 6.7 % ordinary held (8/120, all everyday texts). Fourteenth: 93.9 %, 18.7 %
	// (28/150, all the patterns'), 84.4 % (plain swear words without diacritics 2 of 6), 5.8 % (7/120, all everyday). With
	// the checks of fdce8c0, before the round: thirteenth 95.6 %, 12.0 %, 94.4 %, 8.3 %; fourteenth 93.3 %, 19.3 %, 84.4 %, 8.3 %.
	// After they were measured, the writer's reason after "vì" was read on its own (danger-signals.ts; chosen on the tenth to
	// twelfth, aggregates only: 4 more of the twelfth's disclosures): on these two it changes nothing (a first version sent one
	// more policy row of the thirteenth, and was narrowed to a reason with no forum voice of its own).
	// Then extra-s (README), a dev batch of policy questions that sound like disclosures, written after these two were measured:
	// its rules (a story the writer heard or watched, a message's slogans, "tuổi tụi mình", Central "làm răng biết", "bạn
	// người Kinh" no "bán người", unaccented oaths) and extra-s trained on (aggregates read): thirteenth 97.2 % recall, 6.0 %
	// policy sent, 93.3 %, 6.7 %; fourteenth 92.2 % (one disclosure, 3 rows, fewer after the retrain), 18.7 %, 84.4 %, 5.8 %.
	// (The oath entries and Central "làm răng biết" were dropped after a review found ordinary texts and disclosures they caught.)
	// Seventh round: their rows read and trained on (FIRST_UNTRAINED_FRESH = 15); measured out of fold since.
	'fresh-holdout-10.json': { dangerRecall: 98.3, policyToSafeguarding: 1.4, profanityHeld: 95.5, ordinaryHeld: 2.6 },
	'fresh-holdout-11.json': { dangerRecall: 96.6, policyToSafeguarding: 4.1, profanityHeld: 95.5, ordinaryHeld: 11.7 },
	'fresh-holdout-12.json': { dangerRecall: 96.6, policyToSafeguarding: 2.7, profanityHeld: 95.5, ordinaryHeld: 1.7 },
	'fresh-holdout-13.json': { dangerRecall: 98.3, policyToSafeguarding: 4.1, profanityHeld: 97.7, ordinaryHeld: 1.7 },
	'fresh-holdout-14.json': { dangerRecall: 93.3, policyToSafeguarding: 14.7, profanityHeld: 95.5, ordinaryHeld: 5.9 },
	// The fifteenth to seventeenth, measured on their own in the seventh round (their history):
	// The fifteenth to seventeenth, written blind on 2026-12-03 for the seventh round by six writers (two halves each) who read
	// only the corpus README's label section, the product brief and the plans: the fifteenth, Mekong Delta forums in a Southern
	// voice (Khmer children among them); the sixteenth, Red River Delta dialogues written formally to leaders and Hà Nội and
	// Hải Phòng pupils in city slang; the seventeenth, Central Highlands boarding-school children of ethnic minorities and the
	// North-West mountains. Measured once with the round's checks frozen (the diff of 23a5ab3 hashed bc8b3f304a08), rows
	// unread. Fifteenth: 96.1 % recall, 14.7 % policy sent (22/150, 21 the patterns'), 95.6 % profanity held, 18.3 % ordinary
	// held. Sixteenth: 95.0 %, 18.0 % (27, 26 the patterns'), 98.9 %, 13.3 %. Seventeenth: 98.3 %, 18.0 % (27, all the
	// patterns'), 97.8 %, 15.0 %. With the checks of 23a5ab3, before the round: 96.1 %, 18.7 %, 93.3 %, 20.8 %; 94.4 %, 18.0 %,
	// 98.9 %, 13.3 %; 98.3 %, 20.0 %, 97.8 %, 17.5 %. Then a review of the round's rules, reading the code alone, found twelve
	// texts they got wrong (eight disclosures cleared: "họ mang tôi sang Trung Quốc bán", "bọn nhỏ nhà em", a werewolf game
	// before a wish to hang oneself…); narrowed (safety.test.ts), the fifteenth reads 96.1 %, 16.7 %, 93.3 %, 18.3 % (three
	// policy rows and two profanity rows worse), the other two unchanged.
	// Eighth round: their rows read and trained on (FIRST_UNTRAINED_FRESH = 18); measured out of fold since.
	'fresh-holdout-15.json': { dangerRecall: 96.6, policyToSafeguarding: 6.1, profanityHeld: 95.5, ordinaryHeld: 4.2 },
	'fresh-holdout-16.json': { dangerRecall: 96.6, policyToSafeguarding: 8.8, profanityHeld: 97.7, ordinaryHeld: 11.7 },
	'fresh-holdout-17.json': { dangerRecall: 98.3, policyToSafeguarding: 8.1, profanityHeld: 99.9, ordinaryHeld: 6.7 },
	// The eighteenth to twentieth, measured on their own in the eighth round (their history): written blind on 2026-12-03 for the eighth round by six writers (two halves each) who read
	// only the corpus README's label section, the product brief and the plans: the eighteenth, South Central coast fishing
	// villages and migrant workers' children around Hồ Chí Minh City; the nineteenth, the Nghệ-Tĩnh voice of the North Central
	// region and Huế, Quảng Trị, Quảng Bình after a flood season; the twentieth, the Northern midlands (Tày, Nùng, Sán Dìu, Dao)
	// and a national online forum in chat style. Measured once with the round's checks frozen (the diff of 2d8ab41 hashed
	// 7c671ed6bbfc, after its review), rows unread. Eighteenth: 98.9 % recall, 17.3 % policy sent (26/150, 22 the patterns'),
	// 95.6 % profanity held, 13.3 % ordinary held. Nineteenth: 95.0 %, 10.7 % (16, all the patterns'), 96.7 %, 5.0 %.
	// Twentieth: 100.0 %, 8.7 % (13, all the patterns'), 97.8 %, 5.8 %. With the checks of 2d8ab41, before the round: 98.9 %,
	// 18.7 %, 95.6 %, 15.8 %; 95.0 %, 15.3 %, 96.7 %, 5.0 %; 100.0 %, 9.3 %, 97.8 %, 11.7 %.
	// Ninth round: their rows read and trained on (FIRST_UNTRAINED_FRESH = 21); measured out of fold since.
	'fresh-holdout-18.json': { dangerRecall: 99.9, policyToSafeguarding: 8.1, profanityHeld: 95.4, ordinaryHeld: 7.6 },
	'fresh-holdout-19.json': { dangerRecall: 99.9, policyToSafeguarding: 2.8, profanityHeld: 96.5, ordinaryHeld: 3.5 },
	'fresh-holdout-20.json': { dangerRecall: 99.9, policyToSafeguarding: 0.1, profanityHeld: 97.6, ordinaryHeld: 4.3 },
	'extra-c-everyday.json': { dangerRecall: 100.0, policyToSafeguarding: 0.0, profanityHeld: 100.0, ordinaryHeld: 1.5 },
	'extra-e-everyday.json': { dangerRecall: 100.0, policyToSafeguarding: 0.0, profanityHeld: 100.0, ordinaryHeld: 12.2 },
	'extra-e-insults.json': { dangerRecall: 100.0, policyToSafeguarding: 0.0, profanityHeld: 88.8, ordinaryHeld: 0.0 },
	'extra-f-twins.json': { dangerRecall: 98.8, policyToSafeguarding: 0.0, profanityHeld: 100.0, ordinaryHeld: 7.9 },
	'extra-h-insults.json': { dangerRecall: 100.0, policyToSafeguarding: 0.0, profanityHeld: 91.8, ordinaryHeld: 4.5 },
	'extra-i-dev.json': { dangerRecall: 98.6, policyToSafeguarding: 0.0, profanityHeld: 96.6, ordinaryHeld: 12.8 },
	'extra-j-dev.json': { dangerRecall: 99.4, policyToSafeguarding: 0.0, profanityHeld: 100.0, ordinaryHeld: 10.1 },
	'extra-k-dev.json': { dangerRecall: 100.0, policyToSafeguarding: 5.1, profanityHeld: 73.2, ordinaryHeld: 14.1 },
	'extra-l-dev.json': { dangerRecall: 99.1, policyToSafeguarding: 0.0, profanityHeld: 93.2, ordinaryHeld: 9.4 },
	'extra-m-dev.json': { dangerRecall: 100.0, policyToSafeguarding: 11.1, profanityHeld: 100.0, ordinaryHeld: 0.0 },
	'extra-n-dev.json': { dangerRecall: 97.1, policyToSafeguarding: 1.2, profanityHeld: 100.0, ordinaryHeld: 5.1 },
	'extra-o-dev.json': { dangerRecall: 94.1, policyToSafeguarding: 0.0, profanityHeld: 100.0, ordinaryHeld: 8.9 },
	'extra-p-dev.json': { dangerRecall: 97.9, policyToSafeguarding: 0.0, profanityHeld: 100.0, ordinaryHeld: 26.8 },
	'extra-q-dev.json': { dangerRecall: 100.0, policyToSafeguarding: 0.0, profanityHeld: 100.0, ordinaryHeld: 15.4 },
	// extra-s (README), measured before its rules, with a model not trained on it: 88.9 % recall, 27.6 % policy sent (48 by the
	// patterns, 10 by the model), 88.3 % profanity held (unaccented oaths 13 of 20). After its rules and a review's narrowing of
	// them, trained on it: 93.3 %, 11.0 % (22 and 1), 90.0 %; out of fold below.
	'extra-s-dev.json': { dangerRecall: 89.9, policyToSafeguarding: 13.9, profanityHeld: 89.9, ordinaryHeld: 0.0 },
	'extra-r-dev.json': { dangerRecall: 97.1, policyToSafeguarding: 10.1, profanityHeld: 100.0, ordinaryHeld: 33.4 },
};
interface Tally {
	n: number;
	ok: number;
}

/** What counts as right for each label (README): danger → danger; policy → not danger; profanity → held; ordinary → clean. */
function right(label: Row['label'], verdict: SafetyVerdict): boolean {
	if (label === 'danger') return verdict === 'danger';
	if (label === 'policy') return verdict !== 'danger';
	if (label === 'profanity') return verdict !== 'clean';
	return verdict === 'clean';
}

interface Figures {
	dangerRecall: number;
	dangerPrecision: number;
	policyToSafeguarding: number;
	profanityHeld: number;
	heldPrecision: number;
	ordinaryHeld: number;
	byCategory: Map<string, Tally>;
	misses: Row[];
}

function measure(rows: readonly Row[], verdicts: readonly SafetyVerdict[]): Figures {
	const byCategory = new Map<string, Tally>();
	let danger = 0,
		dangerHit = 0,
		saidDanger = 0,
		saidDangerRight = 0,
		policy = 0,
		policyDanger = 0,
		profanity = 0,
		profanityHeld = 0,
		held = 0,
		heldRight = 0,
		ordinary = 0,
		ordinaryHeld = 0;
	const misses: Row[] = [];
	rows.forEach((row, i) => {
		const verdict = verdicts[i];
		const key = `${row.label}/${row.category}`;
		const tally = byCategory.get(key) ?? { n: 0, ok: 0 };
		tally.n++;
		if (right(row.label, verdict)) tally.ok++;
		else misses.push(row);
		byCategory.set(key, tally);
		if (verdict === 'danger' && (row.label === 'danger' || row.label === 'policy')) {
			saidDanger++;
			if (row.label === 'danger') saidDangerRight++;
		}
		if (row.label === 'danger') {
			danger++;
			if (verdict === 'danger') dangerHit++;
		} else if (row.label === 'policy') {
			policy++;
			if (verdict === 'danger') policyDanger++;
		}
		if (row.label === 'profanity' || row.label === 'ordinary') {
			if (verdict !== 'clean') {
				held++;
				if (row.label === 'profanity') heldRight++;
			}
			if (row.label === 'profanity') {
				profanity++;
				if (verdict !== 'clean') profanityHeld++;
			} else {
				ordinary++;
				if (verdict !== 'clean') ordinaryHeld++;
			}
		}
	});
	const pct = (a: number, b: number) => (b ? (100 * a) / b : 100);
	return {
		dangerRecall: pct(dangerHit, danger),
		dangerPrecision: pct(saidDangerRight, saidDanger),
		policyToSafeguarding: policy ? (100 * policyDanger) / policy : 0,
		profanityHeld: pct(profanityHeld, profanity),
		heldPrecision: pct(heldRight, held),
		ordinaryHeld: ordinary ? (100 * ordinaryHeld) / ordinary : 0,
		byCategory,
		misses
	};
}

function report(title: string, figures: Figures) {
	const lines = [`\n${title}`, '  label/category                 right      %'];
	for (const [key, tally] of [...figures.byCategory.entries()].sort()) {
		lines.push(`  ${key.padEnd(30)} ${`${tally.ok}/${tally.n}`.padStart(7)} ${((100 * tally.ok) / tally.n).toFixed(1).padStart(6)}`);
	}
	const f = (x: number) => `${x.toFixed(1)} %`;
	lines.push(
		`  danger: recall ${f(figures.dangerRecall)}, precision ${f(figures.dangerPrecision)} (of danger+policy items sent to safeguarding)`,
		`  policy items sent to safeguarding: ${f(figures.policyToSafeguarding)}`,
		`  profanity held: ${f(figures.profanityHeld)}; precision of holding ${f(figures.heldPrecision)}; ordinary items held: ${f(figures.ordinaryHeld)}`
	);
	console.log(lines.join('\n'));
}

function verdictsWith(model: TextModel, rows: readonly Row[]): SafetyVerdict[] {
	const assess = createAssessText(model);
	return rows.map((row) => assess(row.text));
}

/** What issue 15 asks of the held-out figures. */
const TARGETS = { dangerRecall: 95, policyToSafeguarding: 5, profanityHeld: 90, ordinaryHeld: 2 };
/**
 * What the checks reach today on the holdout: the test's floor until the targets are met (ordinary
 * held is at its target). Raised on 2026-12-01 with the everyday structures, extra-c's disclosures
 * and policy questions, extra-d-train.json and the everyday threshold: recall 94.3 → 94.6 %,
 * profanity held 91.4 % (unchanged), policy sent 6.7 % (unchanged; all twelve by the patterns).
 * Policy sent 6.7 → 0.0 % on 2026-12-01 (third round) with four structures these rows showed (they
 * were read in earlier rounds, so this is no blind figure): whether a harm can happen ("có thể bị …
 * không"), a rule for everyone ("không ai được chạm vào"), a warning not to send pictures, and
 * households in general ("những gia đình hay…").
 * Danger recall 94.6 → 95.4 % on 2026-12-02 (fourth round, structures from extra-i and extra-j; these rows
 * were read in earlier rounds): a child bride who says how long she has been married ("về nhà chồng được 2
 * tháng rồi, em 15 tuổi"; "nhà chồng không cho…" is no "chống"), and a mother gone, the power cut off.
 */
// Sixth round: 96.6 → 95.4 % recall when every read set joined training (94.6 % before disclosures were weighted 1.5).
const FLOORS = { dangerRecall: 95.3, policyToSafeguarding: 0, profanityHeld: 91.4, ordinaryHeld: 2.0 };
/**
 * The fresh holdouts kept out of training: their figures when first measured, blind, and since (aggregates only read).
 * The first to the ninth are trained on since issue 15's sixth round, the tenth to fourteenth since its seventh, the fifteenth to
 * seventeenth since its eighth, the eighteenth to twentieth since its ninth (OUT_OF_FOLD_FLOORS).
 */
const FRESH_FLOORS: Record<string, Floors> = {
	// The twenty-first to twenty-third, written blind on 2026-12-03 for the ninth round by six writers (two halves each) who read
	// only the corpus README's label section, the product brief and the plans: the twenty-first, a Mekong Delta commune forum
	// (Kinh and Khmer children) and an inner-city Hà Nội district children's council; the twenty-second, a Central Highlands
	// district dialogue (Jrai, Bahnar, Ê Đê) and a North-West boarding-school provincial forum (Hmong, Thái, Dao); the
	// twenty-third, an online forum of factory workers' children around Hồ Chí Minh City and a Northern delta coast provincial
	// forum (fishing villages, parishes). Measured once with the round's checks frozen and reviewed (the diff of 017dc5f hashed
	// 73daac7a2893), rows unread. Twenty-first: 93.3 % recall, 9.3 % policy sent (14/150, all the patterns'), 98.9 %
	// profanity held, 5.0 % ordinary held. Twenty-second: 96.1 %, 5.3 % (8, all the patterns'), 100.0 %, 10.0 %.
	// Twenty-third: 99.4 %, 11.3 % (17, 16 the patterns'), 96.7 %, 11.7 %. With the checks of 017dc5f, before the round:
	// 90.6 %, 8.7 %, 98.9 %, 5.0 %; 96.1 %, 5.3 %, 100.0 %, 10.0 %; 99.4 %, 11.3 %, 96.7 %, 11.7 %.
	'fresh-holdout-21.json': { dangerRecall: 93.2, policyToSafeguarding: 9.5, profanityHeld: 98.7, ordinaryHeld: 5.1 },
	'fresh-holdout-22.json': { dangerRecall: 96.0, policyToSafeguarding: 5.5, profanityHeld: 99.9, ordinaryHeld: 10.1 },
	'fresh-holdout-23.json': { dangerRecall: 99.3, policyToSafeguarding: 11.5, profanityHeld: 96.5, ordinaryHeld: 11.8 }
};

describe('the text checks on the children’s corpus', () => {
	it('are measured on the holdouts and by cross-validation', () => {
		const all = [...train, ...holdout];
		const prepared = new Map<Row, Prepared>();
		prepareRows([...all, ...fresh]).forEach((p, i) => prepared.set([...all, ...fresh][i], p));
		const model = trainPrepared(train.map((row) => prepared.get(row)!));
		console.log(
			`model: ${Object.keys(model.weights).length} features, threshold ${model.threshold} (${model.everydayThreshold} with an everyday cue), trained on ${train.length} rows`
		);

		// Cross-validation over every row, folds by group (with the threshold chosen for the train
		// rows). The patterns and the word filter do not learn, so each row's pattern and filter
		// results are computed once; the fold's model decides the rest, exactly as assessText does.
		const held = eventWordFilter('');
		const filterSays = all.map((row) => held(row.text));
		const k = 5;
		const cvVerdicts: SafetyVerdict[] = new Array(all.length);
		for (let fold = 0; fold < k; fold++) {
			const inFold = (row: Row) => foldOf(row.group, k) === fold;
			const foldModel = trainPrepared(
				all.filter((row) => !inFold(row)).map((row) => prepared.get(row)!),
				{ threshold: model.threshold, everydayThreshold: model.everydayThreshold }
			);
			all.forEach((row, i) => {
				if (!inFold(row)) return;
				const p = prepared.get(row)!;
				const danger = p.pattern || modelDecides(foldModel, p);
				cvVerdicts[i] = danger ? 'danger' : filterSays[i] ? 'filtered' : 'clean';
			});
		}
		report(`5-fold cross-validation over all rows (${all.length})`, measure(all, cvVerdicts));
		for (const [name, floors] of Object.entries(OUT_OF_FOLD_FLOORS)) {
			const rows = all.filter((row) => row.file === name);
			const figures = measure(rows, cvVerdicts.filter((_, i) => all[i].file === name));
			report(`${name} (${rows.length} rows, out of fold)`, figures);
			expectFloors(figures, floors, `${name}, out of fold`);
		}

		const figures = measure(holdout, verdictsWith(model, holdout));
		report(`First holdouts (${holdout.length} rows; read in earlier rounds, never trained on)`, figures);
		expect(holdout.length, 'holdout rows').toBeGreaterThan(0);
		console.log(
			`  targets: danger recall >= ${TARGETS.dangerRecall} %, policy sent <= ${TARGETS.policyToSafeguarding} %, ` +
				`profanity held >= ${TARGETS.profanityHeld} %, ordinary held <= ${TARGETS.ordinaryHeld} %`
		);
		expectFloors(figures, FLOORS, 'first holdouts');

		expect(FRESH_FILES.length, 'fresh holdouts').toBeGreaterThanOrEqual(FIRST_UNTRAINED_FRESH > 0 ? 3 : 0);
		for (const set of freshSets) {
			const unseen = measure(set.rows, verdictsWith(model, set.rows));
			report(`Fresh holdout (${set.rows.length} rows, ${set.name}: never read, never trained on)`, unseen);
			expect(set.rows.length, `${set.name} rows`).toBeGreaterThan(0);
			expect(FRESH_FLOORS[set.name], `floors for ${set.name}`).toBeDefined();
			expectFloors(unseen, FRESH_FLOORS[set.name], set.name);
		}
		// Training the models takes a minute here; on a loaded 2-core machine, several times that.
	}, 600_000);
});

function expectFloors(figures: Figures, floors: Floors, name: string) {
	if (floors.dangerRecall !== undefined) expect(figures.dangerRecall, `danger recall, ${name}`).toBeGreaterThanOrEqual(floors.dangerRecall);
	if (floors.policyToSafeguarding !== undefined) expect(figures.policyToSafeguarding, `policy sent, ${name}`).toBeLessThanOrEqual(floors.policyToSafeguarding);
	if (floors.profanityHeld !== undefined) expect(figures.profanityHeld, `profanity held, ${name}`).toBeGreaterThanOrEqual(floors.profanityHeld);
	if (floors.ordinaryHeld !== undefined) expect(figures.ordinaryHeld, `ordinary held, ${name}`).toBeLessThanOrEqual(floors.ordinaryHeld);
}
