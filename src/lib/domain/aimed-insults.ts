/**
 * Insults without a swear word, aimed at a person: "thằng kia mặt dày", "mày bị thiểu năng à", "đồ
 * não cá vàng", "nó đúng là đồ hai mặt". The words alone are often ordinary ("lùn nhất lớp", "bìa mặt
 * dày", "đồ nhà quê bà gửi lên", "đồ bỏ đi" said of old clothes), so an insult here is a word run
 * after a word that names the person insulted ("thằng", "thg", "đồ", "mày", "m", "mi", "nó", "con
 * kia"), with at most a few linking words between ("kia", "đúng là", "bị"…). Whole words only, and
 * the diacritics the child typed count: "ngu" is not "ngủ". Typed without any diacritics, "may ngu"
 * may be "mày ngủ" and "do ngu" "do ngủ", so there only "thằng"/"thg" names the person, and only
 * the runs no ordinary word folds to ("não cá vàng", "trẻ trâu", "cái thá gì") are held alone.
 * Read by the word filter (`word-filter.ts`) on its tokens; the event's own list is separate.
 */

/** A word of the text as the word filter reads it: folded, as typed (tone-insensitive key), marks or not. */
export interface InsultToken {
	accent: string;
	folded: string;
	accented: boolean;
	boundary: boolean;
	first: boolean;
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
}

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** Insults aimed at a person: [runs, options]. */
const TERMS: ReadonlyArray<readonly [string, Partial<Omit<Term, 'words'>>?]> = [
	['ngu'],
	['ngu ngốc'],
	['điên', { unlessNext: set('dau cuong tiet len mat') }],
	['khùng'],
	['khùng điên'],
	['điên khùng'],
	['hâm'],
	['hâm hấp'],
	['đần'],
	['ngốc'],
	['ngáo'],
	['mặt dày'],
	['ăn hại'],
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
	['tham ăn'],
	['ẻo lả'],
	['dở người'],
	['dở ng'],
	['dở hơi'],
	['thiểu năng', { unlessNext: set('tri') }],
	['đầu bò'],
	['đầu đất'],
	['mất dạy'],
	['bệnh hoạn'],
	['rác rưởi'],
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
	['bỏ đi', { thingAfterDo: true, narrow: false }],
	['xấu xí', { thingAfterDo: true }]
];

const COMPILED: Term[] = TERMS.map(([run, options]) => ({
	words: run.split(' ').map((w) => ({ accent: accentKey(w), folded: foldWord(w), marked: foldWord(w) !== w })),
	narrow: false,
	thingAfterDo: false,
	alone: false,
	...options
}));
const BY_FIRST = new Map<string, Term[]>();
for (const term of COMPILED) BY_FIRST.set(term.words[0].folded, [...(BY_FIRST.get(term.words[0].folded) ?? []), term]);

/** Words that name the person insulted, as typed (accent keys); "thằng"/"thg" also without marks. */
const keys = (words: string) => new Set(words.split(' ').map(accentKey));
const NAMES_NARROW = keys('thằng thg đồ');
const NAMES_WIDE = keys('thằng thg đồ mày m mi nó');
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
		if (typed && !t.accented && (t.folded === 'm' || t.folded === 'thg') && names.has(t.accent)) return true;
		if (STRONG_FOLDED.has(t.folded) && !t.accented) return true;
		if (t.folded === 'thang' && t.accent === accentKey('thằng')) return true;
		if (t.folded === 'con' && links > 0 && CON_THEN.has(tokens[j + 1].accent)) return typed || LINKS_FOLDED.has(tokens[j + 1].folded);
		if (!(t.accented ? LINKS.has(t.accent) : typed ? LINKS.has(t.accent) : LINKS_FOLDED.has(t.folded))) {
			// A name after the person word, then a link: "bạn Nam đúng là đồ bỏ đi", "thằng Tuấn đúng là…".
			const before = tokens[j - 1];
			return typed && !term.narrow && links > 0 && !!before && !before.boundary && BEFORE_A_NAME.has(before.accent);
		}
		links++;
	}
	return false;
}

/** Does an insult aimed at a person start at tokens[i]? `textAccented`: the child typed with diacritics somewhere. */
export function aimedInsultAt(tokens: readonly InsultToken[], i: number, textAccented: boolean): boolean {
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
		if (term.unlessNext && !tokens[i + n - 1].boundary && term.unlessNext.has(tokens[i + n]?.folded ?? '')) continue;
		if (term.alone || named(tokens, i, term, typed)) return true;
		// "Do an bam, …" typed without marks: "đồ" opening a sentence, the insult closing the clause.
		const before = tokens[i - 1];
		if (!typed && !term.narrow && before?.first && before.folded === 'do' && !before.accented && tokens[i + n - 1].boundary) return true;
	}
	return false;
}
