/**
 * The word filter: holds an item for a moderator when it contains profanity or an insult, from the
 * default list below and the event's own list (one entry per line, as the organiser types it).
 *
 * - Whole words only: "đĩa" is not "đĩ", "lồng" is not "lồn".
 * - The diacritics a child typed count: an entry written with diacritics matches text typed the
 *   same way ("đéo" but not "đèo" or "đeo"; tone placement "hoà"/"hòa" does not matter), or text
 *   typed with none at all.
 * - But unaccented text is never held on an entry whose unaccented form is an ordinary word (các →
 *   "cac" is "các bạn"; "deo" is "đeo kính"; "du" is "dù"; "lon" is "lớn", "lon nước"; "vai buoi" is
 *   "vài buổi", "may buoi" "mấy buổi", "bo may" "bộ máy") unless the surrounding words make the insult
 *   plain: "deo biết", "như cac,", "cai lon gi", "Du, nắng…". A clause closes at punctuation, the end
 *   or a closing particle ("à", "ấy", "vậy"…); not at "gì", "không", "đâu", which also carry a clause
 *   on ("mấy buổi không", "đi đâu"), and never at the polite "ạ".
 * - Masked and spaced spellings fold to the word: đ*o, d3o, l0n, bu*i, đ.m, v.c.l, đ_é_o, l`, d m,
 *   c l m, l ồ n, and in phrases (c*m m*m, đồ đ i ê n, m n g u); stretched letters too (đmmmm,
 *   vcllll). Masking is itself plain: "c-c", "d*o" are held.
 *   Single letters join only with a consonant among them: teen "e o" is "em ở", not "éo".
 * - Teen profanity is on the list (clm, vcl, vkl, vl, dcm, cmm, cc, loz, dell…). Those that are also
 *   ordinary abbreviations (vl, cl, cc, dm, l) are held where children use them as profanity, and not
 *   where they name something (see `ABBREVIATIONS`); the brand "Dell", "cák bạn" (các bạn) are guarded.
 * - Insults with no swear word are held where they are aimed at a person ("thằng kia mặt dày", "mày
 *   bị thiểu năng à"): `aimed-insults.ts`, on the same tokens.
 */
import { aimedInsultAt, HARMED_BY_FOOD } from './aimed-insults';
import { foldVietnamese } from './vietnamese-text';

/** Common Vietnamese profanity and insults, with and without diacritics and in teen spelling. */
export const DEFAULT_WORD_FILTER: readonly string[] = [
	// Plain
	'đéo',
	'đếch',
	'đếu',
	'éo',
	'dell',
	'đell',
	'địt',
	'đụ',
	'lồn',
	'lìn',
	'cặc',
	'buồi',
	'đĩ',
	'vãi',
	'vãi lồn',
	'vãi buồi',
	'vãi cặc',
	'vãi cả lồn',
	'đụ má',
	'đụ mẹ',
	'địt mẹ',
	'địt mẹ mày',
	'đĩ mẹ',
	'con mẹ mày',
	'mẹ mày',
	'cứt',
	'ăn cứt',
	'phò',
	// Abbreviations and teen spellings
	'đm',
	'dm',
	'đmm',
	'dmm',
	'đcm',
	'dcm',
	'đkm',
	'dkm',
	'đml',
	'dml',
	'đmml',
	'cmm',
	'cmn',
	'cmnr',
	'clm',
	'clmm',
	'cl',
	'clgt',
	'vcl',
	'vkl',
	'vcc',
	'vl',
	'vlon',
	'vloz',
	'vcđ',
	'cc',
	'loz',
	'lozz',
	'l`',
	'cak',
	'kak',
	'kặc',
	'djt',
	'đjt',
	'đuỵt',
	'fuck',
	'fck',
	'fuk',
	'shit',
	'wtf',
	'bitch',
	'dmcs',
	'đmcs',
	'cờ lờ mờ',
	'vờ lờ',
	'đờ mờ',
	'vãi lờ',
	// Insults
	'đồ ngu',
	'thằng ngu',
	'con ngu',
	'ngu như chó',
	'ngu như bò',
	'ngu như lợn',
	'ngu như heo',
	'ngu vãi',
	'ngu vl',
	'ngu vcl',
	'óc chó',
	'óc lợn',
	'óc bò',
	'óc heo',
	'não chó',
	'thằng điên',
	'con điên',
	'đồ điên',
	'mất dạy',
	'khốn nạn',
	'thằng khốn',
	'đồ khốn',
	'con khốn',
	'chó chết',
	'đồ chó',
	'thằng chó',
	'con chó',
	'đồ súc vật',
	'ngu học',
	'đần độn',
	'thằng đần',
	'đồ đần',
	'con đần',
	'bố láo',
	'láo toét',
	'đồ rác rưởi',
	'vô học',
	'mặt lồn',
	'đồ con đĩ',
	'con đĩ',
	'thằng hâm',
	'đồ hâm',
	'đồ khùng',
	'thằng khùng',
	'thằng mất dạy',
	'con mất dạy',
	'đồ thần kinh',
	'đồ ngu si',
	'ngu si',
	'đồ vô dụng',
	'súc sinh',
	'đồ súc sinh',
	'thằng chó chết',
	'ranh con',
	'đồ hèn',
	'thằng hèn',
	'đồ con lợn',
	'đồ lợn',
	'đồ heo',
	'câm mồm',
	'câm miệng',
	'im mồm',
	'mả mẹ',
	'tổ sư',
	'tiên sư',
	'đồ mặt dày',
	'óc bã đậu',
	'não bò',
	'não lợn',
	'đầu đất',
	'thằng đầu đất',
	'đồ điên khùng',
	'cmnl',
	'vkc',
	'vlxx',
	'dcmm',
	'đcmm',
	'dkmm',
	'đkmm',
	'sml',
	// More insults children use (as insults only: "biến thái", "tâm thần", "thiểu năng" alone are a
	// biology lesson and health topics, so only after "đồ", "thằng", "con").
	'mẹ kiếp',
	'khốn kiếp',
	'đồ khốn kiếp',
	'chết tiệt',
	'cút xéo',
	'cút đi',
	// "Cút" ordering someone away; never a quail ("chim cút ra khỏi lồng", "trứng cút"): see `QUAIL`.
	'cút ra',
	'cút khỏi',
	'cút ngay',
	'cút xa',
	'cút luôn',
	'cút mẹ',
	// "mặt lồn" masked as "mặt l" (not "2 l nước": see `AMBIGUOUS`).
	'mặt l',
	'bố mày',
	'cha mày',
	'đồ dở hơi',
	'thằng dở hơi',
	'đồ ăn hại',
	'đồ vô tích sự',
	'ngu ngốc',
	'ngu dốt',
	'ngu xuẩn',
	'đồ ngốc',
	'thằng ngốc',
	'đồ dốt',
	'thằng dốt',
	'đồ đểu',
	'thằng đểu',
	'đồ biến thái',
	'thằng biến thái',
	'đồ tâm thần',
	'thằng tâm thần',
	'đồ thiểu năng',
	'thằng thiểu năng',
	'đồ hãm',
	'thằng hãm',
	'đồ cặn bã',
	'đồ điếm',
	'con điếm',
	'đồ mất nết',
	'con mất nết',
	'đồ hèn hạ',
	'óc trâu',
	'đíu',
	'đách',
	'đệch',
	'chó má',
	'đồ chó má',
	'mả cha',
	'tổ cha',
	'đù má',
	'đù mé'
];

