/**
 * Insults without a swear word, aimed at a person: "thằng kia mặt dày", "mày bị thiểu năng à", "đồ
 * não cá vàng", "nó đúng là đồ hai mặt". The words alone are often ordinary ("lùn nhất lớp", "bìa mặt
 * dày", "đồ nhà quê bà gửi lên", "đồ bỏ đi" said of old clothes), so an insult here is a word run
 * after a word that names the person insulted ("thằng", "thg", "đồ", "mày", "m", "mi", "nó", "con
 * kia"), with at most a few linking words between ("kia", "đúng là", "bị"…). Whole words only, and
 * the diacritics the child typed count: "ngu" is not "ngủ". Typed without any diacritics, "may ngu"
 * may be "mày ngủ" and "do ngu" "do ngủ", so there only "thằng"/"thg" names the person, and only
 * the runs no ordinary word folds to ("não cá vàng", "trẻ trâu", "cái thá gì") are held alone.
 * The person may also be named after the insult ("con dở hơi ấy", "loại mất nết như mày"), or be
 * the one spoken to, when the insult opens a sentence as a retort ("Ngu thế,", "Thần kinh à,").
 * Spelled out letter by letter or masked ("n g u", "đ.i.ê.n") it is meant whatever the marks, and
 * stretched ("nguuuu") it is the word.
 * Read by the word filter (`word-filter.ts`) on its tokens; the event's own list is separate.
 */

