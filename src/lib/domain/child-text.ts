/**
 * The words of a child's text as the safety checks read them: folded (no diacritics, đ → d, lower
 * case) with teen and SMS spellings written out, split into sentences. Builds on
 * `vietnamese-text.ts` (its folding and its teen spellings) and adds the spellings the safety checks
 * need on top, so that "bố e say là đánh e", "bo e say la danh e" and "bố mk say là đánh mk" read the
 * same. Pure; server-side.
 */
import { expandTeenSpellings, foldVietnamese } from './vietnamese-text';

/**
 * Teen spellings the safety checks rely on, folded, on top of those in `vietnamese-text.ts` (a word
 * that list already writes out is unaffected). Ambiguous short forms are written out the way that
 * matters for safety: "t" is the writer ("tớ", "tao"), "b"/"bn" a friend.
 */
const EXTRA_SPELLINGS: Record<string, string> = {
	ko: 'khong',
	// "c": the writer who calls themselves "con" or "cháu" to elders ("bọ c đập c hoài"); read as "con", which the
	// checks already take for the writer or for a child, both right for safety.
	c: 'con',
	// chị, em stretched, đi, cho as teens type them.
	chj: 'chi',
	bth: 'binh thuong',
	emm: 'em',
	dj: 'di',
	cko: 'cho',
	k: 'khong',
	kh: 'khong',
	hok: 'khong',
	khum: 'khong',
	dc: 'duoc',
	e: 'em',
	j: 'gi',
	r: 'roi',
	vs: 'voi',
	ng: 'nguoi',
	cx: 'cung',
	trg: 'truong',
	mk: 'minh',
	mik: 'minh',
	mjk: 'minh',
	mjnh: 'minh',
	mh: 'minh',
	t: 'to',
	tuj: 'tui',
	bn: 'ban',
	b: 'ban',
	bnh: 'ban',
	kg: 'khong',
	hk: 'khong',
	hem: 'khong',
	khg: 'khong',
	ns: 'noi',
	nx: 'nua',
	lm: 'lam',
	lun: 'luon',
	ik: 'di',
	bik: 'biet',
	bit: 'biet',
	bjt: 'biet',
	bjk: 'biet',
	bic: 'biet',
	thik: 'thich',
	ck: 'chong',
	vk: 'vo',
	ny: 'nguoi yeu',
	bme: 'bo me',
	bm: 'bo me',
	pa: 'bo',
	papa: 'bo',
	mama: 'me',
	mxh: 'mang xa hoi',
	fb: 'facebook',
	fbook: 'facebook',
	face: 'facebook',
	zl: 'zalo',
	ib: 'nhan tin',
	nt: 'nhan tin',
	ntin: 'nhan tin',
	trc: 'truoc',
	cj: 'chi',
	hc: 'hoc',
	bh: 'bao gio',
	bjo: 'bay gio',
	bgio: 'bay gio',
	hnay: 'hom nay',
	hqua: 'hom qua',
	hum: 'hom',
	wa: 'qua',
	// "wýnh": Southern teen spelling of "quýnh" (a beating).
	wynh: 'quynh',
	qa: 'qua',
	dt: 'dien thoai',
	dthoai: 'dien thoai',
	sdt: 'so dien thoai',
	ae: 'anh em',
	kon: 'con',
	dk: 'duoc',
	ji: 'gi',
	zay: 'vay',
	zui: 'vui',
	nc: 'noi chuyen',
	nch: 'noi chuyen',
	ngta: 'nguoi ta',
	nyc: 'nguoi yeu cu',
	mng: 'moi nguoi',
	tks: 'cam on',
	thanks: 'cam on',
	ok: 'duoc',
	oki: 'duoc',
	okie: 'duoc',
	pit: 'biet',
	chs: 'choi',
	s: 'sao',
	chit: 'chet',
	dag: 'dang',
	trog: 'trong',
	tr: 'troi',
	nhg: 'nhung',
	nhug: 'nhung',
	hix: 'hic',
	huhu: 'hic',
	rui: 'roi',
	roy: 'roi',
	cug: 'cung',
	nguoj: 'nguoi',
	mog: 'mong',
	kb: 'ket ban',
	ac: 'acc',
	mun: 'muon',
	chang: 'khong',
	h: 'gio',
	thg: 'thang',
	hs: 'hoc sinh',
	gd: 'gia dinh',
	tk: 'tai khoan',
	btc: 'ban to chuc',
	tq: 'trung quoc',
	tp: 'thanh pho',
	cccd: 'can cuoc',
	cmnd: 'can cuoc',
	stt: 'status',
	iu: 'yeu',
	thgian: 'thoi gian'
};