const DEFAULT_KEYS = new Set<string>();

interface Context {
	/** The word before that makes it plain. */
	prev?: ReadonlySet<string>;
	/** The word after that makes it plain. */
	next?: ReadonlySet<string>;
	/** Plain when it ends a clause (punctuation, a closing particle, or the end) after one of `prev`. */
	slot?: ReadonlySet<string>;
	/** Plain when it ends a clause, whatever comes before. */
	end?: boolean;
	/** Plain when it opens a sentence (an order: "Cut ra khoi nhom nay"). */
	opens?: boolean;
	/** Never the insult after / before these words (either spelling): "hạt óc chó", "rơi vãi", "éo le". */
	unlessPrev?: ReadonlySet<string>;
	unlessNext?: ReadonlySet<string>;
	/** The words also mean something ordinary when typed with diacritics: "con chó" (the animal). */
	accentedToo?: boolean;
	/** …but ending a clause still makes it plain (a walnut has a food word before it: see `unlessPrev`). */
	accentedEnd?: boolean;
	/** Words after it that also close the clause for this entry ("cái lồn gì"). */
	closers?: ReadonlySet<string>;
	/**
	 * Plain when it opens a clause, unless one of these comes later in the sentence: "Du ma wifi chậm như rùa" is the oath,
	 * "Dù má giận nhưng…" is "although".
	 */
	opensClauseUnlessLater?: ReadonlySet<string>;
}

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** "Chim cút", "trứng cút", "thịt cút", "con cút": a quail, whatever follows ("chim cút ra khỏi lồng"). */
const QUAIL = set('chim trung thit con ga dan nuoi');

/** Before a food or an animal, "óc chó" is a walnut and "óc heo" a dish: "hạt óc chó", "ăn óc heo". */
const FOOD_BEFORE = set('hat qua sua dau banh nhan cay an mon mua ban nau chao');

/**
 * Particles that close a clause: "như cặc ấy", "đồ ngu à", "ngu vl". Only words that end a clause:
 * "gì", "rồi", "không", "đâu" also continue one ("mấy buổi không", "đi đâu"), so an ordinary word
 * that folds like an insult is not held before them (an entry may add its own: `closers`).
 * "ạ" (polite) never closes an insult; "a" typed without marks may be either.
 */
const PARTICLES = set('a ay vay v z day the nhi chu kia oi ha ak u that vl vcl');
/** After an abbreviation that is itself profanity, more particles end the clause ("biết cc gì", "chơi cl à"). */
const ABBREVIATION_CLOSERS = set('a ay vay v z day the nhi chu kia oi ha ak u that gi j roi r luon lun qua ma nhe nha dau k ko khong');
const GI = set('gi j');
/** Words before an insult: "như cặc", "cái lồn", "đồ …", "vãi …" (not "mấy", "của", "ăn", "là": "mấy buổi", "của các", "ăn bưởi"). */
const INSULT_PREV = set('nhu do thang thg cai oc mat bu');
/** What follows "đéo" when it means "not": "đéo biết", "deo co", "deo cho". */
const NOT_NEXT = set('co con ai biet bt hieu hiu can thich quan muon mun phai choi noi ns sao nghe xem tin chiu gi j bao them thay care nhin dam sua giup cho');
/** Nouns after "các" (các bạn, các chú, các lớp…): never "cặc". */
const PLURAL_NOUNS = set(
	'ban bn em e anh chi thay co bac chu ong ba cau di con chau nguoi tre hoc thanh nha truong lop xa thon doi be gia to nhom mon bai loai dia nuoc tinh huyen khu cong may bo me cap nganh chuyen van hoat mau ngay buoi'
);