/** A word of the text as the word filter reads it: folded, as typed (tone-insensitive key), marks or not. */
export interface InsultToken {
	accent: string;
	folded: string;
	accented: boolean;
	boundary: boolean;
	first: boolean;
	/** Spelled out letter by letter or masked ("n g u", "n.g.u"): plainly meant. */
	disguised?: boolean;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
function accentKey(word: string): string {
	const decomposed = word.normalize('NFD');
	const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
	return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
}
const foldWord = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');

interface Term {
	words: { accent: string; folded: string; marked: boolean }[];
	/** Who may be named before it: every person word, or only "thằng", "đồ", "con kia" (not "mày"/"nó", where it may be a description: "nó lùn nhất lớp"). */
	narrow: boolean;
	/** Also an ordinary noun after "đồ" ("đồ nhà quê" sent by a grandmother): "đồ" counts only opening a sentence. */
	thingAfterDo: boolean;
	/** No ordinary words fold to it: held typed without diacritics, and after no person word. */
	alone: boolean;
	/** Words after it that make it ordinary: "điên đầu", "điên tiết". */
	unlessNext?: ReadonlySet<string>;
	/** A noun phrase, an insult only after "đồ": "đồ bỏ đi", while "nó bỏ đi rồi" is someone leaving. */
	needsDo: boolean;
	/** Said to the one spoken to when it opens a sentence as a retort: "Ngu thế,", "Thần kinh à,". */
	retort: boolean;
	/** A disability, an insult only asked of the one spoken to ("mày điếc à", "Mù à?"); "bạn ấy bị câm" is a classmate. */
	spokenTo: boolean;
}

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** What food harms ("đồ ăn hại dạ dày", "… hại sức khỏe"): then "đồ ăn" is food, not a useless person. */
export const HARMED_BY_FOOD = set('da suc rang gan than tim bung ruot phoi xuong nao tri duong he tieu');

/** Insults aimed at a person: [runs, options]. */
const TERMS: ReadonlyArray<readonly [string, Partial<Omit<Term, 'words'>>?]> = [
	['ngu', { retort: true }],
	['ngu ngốc', { retort: true }],
	// "điên đầu", "điên tiết", "điên mất" (driven mad by homework), "điên điển" (a flower).
	['điên', { unlessNext: set('dau cuong tiet len mat dien'), retort: true }],
	['khùng', { retort: true }],
	['khùng điên'],
	['điên khùng'],
	// "hâm mộ" (admire), "hâm nóng" (warm up food).
	['hâm', { retort: true, unlessNext: set('mo nong') }],
	['hâm hấp', { retort: true }],
	['đần', { retort: true }],
	['ngốc', { retort: true }],
	['ngáo', { retort: true, unlessNext: set('op') }],
	['mặt dày', { retort: true }],
	['ăn hại', { unlessNext: HARMED_BY_FOOD }],
	['ăn bám'],
	['não cá vàng', { alone: true }],
	['não phẳng', { alone: true }],
	['não tôm', { alone: true }],
	['phế vật', { alone: true }],
	['trẻ trâu', { alone: true }],
	['cái thá gì', { alone: true }],
	['cái thá j', { alone: true }],
	['vô dụng'],
	['hai mặt'],
	['2 mặt'],
	['mồm thối'],
	['miệng thối'],
	// "nó tham ăn" is also said of a cat or a little brother: only after "thằng", "đồ", "con kia".
	['tham ăn', { narrow: true }],
	['ẻo lả'],
	['dở người'],
	['dở ng'],
	['dở hơi', { retort: true }],
	['thiểu năng', { unlessNext: set('tri') }],
	['đầu bò'],
	['đầu đất'],
	['mất dạy', { retort: true }],
	['mất nết'],
	['vô giáo dục'],
	['bệnh hoạn', { retort: true }],
	['rác rưởi'],
	['súc vật'],
	['chảnh chó'],
	['mặt lợn'],
	['mặt heo'],
	['mặt chó'],
	// A nerve, a coward, a betrayal or no schooling are also said of someone plainly ("hệ thần kinh",
	// "nó nhát gan lắm", "nó phản bội tao", "nó thất học"): only after "thằng", "đồ", "con kia", or as a retort.
	['thần kinh', { narrow: true, retort: true }],
	['nhát gan', { narrow: true }],
	['nhát cáy', { narrow: true }],
	['hèn nhát', { narrow: true }],
	['phản bội', { narrow: true }],
	['thất học', { narrow: true }],
	['bại não', { narrow: true }],
	['giả tạo', { narrow: true }],
	['trẩu', { narrow: true }],
	// Not alone: typed without marks, "nao tan" is "nào tan (học)", "nao ngan" "nào ngắn", "trau tre" "trâu trẻ".
	['trẩu tre'],
	['não tàn'],
	['não ngắn'],
	['vô liêm sỉ'],
	['đạo đức giả'],
	['xỏ lá'],
	['hãm tài'],
	['đầu heo'],
	['đầu lợn'],
	['mù', { spokenTo: true, retort: true }],
	['điếc', { spokenTo: true, retort: true }],
	['câm', { spokenTo: true, retort: true }],
	['xấu như ma'],
	['xấu như chó'],
	['béo ú', { narrow: true }],
	['lùn', { narrow: true }],
	['lùn tịt', { narrow: true }],
	['dốt', { narrow: true }],
	['láo', { narrow: true }],
	['hèn', { narrow: true }],
	['nhà quê', { thingAfterDo: true }],
	['quê mùa', { thingAfterDo: true }],
	['bỏ đi', { thingAfterDo: true, needsDo: true }],
	['xấu xí', { thingAfterDo: true }],
	// Fourth round (issue 15): more of what 12–16-year-olds call each other, written by the team (the blind
	// holdouts held about two insults in three without a swear word).
	['não bã đậu'],
	['đê tiện'],
	['bỉ ổi'],
	['vô văn hóa'],
	['lăng loàn'],
	['lẳng lơ'],
	['đểu cáng'],
	['hạ đẳng'],
	['rẻ rách'],
	['thối tha'],
	['lười chảy thây'],
	['vô tích sự'],
	['nhãi ranh'],
	['oắt con'],
	['chết dẫm'],
	['dê xồm'],
	['kinh tởm'],
	['heo béo'],
	['lợn béo'],
	// Also said plainly of someone, or of a thing ("bệnh tâm thần", "nó ích kỷ quá", "con lợn nhà em"): only
	// after "thằng", "đồ", "con kia", or as a retort.
	['biến thái', { narrow: true }],
	['hỗn láo', { narrow: true }],
	['tâm thần', { narrow: true }],
	['ăn mày', { narrow: true }],
	['xấu tính', { narrow: true }],
	['nịnh hót', { narrow: true }],
	['bợ đỡ', { narrow: true }],
	['hôi hám', { narrow: true }],
	['bẩn thỉu', { narrow: true }],
	['mách lẻo', { narrow: true }],
	['giả nai', { narrow: true }],
	['ích kỷ', { narrow: true }],
	['bám đuôi', { narrow: true }],
	['mít ướt', { narrow: true }],
	['thất bại', { narrow: true }],
	['lừa đảo', { narrow: true }],
	['ăn cắp', { narrow: true }],
	['hãm', { narrow: true }],
	['khốn', { narrow: true }],
	['tởm', { narrow: true }],
	['con lợn', { narrow: true }],
	['con heo', { narrow: true }],
	// No ordinary words fold to these: held however typed, and after no person word.
	['béo như lợn', { alone: true }],
	['béo như con lợn', { alone: true }],
	// "nói chuyện như con khùng" (not "như con khủng long").
	['như con khùng', { alone: true, unlessNext: set('long') }],
	['như thằng khùng', { alone: true }],
	// (Not "như con điện thoại", "như con điện tử" typed without marks.)
	['như con điên', { alone: true, unlessNext: set('thoai tu may anh hoa') }],
	['như thằng điên', { alone: true, unlessNext: set('thoai tu may') }],
	['béo như heo', { alone: true }],
	['mặt như cái bánh đa', { alone: true }],
	['mặt như cái mâm', { alone: true }],
	['chảnh']
];

const COMPILED: Term[] = TERMS.map(([run, options]) => ({
	words: run.split(' ').map((w) => ({ accent: accentKey(w), folded: foldWord(w), marked: foldWord(w) !== w })),
	narrow: false,
	thingAfterDo: false,
	alone: false,
	needsDo: false,
	retort: false,
	spokenTo: false,
	...options
}));
const BY_FIRST = new Map<string, Term[]>();
for (const term of COMPILED) BY_FIRST.set(term.words[0].folded, [...(BY_FIRST.get(term.words[0].folded) ?? []), term]);

/** Words that name the person insulted, as typed (accent keys); "thằng"/"thg" also without marks. */
const keys = (words: string) => new Set(words.split(' ').map(accentKey));
const NAMES_NARROW = keys('thằng thg đồ');
const NAMES_WIDE = keys('thằng thg đồ mày mầy m mi nó');
const STRONG_FOLDED = set('thang thg');
/** "con" names a person only before "kia", "nhỏ", "đó"…: "con kia mồm thối", not "con bò" or "con heo". */
const CON_THEN = keys('kia nhỏ đó này ấy');
/** Words that may come between the name and the insult: "thằng kia mặt dày", "mày đúng là đồ…", "mày bị thiểu năng". */
const LINKS = keys('kia đó này nhỏ ấy đúng đúg là bị thật trông cứ quá');
const LINKS_FOLDED = set('kia');
/** Words before a person's name: "bạn Nam", "thằng Tuấn", "con Lan". */
const BEFORE_A_NAME = keys('bạn bn thằng thg con');
const MAX_LINKS = 3;
const DO = accentKey('đồ');
/** Spelled out or masked, the word is meant: these name the person however they were typed. */
const NAMES_FOLDED = set('thang thg do may m mi no con');
/** "… như mày": the person named after the insult ("loại mất nết như mày", "ngu như nó"). */
const LIKE = accentKey('như');
const YOU_AFTER_LIKE = keys('mày mầy mi nó m');
/** Closing a retort that opens a sentence: "Ngu thế,", "Thần kinh à,", "Điên à?". */
const RETORT_ENDS = keys('à á hả hử ak ah thế vậy z v');
/** "… vừa thôi": telling someone to stop being it ("ngu vừa thôi", "mày chảnh chó vừa thôi"). */
const ENOUGH = keys('vừa');
const ENOUGH_THEN = keys('thôi thui phải');
/** Asked of the one spoken to: "mày điếc à", "m mù hả". */
const QUESTION_ENDS = keys('à á hả hử ak ah');
const YOU = keys('mày mầy mi');

/** Is the person named before tokens[i] (see the file comment)? `typed`: the insult was matched as typed. */
function named(tokens: readonly InsultToken[], i: number, term: Term, typed: boolean): boolean {
	const names = term.narrow ? NAMES_NARROW : NAMES_WIDE;
	for (let j = i - 1, links = 0; j >= 0 && links <= MAX_LINKS; j--) {
		const t = tokens[j];
		if (t.boundary) return false;
		const isDo = t.accented && t.accent === DO;
		if (typed && t.accented && names.has(t.accent) && !(isDo && j !== i - 1)) {
			// "đồ" right before a thing that is also ordinary ("mẹ bảo là đồ bỏ đi", "đồ nhà quê bà gửi"):
			// only opening a sentence, or with the person named before it ("nó đúng là đồ bỏ đi").
			if (!(isDo && term.thingAfterDo && !t.first)) return true;
			links++;
			continue;
		}
		// "m", "thg", and the Central "mi" (mày) typed without marks in a text with them.
		if (typed && !t.accented && (t.folded === 'm' || t.folded === 'thg' || t.folded === 'mi') && names.has(t.accent)) return true;
		if (STRONG_FOLDED.has(t.folded) && !t.accented) return true;
		if (t.folded === 'thang' && t.accent === accentKey('thằng')) return true;
		if (t.folded === 'con' && links > 0 && CON_THEN.has(tokens[j + 1].accent)) return typed || LINKS_FOLDED.has(tokens[j + 1].folded);
		if (!(t.accented ? LINKS.has(t.accent) : typed ? LINKS.has(t.accent) : LINKS_FOLDED.has(t.folded))) {
			// A name after the person word, then a link: "bạn Nam đúng là đồ bỏ đi", "thằng Tuấn đúng là…".
			const before = tokens[j - 1];
			// Right after "thằng Tuấn" too: "Thằng Tuấn béo như con lợn".
			return typed && !term.narrow && (links > 0 || STRONG_FOLDED.has(before?.folded ?? '') || before?.accent === accentKey('thằng')) && !!before && !before.boundary && BEFORE_A_NAME.has(before.accent);
		}
		links++;
	}
	return false;
}

/** An accent key with its stretched letters shortened ("nguuuu" → "ngu"; the tone marks kept at the end). */
function unstretch(accent: string): string {
	const tones = accent.match(TONE_MARKS)?.join('') ?? '';
	return accent.replace(TONE_MARKS, '').replace(/(\p{L})\1+/gu, '$1') + tones;
}

/** "vừa thôi" at tokens[at], closing the clause: "Ngu vừa thôi,", "chảnh chó vừa thôi". */
function toldToStop(tokens: readonly InsultToken[], at: number): boolean {
	const enough = tokens[at];
	const then = tokens[at + 1];
	if (!enough || tokens[at - 1].boundary || enough.boundary || !ENOUGH.has(enough.accent) || !then) return false;
	return ENOUGH_THEN.has(then.accent) && (then.boundary || !tokens[at + 2] || then.accent === accentKey('phải'));
}

/** A spelled-out insult: the person named before it, however typed ("May n g u", "Do d.i.e.n"). */
function namedAnyhow(tokens: readonly InsultToken[], i: number): boolean {
	for (let j = i - 1, links = 0; j >= 0 && links <= MAX_LINKS; j--, links++) {
		const t = tokens[j];
		if (t.boundary) return false;
		if (NAMES_FOLDED.has(t.folded)) return true;
		if (!LINKS.has(t.accent) && !LINKS_FOLDED.has(t.folded)) return false;
	}
	return false;
}

/**
 * The person named after the insult: "con dở hơi ấy", "con ngáo kia" ("con" before, a demonstrative
 * after: not "con bò kia", which is no insult), or "… như mày" ("loại mất nết như mày"; not the words
 * that may describe, "lùn như nó"). Typed as the insult is, so "như máy" is no "như mày".
 */
function namedAfter(tokens: readonly InsultToken[], i: number, n: number, term: Term): boolean {
	const last = tokens[i + n - 1];
	const after = last.boundary ? undefined : tokens[i + n];
	if (!after) return false;
	const before = tokens[i - 1];
	if (before && !before.boundary && before.folded === 'con' && (CON_THEN.has(after.accent) || after.folded === 'kia')) return true;
	if (term.narrow || after.accent !== LIKE || after.boundary) return false;
	const you = tokens[i + n + 1];
	return !!you && YOU_AFTER_LIKE.has(you.accent) && (you.accented || you.folded === 'm' || you.folded === 'mi');
}

/** Does an insult aimed at a person start at tokens[i]? `textAccented`: the child typed with diacritics somewhere. */
export function aimedInsultAt(tokens: readonly InsultToken[], i: number, textAccented: boolean): boolean {
	if (!BY_FIRST.has(tokens[i].folded) && /(\p{L})\1/u.test(tokens[i].folded)) {
		// Stretched ("nguuuu", "điênnn"): read as the word, with the marks the child typed.
		const copy = [...tokens];
		copy[i] = { ...tokens[i], folded: tokens[i].folded.replace(/(\p{L})\1+/gu, '$1'), accent: unstretch(tokens[i].accent) };
		return BY_FIRST.has(copy[i].folded) && aimedInsultAt(copy, i, textAccented);
	}
	const terms = BY_FIRST.get(tokens[i].folded);
	if (!terms) return false;
	for (const term of terms) {
		const n = term.words.length;
		let typed = true;
		let fits = true;
		for (let k = 0; k < n && fits; k++) {
			const t = tokens[i + k];
			const w = term.words[k];
			if (!t || t.folded !== w.folded || (k < n - 1 && t.boundary)) fits = false;
			else if (t.accented) fits = t.accent === w.accent;
			// Typed without marks: as typed when the word has none and the child uses diacritics ("m ngu thế").
			else if (w.marked || !textAccented) typed = false;
		}
		if (!fits) continue;
		const last = tokens[i + n - 1];
		const after = last.boundary ? undefined : tokens[i + n];
		if (term.unlessNext && term.unlessNext.has(after?.folded ?? '')) continue;
		if (term.needsDo && !(tokens[i - 1]?.folded === 'do' && (tokens[i - 1].accented ? tokens[i - 1].accent === DO : !typed))) continue;
		const closes = !!after && (after.boundary || !tokens[i + n + 1]);
		// A retort opening a sentence, to the one spoken to: "Ngu thế, …", "Thần kinh à, …".
		if (typed && term.retort && tokens[i].first && closes && RETORT_ENDS.has(after!.accent)) return true;
		if (typed && !term.narrow && !term.spokenTo && toldToStop(tokens, i + n)) return true;
		if (term.spokenTo) {
			const you = tokens[i - 1];
			if (typed && closes && QUESTION_ENDS.has(after!.accent) && you && !you.boundary && (YOU.has(you.accent) || you.folded === 'm')) return true;
			continue;
		}
		if (n === 1 && tokens[i].disguised && (tokens[i].first || namedAnyhow(tokens, i))) return true;
		if (term.alone || named(tokens, i, term, typed)) return true;
		if (typed && namedAfter(tokens, i, n, term)) return true;
		// "Do an bam, …" typed without marks: "đồ" opening a sentence, the insult closing the clause.
		const before = tokens[i - 1];
		if (!typed && !term.narrow && before?.first && before.folded === 'do' && !before.accented && tokens[i + n - 1].boundary) return true;
	}
	return false;
}