/** Letters Vietnamese does not write (f, j, w, z), as teens use them: "fải" → "phai", "wá" → "qua". */
function respell(word: string): string {
	if (!/[fjwz]/.test(word) || word.length < 2) return word;
	return word
		.replace(/^dz/, 'v')
		.replace(/^f/, 'ph')
		.replace(/f/g, 'ph')
		.replace(/^w/, 'qu')
		.replace(/w/g, 'u')
		.replace(/^j/, 'gi')
		.replace(/j/g, 'i')
		.replace(/^z/, 'v')
		.replace(/z/g, 'd');
}

/**
 * A final "ng" typed as "g", as teens do ("cũg", "mạg", "vô dụg", "phẳg"): no Vietnamese syllable
 * ends in a lone "g", so a vowel and "g" at the end of a word can only be "ng".
 */
function finalNg(word: string): string {
	return word.length > 2 && /[aeiouy]g$/.test(word) ? `${word.slice(0, -1)}ng` : word;
}

/** Long vowels and consonants typed for feeling: "chếtttt", "điiii" → one letter. */
function unstretch(word: string): string {
	return /(\p{L})\1\1/u.test(word) ? word.replace(/(\p{L})\1{2,}/gu, '$1') : word;
}

/** Numbers written with a unit: "13t" (tuổi), "2h" (giờ), "2tr" (triệu). */
const UNITS: Record<string, string> = { t: 'tuoi', h: 'gio', tr: 'trieu', k: 'nghin', th: 'thang' };

/**
 * One stretch of text as the safety checks read it: `words` folded with every teen spelling written
 * out; `marks[i]` the word as typed when the child typed it with diacritics ("sợ", "còn", "hơn"),
 * so that a check can tell "sợ" from "sờ" when the keyboard says which (a word typed without marks,
 * or written out from a teen spelling, says nothing: `undefined`); `clause[i]` true when a comma, a
 * bracket or a dash stands before the word, so that one phrase is not read across two clauses
 * ("…cho em hơn, em hơi buồn" is not "hôn em").
 */