/** Entries (folded) whose unaccented form is an ordinary word, and what makes the insult plain. */
const AMBIGUOUS: Record<string, Context> = {
	deo: { next: NOT_NEXT },
	eo: { next: NOT_NEXT, unlessPrev: set('vong lung that'), unlessNext: set('le') },
	// "con cặc," closing a clause (never "còn các", which a noun follows); "cặc gì" and "thằng cặc nào" (never "các").
	cac: { slot: set('nhu do thang thg cai oc mat bu con'), prev: set('thang thg'), next: GI, unlessNext: PLURAL_NOUNS, closers: GI },
	lon: { slot: INSULT_PREV, next: set('me'), unlessPrev: set('con lon nguoi tre da'), closers: GI },
	buoi: { slot: set('nhu cai do mat'), closers: GI },
	di: { slot: set('do thang'), next: set('thoa') },
	du: { next: set('mi moa') },
	dit: { next: set('me ma bo cu nhau may cha moa mia con') },
	// "rơi vãi" (spilt), "vài nơi" (a few places): ordinary.
	vai: { next: set('loz chuong luon dan'), unlessPrev: set('roi vung') },
	cut: { slot: set('nhu do thang thg cai oc mat bu vai'), prev: set('an') },
	// "ngủ như lợn" (sleeps like a log) typed without diacritics: plain only said of a person.
	'ngu nhu lon': { prev: set('may m mi thang thg do la tao') },
	'ngu nhu heo': { prev: set('may m mi thang thg do la tao') },
	'cut ra': { opens: true, prev: set('may mi thi'), unlessPrev: QUAIL },
	'cut khoi': { opens: true, prev: set('may mi thi'), unlessPrev: QUAIL },
	'cut ngay': { opens: true, prev: set('may mi thi'), unlessPrev: QUAIL },
	'cut xa': { opens: true, prev: set('may mi thi'), unlessPrev: QUAIL },
	'cut luon': { opens: true, prev: set('may mi thi'), unlessPrev: QUAIL },
	'cut me': { opens: true, prev: set('may mi thi'), unlessPrev: QUAIL },
	// "mặt l" (mặt lồn); not "2 l nước" nor "size L" (see `ABBREVIATIONS.l`).
	'mat l': { end: true, prev: set('thang thg con do may cai'), unlessNext: set('nuoc sua xang dau') },
	pho: { slot: set('con do thang la') },
	'me may': { end: true, prev: set('con dit du') },
	'vai lon': { end: true, unlessPrev: set('uong mua may') },
	'vai buoi': { end: true, unlessPrev: set('hoc them tuan thang moi nghi tap mat trong sau') },
	'vai cac': { end: true },
	'vai ca lon': { end: true },
	'ngu vai': { end: true },
	'do ngu': { end: true, unlessPrev: set('mang mac bo mua thay cai chiec quen ban') },
	'con ngu': { end: true, prev: set('la may tao'), unlessPrev: set('van dang da chua roi') },
	'nao cho': { prev: set('thang thg con do may la nhu') },
	'du ma': { end: true, prev: set('dit'), next: set('may no mi thang con'), opensClauseUnlessLater: set('nhung van cung ma van') },
	'du me': { end: true, next: set('may no mi thang cai') },
	'di me': { end: true, next: set('no may') },
	'do mo': { end: true },
	'vo lo': { end: true, prev: set('met kho lau') },
	'mat lon': { end: true, prev: set('thang thg con do may') },
	'oc cho': { end: true, prev: set('thang thg con do may la nhu'), unlessPrev: FOOD_BEFORE, accentedToo: true, accentedEnd: true },
	'oc heo': { end: true, prev: set('thang thg con do may la nhu'), unlessPrev: FOOD_BEFORE, accentedToo: true, accentedEnd: true },
	'oc lon': { end: true, prev: set('thang thg con do may la nhu'), unlessPrev: FOOD_BEFORE, accentedToo: true, accentedEnd: true },
	'oc bo': { end: true, prev: set('thang thg con do may la nhu'), unlessPrev: FOOD_BEFORE, accentedToo: true, accentedEnd: true },
	'do cho': { end: true },
	// "ở nhà một mình với con chó", "cho con chó ăn": the family's dog.
	'con cho': { end: true, prev: set('la nhu do thang thg may tao mi'), accentedToo: true, unlessPrev: set('bi nuoi cua voi va cho dat dan tam sua') },
	'con di': { prev: set('la may tao do thang nhu') },
	'mat day': { end: true, prev: set('thang thg con do may kia'), unlessPrev: set('bi lam') },
	'do dan': { end: true },
	'cho chet': { end: true, prev: set('do thang thg may mi'), accentedToo: true },
	'vo hoc': { end: true, prev: set('do thang con may'), unlessPrev: set('di gio luc khi moi truoc sau chua') },
	'ngu hoc': { end: true },
	'con dien': { end: true, prev: set('la may tao'), unlessPrev: set('khong ko k kg hok hong chang van chua co het mat') },
	// "đồ điện" (appliances), "do điện" (because of electricity): only after a person or opening a sentence.
	'do dien': { prev: set('la may tao thang con') },
	'ngu si': { end: true },
	'do lon': { end: true },
	'ma me': { end: true, next: set('may') },
	'tien su': { end: true, next: set('may no cha bo') },
	'to su': { end: true, next: set('may no cha bo') },
	// "não bộ" (the brain), "đầu đạt": only after a person.
	'nao bo': { prev: set('thang thg con do may la nhu') },
	'dau dat': { prev: set('thang thg con do may la nhu') },
	'ranh con': { end: true },
	// "Cam mieng lai", "cam mieng di": the order, whatever the marks.
	'cam mieng': { end: true, prev: set('may thang thg con'), next: set('lai di ngay') },
	'do heo': { end: true },
	// Typed without diacritics these may be "bộ máy", "cụt đi", "đồ ngọc", "đo đều": plain only as an insult is.
	'bo may': { prev: set('la tao') , next: set('danh dam chui bao noi cho'), unlessNext: set('nha chinh quyen to chuc xa huyen tinh nganh hanh quan ly') },
	'cha may': { prev: set('la tao'), next: set('danh dam chui bao noi') },
	'cut di': { end: true, opens: true, prev: set('may thang con'), unlessPrev: QUAIL },
	'do ngoc': { end: true, prev: set('la may tao') },
	'thang ngoc': { end: true, prev: set('la may tao') },
	'do dot': { end: true, prev: set('la may tao') },
	'thang dot': { end: true, prev: set('la may tao') },
	'do deu': { end: true, prev: set('la may tao') },
	'thang deu': { end: true, prev: set('la may tao') },
	'do ham': { end: true, prev: set('la may tao') },
	'thang ham': { end: true, prev: set('la may tao') },
	'con diem': { end: true, prev: set('la may tao') },
	'do diem': { end: true, prev: set('la may tao') },
	// "cho mà", "mà cha", "to cha": only as an insult is plain.
	'cho ma': { prev: set('do thang thg con'), next: set('may no') },
	'ma cha': { next: set('may no') },
	'to cha': { next: set('may no') },
	'oc trau': { end: true, prev: set('thang thg con do may la nhu'), unlessPrev: FOOD_BEFORE, accentedToo: true, accentedEnd: true }
};

/** Ordinary uses of an abbreviation or a brand that are also on the list: "xe 50 cc", "máy tính Dell", "các bạn" typed "cák bạn". */
const UNLESS: Record<string, Context> = {
	dell: { unlessPrev: set('may tinh laptop hang cua chiec cai la') },
	cak: { unlessNext: PLURAL_NOUNS },
	'do an hai': { unlessNext: HARMED_BY_FOOD },
	kak: { unlessNext: PLURAL_NOUNS },
	// "giẫm phải cứt trâu", "dọn cứt gà": dung on the path or in the pen, said plainly ("đồ cứt chó" stays held).
	cut: { unlessPrev: set('phai dinh giam don hot bai dong xuc') }
};

/**
 * Teen abbreviations that are also ordinary abbreviations: "vl" (vãi lồn / vật lý), "cl" (cái lồn /
 * chất lượng, còn lại), "cc" (cặc / cô chú, chứng chỉ, 50 cc), "dm" (địt mẹ / nhắn DM, danh mục).
 * Typed with "đ" ("đm") it is always the profanity. Otherwise it is held when the surrounding words
 * make the insult plain, which is how children use it: opening a sentence ("Vl, lại cắt điện",
 * "Dm nóng thế"), closing a clause as an intensifier ("lâu vl", "đẹp vl", "chơi cl à" — slang, but
 * vulgar: a moderator sees it), before "gì" ("biết cc gì"), or after "biết", "cái", "như". It is not
 * held where it names something: after or before the noun it abbreviates a part of ("môn VL", "điểm
 * toán, vl, hóa", "mấy bài cl", "cl bữa ăn", "cc ơi", "cc tiếng Anh", "nhắn DM", "dm sách"), after
 * a number ("50 cc"), or in the middle of a clause.
 */
interface Abbreviation {
	/** The word before that shows the ordinary abbreviation. */
	prev: ReadonlySet<string>;
	/** The word after that shows it. */
	next: ReadonlySet<string>;
}

const SUBJECTS = 'toan li ly hoa sinh van anh su dia tin cn gdcd td'.split(' ');
const ABBREVIATIONS: Record<string, Abbreviation> = {
	vl: {
		prev: set(`mon hoc tap thi diem de bai sach co thay gv giao day lop chuyen khoi on kiem tra ktra dot doi tuyen nganh ${SUBJECTS.join(' ')}`),
		next: set(`lop ky ki hk chuong nang co dai hoc thi 6 7 8 9 10 11 12 va vs ${SUBJECTS.join(' ')}`)
	},
	cl: {
		prev: set('bai cau mon phan so nguoi ban bn tien may nhung cac ngay hom tuan thang chat dam bao kiem dinh'),
		next: set('bua do thuc nuoc san day hoc giao song khong cuoc moi sach hang dich phong')
	},
	cc: {
		prev: set('cac moi hoi gui thua nho cam chao nhung voi vs thi hoc lay xin chung xe may phan khoi'),
		next: set('oi trong o xa lanh dao co can bo tieng ielts toeic tin anh b1 b2 a1 a2 nghe quoc')
	},
	dm: {
		prev: set('nhan gui qua check doc rep inbox trong mo xem tra vao'),
		next: set('sach san hang muc instagram insta ig fb facebook tiktok zalo messenger')
	}
};
/** Words before an abbreviation that make it the profanity: "biết cc", "cái cl", "như cc". */
const ABBREVIATION_PREV = set('biet bt bik cai nhu vai deo dell');
ABBREVIATIONS.l = { prev: set('size sai co chu kich ao quan lit'), next: set('nuoc sua xang dau') };
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A word as typed with its diacritics, insensitive to where the tone mark sits ("hoà" = "hòa"). */
function accentKey(word: string): string {
	const decomposed = word.normalize('NFD');
	const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
	return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
}