export interface ChildWords {
	words: string[];
	marks: (string | undefined)[];
	clause: boolean[];
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A word as typed with its diacritics, lower case, insensitive to where the tone mark sits ("hoà" = "hòa"). */
export function markKey(word: string): string {
	const decomposed = word.normalize('NFC').toLowerCase().normalize('NFD');
	const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
	return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
}

/** Southern and teen words read only as typed with their marks (unmarked, "dia" is a plate, "hong" broken, "xin" to ask, "chien" to fry). */
const SOUTHERN_MARKED = new Map([
	['dìa', 've'],
	['hổng', 'khong'],
	['xỉn', 'say'],
	['chiện', 'chuyen']
].map(([typed, word]) => [markKey(typed), word]));

/** Words after which a lone "a" is "anh" (a person), not a particle. */
const A_BEFORE = new Set(['bi', 'voi', 'vs', '1', 'mot', 'co', 'cho', 'cua', 'gap', 'quen', 'thay', 'nhung']);

/** Folded words of one stretch of text, with every teen spelling written out, and how each was typed. */
export function childWordsTyped(text: string): ChildWords {
	const out: ChildWords = { words: [], marks: [], clause: [] };
	const push = (word: string, mark: string | undefined, clause: boolean) => {
		out.words.push(word);
		out.marks.push(mark);
		out.clause.push(clause);
	};
	const parts = text.normalize('NFC').split(/([^\p{L}\p{M}\p{N}]+)/u);
	const typed: { folded: string; mark: string | undefined; clause: boolean }[] = [];
	for (let i = 0; i < parts.length; i += 2) {
		if (!parts[i]) continue;
		// Names of the Central Highlands open with a letter and an apostrophe ("H'Linh", "K'Ly"): the name is what follows.
		if (/^[HKhk]$/.test(parts[i]) && /^['’]$/.test(parts[i + 1] ?? '') && /^\p{Lu}/u.test(parts[i + 2] ?? '')) continue;
		const { folded, mark } = typedWord(parts[i]);
		if (!folded) continue;
		typed.push({ folded, mark, clause: typed.length > 0 && /[,()\-–—"“”]/.test(parts[i - 1] ?? '') });
	}
	for (let i = 0; i < typed.length; i++) {
		const { folded, mark, clause } = typed[i];
		const next = typed[i + 1]?.folded;
		// "ck tiền" is a bank transfer (chuyển khoản), not a husband.
		if (folded === 'ck' && next === 'tien') {
			push('chuyen', undefined, clause);
			push('khoan', undefined, false);
			continue;
		}
		// Southern words typed with their marks: "dìa" (về), "hổng" (không), "xỉn" (say, drunk).
		const southern = mark === undefined ? undefined : SOUTHERN_MARKED.get(mark);
		if (southern) {
			push(southern, undefined, clause);
			continue;
		}
		// An age typed apart from its number: "dì 27 tủi", "năm nay 24 t" (not "tui", I, nor "t", tớ).
		if ((folded === 'tui' || folded === 't') && /^\d{1,2}$/.test(typed[i - 1]?.folded ?? '')) {
			push('tuoi', undefined, clause);
			continue;
		}
		// "38 độ C" is degrees.
		if (folded === 'c' && typed[i - 1]?.folded === 'do') {
			push('c', undefined, clause);
			continue;
		}
		// "c" is "chị" in "2 c e", "c em", "c ơi", "c gái"; elsewhere the writer's "con"/"cháu" (EXTRA_SPELLINGS).
		if (folded === 'c' && (/^(e|em|oi|gai)$/.test(next ?? '') || /^\d{1,2}$/.test(typed[i - 1]?.folded ?? ''))) {
			push('chi', undefined, clause);
			continue;
		}
		// The digit 1 before a word is "một": "ở 1 mình", "1 ông", "1 tháng".
		if (folded === '1' && next !== undefined && !/^\d/.test(next)) {
			push('mot', undefined, clause);
			continue;
		}
		// "a" is "anh" before "ấy" or after "bị", "với", "một", "có" ("bị a phụ trách đội…"), not the particle "ạ"/"à".
		if (folded === 'a' && mark === undefined && next !== undefined && (next === 'ay' || A_BEFORE.has(typed[i - 1]?.folded ?? ''))) {
			push('anh', undefined, clause);
			continue;
		}
		writtenOut(folded).forEach((word, k) => push(word, word === folded ? mark : undefined, clause && k === 0));
	}
	return out;
}

/** Each word as typed, folded (stretched letters shortened) and its marks; words repeat, so remembered (bounded). */
const TYPED = new Map<string, { folded: string; mark: string | undefined }>();
function typedWord(original: string): { folded: string; mark: string | undefined } {
	let known = TYPED.get(original);
	if (!known) {
		const plain = foldVietnamese(original);
		const folded = unstretch(plain);
		known = { folded, mark: original.toLowerCase() !== folded && plain === folded ? markKey(original) : undefined };
		if (TYPED.size > 20_000) TYPED.clear();
		TYPED.set(original, known);
	}
	return known;
}

/** A folded word with its teen spelling, unit or letters written out: "ko" → ["khong"], "13t" → ["13", "tuoi"]. */
const WRITTEN = new Map<string, string[]>();
function writtenOut(folded: string): string[] {
	let known = WRITTEN.get(folded);
	if (!known) {
		known = expandTeenSpellings([folded]).flatMap((word) => {
			const unit = /^(\d+)(t|h|tr|k|th)$/.exec(word);
			if (unit) return [unit[1], UNITS[unit[2]]];
			return (Object.hasOwn(EXTRA_SPELLINGS, word) ? EXTRA_SPELLINGS[word] : finalNg(respell(word))).split(' ');
		});
		if (WRITTEN.size > 20_000) WRITTEN.clear();
		WRITTEN.set(folded, known);
	}
	return known;
}

/** Folded words of one stretch of text, with every teen spelling written out. */
export function childWords(text: string): string[] {
	return childWordsTyped(text).words;
}

/** Splits a text into sentences (at . ! ? ; : … and line breaks). */
function sentencesOf(text: string): string[] {
	return text.normalize('NFC').split(/[.!?;:\n\r…]+(?=\s|$)|\n|\r/u);
}

/** The text's sentences (split at . ! ? ; and line breaks), each as folded, written-out words. */
export function childSentences(text: string): string[][] {
	return sentencesOf(text)
		.map((sentence) => childWords(sentence))
		.filter((words) => words.length > 0);
}

/** The text's sentences, each as folded, written-out words with how they were typed (see `ChildWords`). */
export function childSentencesTyped(text: string): ChildWords[] {
	return sentencesOf(text)
		.map((sentence) => childWordsTyped(sentence))
		.filter((sentence) => sentence.words.length > 0);
}