function fold(word: string): string {
	return foldVietnamese(word).replace(/\s+/g, '');
}

const hasMarks = (word: string) => fold(word) !== word.replace(/[^\p{L}\p{N}]/gu, '');

/** Could the folded word be an ordinary Vietnamese syllable? ("deo", "cac" yes; "dm", "vcl", "loz" no.) */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?(?:[aeiouy]{1,3})(ch|ng|nh|c|m|n|p|t)?$/;
export function isSyllable(folded: string): boolean {
	return SYLLABLE.test(folded);
}

interface EntryWord {
	accent: string;
	folded: string;
	accented: boolean;
}

interface Entry {
	words: EntryWord[];
	key: string;
	/** Needs the context in `context` when typed without diacritics. */
	context?: Context;
	unless?: Context;
	/** A teen abbreviation that is also an ordinary one (see `ABBREVIATIONS`). */
	abbreviation?: Abbreviation;
	/** An unaccented ordinary syllable typed by the organiser ("ngu"): only that exact spelling. */
	exactOnly: boolean;
	/** Typed without any diacritics by the organiser, several words: matches however the child typed it. */
	unmarkedPhrase: boolean;
	/** Has a word that is an ordinary syllable without marks ("con ngu"): ambiguous in a text typed without any. */
	unmarkedSyllable: boolean;
}

interface Token {
	accent: string;
	folded: string;
	accented: boolean;
	/** Masked, leet or spelled out letter by letter: plainly meant. */
	disguised: boolean;
	/** For masked tokens: the folded word, with wildcards. */
	pattern?: RegExp;
	/** First word of a sentence. */
	first: boolean;
	/** Followed by punctuation or the end of the text. */
	boundary: boolean;
	number: boolean;
	/** For a word joined from single letters ("d m"): how many tokens it spans. */
	span: number;
}

function compileEntry(line: string): Entry | null {
	const text = line.normalize('NFC').toLowerCase().trim();
	if (!text) return null;
	const parts = text.split(/\s+/).map((part) => part.replace(/^[^\p{L}\p{N}`]+|[^\p{L}\p{N}`]+$/gu, '')).filter(Boolean);
	if (!parts.length) return null;
	const words = parts.map((part) => {
		const clean = part.replace(/[^\p{L}\p{N}]/gu, '') || part;
		return { accent: accentKey(clean), folded: fold(clean) || clean, accented: hasMarks(clean) };
	});
	const key = words.map((w) => w.folded).join(' ');
	const defaults = AMBIGUOUS[key];
	let context = defaults;
	// An organiser's single word whose unaccented form is an ordinary syllable: ambiguous too.
	if (!context && words.length === 1 && words[0].accented && isSyllable(words[0].folded)) context = {};
	const exactOnly = words.length === 1 && !words[0].accented && isSyllable(words[0].folded) && !defaults;
	return {
		words,
		key,
		context,
		unless: UNLESS[key] ?? (defaults?.unlessPrev || defaults?.unlessNext ? defaults : undefined),
		abbreviation: words.length === 1 ? ABBREVIATIONS[key] : undefined,
		exactOnly,
		unmarkedPhrase: words.length > 1 && !words.some((w) => w.accented),
		unmarkedSyllable: words.some((w) => !w.accented && isSyllable(w.folded))
	};
}

const PURE_WORD = /^[\p{L}\p{M}]+$/u;

/** The text's words, with masked and spaced spellings made whole again. */
function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let sentenceStart = true;
	const chunks = text.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean);
	for (const chunk of chunks) {
		if (PURE_WORD.test(chunk)) {
			tokens.push(makeToken(plainPiece(chunk), sentenceStart, false, 1));
			sentenceStart = false;
			continue;
		}
		const lead = chunk.match(/^[^\p{L}\p{N}*#@$]+/u)?.[0] ?? '';
		const trail = chunk.slice(lead.length).match(/[^\p{L}\p{N}*#@$`]+$/u)?.[0] ?? '';
		const core = chunk.slice(lead.length, chunk.length - trail.length);
		if (/[.!?…]/.test(lead)) sentenceStart = true;
		if (!core) {
			if (tokens.length && /[,.!?;:…()"“”'\-]/.test(chunk)) tokens[tokens.length - 1].boundary = true;
			if (/[.!?…]/.test(chunk)) sentenceStart = true;
			continue;
		}
		const boundary = trail.length > 0;
		const pieces = splitCore(core);
		pieces.forEach((piece, k) => {
			tokens.push(makeToken(piece, sentenceStart && k === 0, k === pieces.length - 1 ? boundary : false, 1));
		});
		sentenceStart = /[.!?…]/.test(trail);
	}
	if (tokens.length) tokens[tokens.length - 1].boundary = true;
	return tokens;
}

type Piece = Omit<Token, 'first' | 'boundary' | 'span'>;

function makeToken(piece: Piece, first: boolean, boundary: boolean, span: number): Token {
	return {
		accent: piece.accent,
		folded: piece.folded,
		accented: piece.accented,
		disguised: piece.disguised,
		pattern: piece.pattern,
		number: piece.number,
		first,
		boundary,
		span
	};
}

/** Words repeat: their folded forms are remembered (bounded). */
const PIECES = new Map<string, Piece>();

function plainPiece(word: string): Piece {
	const known = PIECES.get(word);
	if (known) return known;
	const typedFold = fold(word);
	let folded = typedFold;
	let accent = accentKey(word);
	// A final "ng" typed as "g" ("vô dụg", "não phẳg"): no Vietnamese syllable ends in a lone "g".
	if (folded.length > 2 && /[aeiouy]g$/.test(folded)) {
		folded = folded.replace(/g$/, 'ng');
		const tones = accent.match(TONE_MARKS)?.join('') ?? '';
		accent = accent.replace(TONE_MARKS, '').replace(/g$/, 'ng') + tones;
	}
	const piece: Piece = { accent, folded, accented: typedFold !== word.replace(/[^\p{L}\p{N}]/gu, ''), disguised: false, number: /^\p{N}+$/u.test(word) };
	if (PIECES.size > 20_000) PIECES.clear();
	PIECES.set(word, piece);
	return piece;
}

/** One whitespace-separated chunk: a word, "đ.m"/"v.c.l"/"đ_é_o" (joined), "đ*o"/"l0n" (masked), or "dm.vcl" (two words). */
function splitCore(core: string): Piece[] {
	if (/^[\p{L}\p{M}]+$/u.test(core) || /^\p{N}+$/u.test(core)) return [plainPiece(core)];
	const parts = core.split(/[._\-'`,/|+]+/).filter(Boolean);
	if (parts.length > 1 && parts.every((part) => /^[\p{L}\p{M}]+$/u.test(part))) {
		if (parts.some((part) => [...part.normalize('NFC')].length === 1)) {
			const joined = parts.join('');
			return [{ ...plainPiece(joined), disguised: true }];
		}
		return parts.map(plainPiece);
	}
	// Masked or leet: every character that is not a letter stands for one letter ("đ*o", "l0n", "d3o").
	const chars = [...core.normalize('NFC')];
	const letters = chars.filter((c) => /\p{L}/u.test(c)).length;
	const alnum = core.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
	// A backtick for the rest of a word ("l`" for "lồn") is masking too.
	if (/^[\p{L}\p{M}]+`$/u.test(core)) return [{ ...plainPiece(alnum), disguised: true }];
	if (letters < 2 || letters < chars.length / 2 || chars.length > 8) return [plainPiece(alnum)];
	// Several masks in a row may stand for fewer letters: "l**n" is "lồn" (one star per byte of "ồ", or two for emphasis).
	const pattern = core
		.normalize('NFC')
		.split(/([^\p{L}\p{N}]+|\p{N})/u)
		.filter(Boolean)
		.map((part) => (/\p{L}/u.test(part) ? escape([...part].map((c) => fold(c) || c).join('')) : /\p{N}/u.test(part) ? '[a-z]' : `[a-z]{1,${[...part].length}}`))
		.join('');
	return [{ ...plainPiece(alnum), pattern: new RegExp(`^${pattern}$`) }];
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PRONOUN_LETTERS = new Set(['m', 't', 'e']);

/** "d m", "v c l", "l ồ n": runs of single letters, each read as one word. */
function joinedRuns(tokens: readonly Token[]): { at: number; span: number; token: Token }[] {
	const out: { at: number; span: number; token: Token }[] = [];
	const single = (t: Token) => !t.number && t.folded.length === 1 && [...t.accent.replace(TONE_MARKS, '')].length === 1;
	for (let i = 0; i < tokens.length; ) {
		let j = i;
		while (j < tokens.length && single(tokens[j]) && (j === i || !tokens[j - 1].boundary)) j++;
		// Only with a consonant among the letters: "e o" in teen spelling is "em ở", not "éo".
		// A teen "m" (mày), "t" (tao) or "e" (em) may come before the spelled word: "m n g u".
		const starts = PRONOUN_LETTERS.has(tokens[i].folded) && j - i >= 3 ? [i, i + 1] : [i];
		for (const start of starts) {
			if (j - start < 2 || j - start > 5 || !tokens.slice(start, j).some((t) => !/^[aeiouy]$/.test(t.folded))) continue;
			out.push({ at: start, span: j - start, token: joinLetters(tokens.slice(start, j)) });
		}
		i = Math.max(j, i + 1);
	}
	return out;
}

const TEEN_LETTERS = new Set(['j', 'z', 'v', 'r']);
const consonantIn = (letters: readonly Token[]) => letters.some((t) => !/^[aeiouy]$/.test(t.folded));

/** Single-letter tokens read as the one word they spell. */
function joinLetters(run: readonly Token[]): Token {
	return makeToken({ ...plainPiece(joinAccents(run.map((t) => t.accent))), disguised: true }, run[0].first, run[run.length - 1].boundary, run.length);
}

/** Joins letters typed one by one, keeping each letter's marks: ["l", "ồ", "n"] → "lồn". */
function joinAccents(letters: string[]): string {
	return letters
		.map((key) => {
			const tones = key.match(TONE_MARKS)?.join('') ?? '';
			const base = key.replace(TONE_MARKS, '');
			return (base + tones).normalize('NFC');
		})
		.join('')
		.normalize('NFC');
}

/** Verbs after "dù má" that make it "although mum…": "dù má không cho", "dù má bảo". */
const CONCESSIVE_NEXT = set('khong ko k hong hok bao noi cho muon thuong la da di gian bat dang co can cam ep la mang dan');

/** Does one of `words` come later in the sentence (up to the next sentence's first word)? */
function laterInSentence(tokens: readonly Token[], from: number, words: ReadonlySet<string>): boolean {
	for (let j = from; j < tokens.length && !tokens[j].first; j++) if (words.has(tokens[j].folded)) return true;
	return false;
}

function inSet(words: ReadonlySet<string> | undefined, word: string | undefined): boolean {
	return !!words && word !== undefined && words.has(word);
}

/**
 * Does the entry's `context` make the match at tokens[i..i+n) plainly an insult? Typed with its
 * marks, a phrase that is also ordinary ("con chó", "óc chó") needs the word before or after.
 */
function plain(context: Context, tokens: readonly Token[], i: number, n: number, accented = false): boolean {
	const prev = tokens[i - 1]?.folded;
	const next = tokens[i + n]?.folded;
	const last = tokens[i + n - 1];
	const closes = closesClause(tokens, i + n - 1, context.closers);
	// Said on its own: "Du, nắng bốn mươi độ", "Dit, sân bóng…", "clm".
	if (tokens[i].first && last.boundary) return true;
	if (context.opens && tokens[i].first) return true;
	// ("Dù má không cho, em…", "Dù má bảo…": a verb after it is "although mum…"; the oath is followed by what annoys.)
	if (context.opensClauseUnlessLater && (tokens[i].first || tokens[i - 1]?.boundary) && !laterInSentence(tokens, i + n, context.opensClauseUnlessLater) && !CONCESSIVE_NEXT.has(next ?? '')) return true;
	if (inSet(context.prev, prev)) return true;
	if (inSet(context.next, next)) return true;
	if (accented && !context.accentedEnd) return false;
	if (context.slot && inSet(context.slot, prev) && closes) return true;
	if (context.end && closes) return true;
	return false;
}

const POLITE_A = accentKey('ạ');

/** Does the clause end after tokens[at]: punctuation, the end, or a closing particle (not the polite "ạ")? */
function closesClause(tokens: readonly Token[], at: number, closers?: ReadonlySet<string>, particles = PARTICLES): boolean {
	const next = tokens[at + 1];
	if (tokens[at].boundary || !next) return true;
	if (next.accented && next.accent === POLITE_A) return false;
	return particles.has(next.folded) || inSet(closers, next.folded);
}

/** Is the abbreviation at tokens[i] the profanity here (see `ABBREVIATIONS`)? */
function plainAbbreviation(abbreviation: Abbreviation, tokens: readonly Token[], i: number): boolean {
	const token = tokens[i];
	const before = tokens[i - 1];
	const next = tokens[i + 1]?.folded;
	if (token.first && token.boundary) return true;
	if (!token.boundary && inSet(GI, next)) return true;
	if (before?.number || inSet(abbreviation.prev, before?.folded) || (!token.boundary && inSet(abbreviation.next, next))) return false;
	if (token.first || inSet(ABBREVIATION_PREV, before?.folded)) return true;
	return closesClause(tokens, i, undefined, ABBREVIATION_CLOSERS);
}

function blocked(unless: Context | undefined, tokens: readonly Token[], i: number, n: number): boolean {
	if (!unless) return false;
	if (inSet(unless.unlessPrev, tokens[i - 1]?.folded)) return true;
	return inSet(unless.unlessNext, tokens[i + n]?.folded);
}

export type WordFilter = (text: string) => boolean;

/** A filter for the default list plus the event's own lines. */
export function compileWordFilter(extraLines: readonly string[] = []): WordFilter {
	if (!DEFAULT_KEYS.size) for (const line of DEFAULT_WORD_FILTER) DEFAULT_KEYS.add(compileEntry(line)!.key);
	const entries = [...DEFAULT_WORD_FILTER, ...extraLines].map(compileEntry).filter((e): e is Entry => e !== null);
	const byFirst = new Map<string, Entry[]>();
	for (const entry of entries) {
		const list = byFirst.get(entry.words[0].folded) ?? [];
		if (!list.some((e) => e.words.map((w) => w.accent).join(' ') === entry.words.map((w) => w.accent).join(' '))) list.push(entry);
		byFirst.set(entry.words[0].folded, list);
	}

	const wordMatches = (entryWord: EntryWord, token: Token, single: boolean, entry: Entry): 'yes' | 'no' | 'unaccented' | 'disguised' => {
		if (token.folded !== entryWord.folded) return token.pattern?.test(entryWord.folded) ? 'disguised' : 'no';
		if (token.disguised) {
			// Spelled with its marks ("đ.é.o"): the marks must be the entry's.
			if (token.accented && entryWord.accented && token.accent !== entryWord.accent && single) return 'no';
			return 'disguised';
		}
		if (entryWord.accented) {
			if (token.accented) return token.accent === entryWord.accent ? 'yes' : 'no';
			return 'unaccented';
		}
		// A word without marks: abbreviations match however typed ("đm" for "dm"); an ordinary
		// syllable matches only that spelling ("đồ ngu" but not "đồ ngủ"), except in a phrase the
		// organiser typed without any marks at all.
		if (token.accented && isSyllable(entryWord.folded) && !(entry.unmarkedPhrase && !DEFAULT_KEYS.has(entry.key))) return 'no';
		return 'yes';
	};

	let textAccented = false;
	const matchAt = (entry: Entry, tokens: readonly Token[], i: number): boolean => {
		const n = entry.words.length;
		let unaccented = false;
		let disguised = false;
		for (let j = 0; j < n; j++) {
			const token = tokens[i + j];
			if (!token) return false;
			const result = wordMatches(entry.words[j], token, n === 1, entry);
			if (result === 'no') return false;
			if (result === 'unaccented') unaccented = true;
			if (result === 'disguised') disguised = true;
		}
		// Spelled out or masked, the word is meant whatever follows ("c ặ c, câu hỏi…" is no "các câu hỏi").
		if (disguised) return true;
		if (blocked(entry.unless, tokens, i, n)) return false;
		if (entry.abbreviation && !tokens[i].accented) return plainAbbreviation(entry.abbreviation, tokens, i);
		const ambiguous = unaccented || entry.context?.accentedToo || (!textAccented && entry.unmarkedSyllable);
		if (entry.context && ambiguous && !plain(entry.context, tokens, i, n, !unaccented && !!entry.context.accentedToo)) return false;
		return true;
	};

	const matchFrom = (tokens: readonly Token[], i: number): boolean => {
		const token = tokens[i];
		const candidates: Entry[] = [];
		for (const form of forms(token)) candidates.push(...(byFirst.get(form) ?? []));
		// Masked ("c*m m*m"): every entry whose first word it may stand for, phrases too.
		if (token.pattern) candidates.push(...entries.filter((entry) => token.pattern!.test(entry.words[0].folded)));
		return candidates.some((entry) => matchAt(entry, withForm(tokens, i, entry.words[0].folded), i));
	};

	return (text: string): boolean => {
		const tokens = tokenize(text);
		textAccented = tokens.some((t) => t.accented);
		for (let i = 0; i < tokens.length; i++) if (matchFrom(tokens, i) || aimedInsultAt(tokens, i, textAccented)) return true;
		for (const run of joinedRuns(tokens)) {
			const view = [...tokens.slice(0, run.at), run.token, ...tokens.slice(run.at + run.span)];
			// The spelled-out word, a phrase ending in it ("đồ đ i ê n"), or an insult aimed at a person ("mày n g u").
			if (matchFrom(view, run.at) || (run.at > 0 && matchFrom(view, run.at - 1)) || aimedInsultAt(view, run.at, textAccented)) return true;
			// Two words spelled out in one run: "đ ị t m ẹ" is "địt mẹ".
			const letters = tokens.slice(run.at, run.at + run.span);
			// Or the word and a teen "j" (gì), "z"/"v" (vậy) or "r" (rồi) after it: "c ặ c j mà lâu thế" (not "L o n g": a name spelled out).
			if (run.span >= 3 && TEEN_LETTERS.has(letters[run.span - 1].folded) && consonantIn(letters.slice(0, -1))) {
				const prefix = [...tokens.slice(0, run.at), joinLetters(letters.slice(0, -1)), ...tokens.slice(run.at + run.span - 1)];
				if (matchFrom(prefix, run.at)) return true;
			}
			const consonant = (part: readonly Token[]) => part.some((t) => !/^[aeiouy]$/.test(t.folded));
			for (let k = 2; k <= run.span - 2; k++) {
				if (!consonant(letters.slice(0, k)) || !consonant(letters.slice(k))) continue;
				const split = [...tokens.slice(0, run.at), joinLetters(letters.slice(0, k)), joinLetters(letters.slice(k)), ...tokens.slice(run.at + run.span)];
				if (matchFrom(split, run.at) || matchFrom(split, run.at + 1)) return true;
			}
		}
		return false;
	};
}

/** The folded forms a token may stand for: as typed, and with stretched letters shortened ("đmmmm"). */
function forms(token: Token): string[] {
	const out = [token.folded];
	if (/(.)\1/.test(token.folded)) {
		out.push(token.folded.replace(/(.)\1{2,}/g, '$1'));
		out.push(token.folded.replace(/(.)\1+/g, '$1'));
		out.push(token.folded.replace(/(.)\1{2,}/g, '$1$1'));
	}
	return [...new Set(out)];
}

/** The tokens with the one at `pos` read as `folded` (a shortened stretch), keeping its marks. */
function withForm(tokens: readonly Token[], pos: number, folded: string): readonly Token[] {
	const token = tokens[pos];
	if (token.folded === folded || token.pattern) return tokens;
	if (!forms(token).includes(folded)) return tokens;
	const copy = [...tokens];
	const tones = token.accent.match(TONE_MARKS)?.join('') ?? '';
	const base = token.accent.replace(TONE_MARKS, '');
	const runs = folded === token.folded.replace(/(.)\1{2,}/g, '$1$1') ? /(\p{L})\1{2,}/gu : folded === token.folded.replace(/(.)\1{2,}/g, '$1') ? /(\p{L})\1{2,}/gu : /(\p{L})\1+/gu;
	const keep = folded === token.folded.replace(/(.)\1{2,}/g, '$1$1') ? '$1$1' : '$1';
	copy[pos] = { ...token, folded, accent: base.replace(runs, keep) + tones };
	return copy;
}
