/**
 * Vietnamese text as children type it: with or without diacritics, in any case and spacing, with
 * common teen spellings. Folding maps all of these to one form so that matching and similarity do
 * not depend on how a phone's keyboard was set; a small table of the forums' vocabulary lets two
 * items that say the same thing in other words ("bể bơi", "học bơi") be found alike. The ranking
 * itself is in `similar-items.ts`. Pure; no dependencies; shipped to the console's browser.
 */
import { createRanker, type Terms } from './similar-items';

/** Removes diacritics (and đ → d), lower-cases, and keeps letters, digits and single spaces. */
export function foldVietnamese(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** True when the text carries Vietnamese diacritics, i.e. the child typed with an accent keyboard. */
export function hasDiacritics(text: string): boolean {
	return foldVietnamese(text) !== text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Teen and SMS spellings, folded, mapped to the folded standard word(s). No key may be an ordinary
 * word once folded ("hong" is the one old exception: hông/hồng/hỏng; see `typedWords`).
 */
const TEEN_SPELLINGS: Record<string, string> = {
	ko: 'khong', k: 'khong', kh: 'khong', hok: 'khong', hk: 'khong', hong: 'khong', khum: 'khong',
	j: 'gi', ji: 'gi', dc: 'duoc', vs: 'voi', ntn: 'nhu the nao', bt: 'biet', bik: 'biet',
	mn: 'moi nguoi', mng: 'moi nguoi', z: 'vay', v: 'vay', zay: 'vay', ak: 'a', r: 'roi', e: 'em',
	mk: 'minh', mik: 'minh', bn: 'ban', trg: 'truong', ng: 'nguoi', ngta: 'nguoi ta', cx: 'cung', cg: 'cung',
	cj: 'chi', nhiu: 'nhieu', ms: 'moi', thui: 'thoi', trc: 'truoc', ns: 'noi', nch: 'noi chuyen',
	hc: 'hoc', hs: 'hoc sinh', gv: 'giao vien', lm: 'lam', bh: 'bao gio', bm: 'bo me', bme: 'bo me',
	ck: 'chong', vk: 'vo', ae: 'anh em', wa: 'qua', thik: 'thich', iu: 'yeu', mxh: 'mang xa hoi', dt: 'dien thoai'
};

/** Teen spellings that are also typed with diacritics. */
const TEEN_WITH_ACCENTS = new Set(['đc', 'hông', 'đt']);

/** Writes teen spellings out in full: ["ko", "dc"] → ["khong", "duoc"]. */
export function expandTeenSpellings(words: readonly string[]): string[] {
	return words.flatMap((word) => (Object.hasOwn(TEEN_SPELLINGS, word) ? TEEN_SPELLINGS[word].split(' ') : [word]));
}

/** Folded words, with teen spellings written out. */
export function foldedWords(text: string): string[] {
	return expandTeenSpellings(foldVietnamese(text).split(' ').filter(Boolean));
}

/** Words that carry no topic: question words, pronouns, particles, the framing of a request. */
const STOP_ACCENTED = new Set(
	(
		'a à ạ ah al ba bà bác bị bố các cái chỉ chị cho chú chúng có con còn của cũng cùng đã đang để đến đi đó do ' +
		'được em gì hay họ hơn khi không là lại làm lắm lên mà mình mọi mỗi mới một nào này nay nếu ngày người như ' +
		'nhưng những nhiều ở ơi ông ra rất rồi sao sẽ sau số ta tại thế thể thì thôi trên trong từ ừ uh và vậy vào ' +
		'về vì với xin bạn tôi tui tớ tụi bọn cháu nhé chưa ấy kia nữa luôn quá thật hả nhỉ vẫn đều cả muốn mong ' +
		'nên cần phải hỏi biết nghĩ thấy'
	).split(' ')
);
const STOP_FOLDED = new Set([...STOP_ACCENTED].map(foldVietnamese));

/** The words that say what an item is about. */
export function contentWords(text: string): string[] {
	return foldedWords(text).filter((word) => !STOP_FOLDED.has(word));
}

/**
 * The forums' vocabulary: words and phrases that say the same thing, one concept a line (from the
 * topics of the forums' plans and the train events in tests/fixtures/children-texts; kept small,
 * as it ships to the console). Matched with diacritics when the text has them, folded when not;
 * "=" marks a word too ambiguous once folded (sông/sống, bẩn/bạn) to match without its diacritics.
 * The longest phrase wins. The first line only drops the framing of a request.
 */
const CONCEPTS = `-: đề nghị, kiến nghị, có thể, bao giờ, khi nào, tại sao, vì sao, làm sao, thế nào, như thế nào, như vậy, có cách nào, các bác, cho em hỏi
swim: bơi, bể bơi, hồ bơi, học bơi, dạy bơi, tập bơi, lớp bơi, môn bơi, biết bơi
drown: đuối nước, chết đuối, =chìm, nước cuốn, cuốn trôi, tắm sông, ra sông, nước sâu, sông sâu
water: =sông, suối, =ao, =hồ, bãi tắm, bờ sông, ven sông, khúc sông
buoy: phao, áo phao, phao cứu sinh
firstaid: sơ cứu, cấp cứu, cứu người
play: sân chơi, khu vui chơi, chỗ vui chơi, chỗ chơi, nơi vui chơi, vui chơi, cầu trượt, xích đu
toilet: nhà vệ sinh, phòng vệ sinh, đi vệ sinh, toilet, wc, bồn cầu, nhà xí
dirty: =bẩn, =dơ, =hôi, hôi thối, mất vệ sinh, bốc mùi
broken: hỏng, hư, gãy, xuống cấp, hư hỏng
extra: học thêm, dạy thêm, lớp thêm, lớp học thêm
pressure: áp lực, căng thẳng, stress, mệt, mệt mỏi, quá tải, =đuối, quá nhiều, nhiều quá, nhiều thế
less: giảm, bớt, cắt giảm
online: =mạng, trên mạng, online, trực tuyến, internet, qua mạng, lên mạng
social: mạng xã hội, facebook, fb, tiktok, zalo, youtube, nhóm chat, group
game: game, chơi game, trò chơi điện tử
phone: điện thoại, smartphone, điện thoại thông minh
bully: bắt nạt, ăn hiếp, trêu chọc, chế giễu, nói xấu, cô lập, tẩy chay
hit: bạo lực, =đánh, đánh đập, đánh đòn, =tát, bạo hành, đánh hội đồng
tell: =kể, nói với, chia sẻ, tâm sự, liên hệ, gọi cho, =báo, báo cáo, tố cáo
food: đồ ăn, thức ăn, thực phẩm, ăn vặt, đồ ăn vặt, hàng quà, quà vặt
meal: bữa ăn, cơm, bữa trưa, suất ăn, bếp ăn, bếp
soda: nước ngọt, nước có ga, nước ngọt có ga
fried: đồ chiên, chiên rán, chiên, =rán
sick: đau bụng, ngộ độc, tiêu chảy
entrance: thi chuyển cấp, thi vào lớp 10, thi lên lớp 10, thi vào 10
inspect: kiểm tra, giám sát, quản lý, kiểm soát, thanh tra
exam: =thi, thi cử, bài kiểm tra, đề thi, kỳ thi
helmet: mũ bảo hiểm, nón bảo hiểm
motorbike: xe máy điện, xe đạp điện, xe điện, xe máy
speed: gờ giảm tốc, giảm tốc, chạy nhanh, phóng nhanh
lamp: =đèn, đèn đường, chiếu sáng, tối om
night: =tối, khuya, ban đêm, =đêm, buổi tối
kid: trẻ em, trẻ con, con nít, thiếu nhi, em nhỏ, các em nhỏ, =bé, các bé, trẻ nhỏ, bọn trẻ
parent: bố mẹ, ba mẹ, cha mẹ, phụ huynh, mẹ, gia đình
teacher: thầy cô, giáo viên, =thầy, cô giáo, thầy giáo
dropout: bỏ học, nghỉ học, thôi học
work: đi làm, làm thuê, làm việc, lao động, kiếm tiền, phụ hồ, đi làm thuê
marry: tảo hôn, cưới sớm, lấy chồng, lấy chồng sớm, ép cưới, kết hôn, =cưới
disaster: thiên tai, =bão, lũ, lụt, bão lũ, lũ lụt, mưa lũ, mưa bão, ngập
landslide: sạt lở, =lở, núi lở, lở đất, sạt
drill: diễn tập, ứng phó, tập ứng phó
heat: nắng nóng, nóng, oi bức
cold: rét, lạnh, giá rét, lạnh giá, rét đậm, áo ấm
books: thư viện, =sách, đầu sách, đọc sách
crowded: =đông, =chật, chen chúc
bag: cặp sách, =cặp, balo, ba lô
recess: giờ ra chơi, ra chơi
trees: cây xanh, trồng cây, cây
computer: máy tính, phòng máy, phòng tin học, tin học
smoke: thuốc lá, hút thuốc, thuốc lá điện tử, vape
poor: nghèo, hoàn cảnh khó khăn, khó khăn
money: tiền, tốn tiền, =đắt, học phí, chi phí, nộp tiền, đóng tiền
free: miễn phí, free
fence: rào, rào chắn, hàng rào, lan can
sign: biển báo, biển cảnh báo, cảnh báo, bảng báo
guard: trông coi, người trông, =trông, cứu hộ
handwash: rửa tay, xà phòng, xà bông
sleep: ngủ, ngủ gật, mất ngủ, thiếu ngủ
privacy: riêng tư, quyền riêng tư, bí mật đời tư, đời tư
hack: hack, bị chiếm, chiếm tài khoản, mất tài khoản
account: tài khoản, nick
scam: lừa đảo, =lừa, dụ dỗ, =dụ
photo: =ảnh, hình, hình ảnh
video: clip, video
post: =đăng, đăng lên, tung, tung lên, phát tán, đưa lên
remove: xóa, gỡ
stranger: người lạ, quen trên mạng, quen qua mạng, kết bạn
meet: gặp mặt, gặp ngoài đời, đi gặp
gamble: cờ bạc, cá độ, đánh bạc
fake: tin giả, tin đồn
hotline: 111, tổng đài, đường dây nóng
horror: kinh dị, =ma, phim ma
net: wifi, mạng yếu, rớt mạng
climate: biến đổi khí hậu, khí hậu, khí hậu thay đổi
plastic: rác thải nhựa, rác nhựa, nhựa
forest: rừng, phá rừng, chặt phá rừng, rừng đầu nguồn
boat: =đò, thuyền, bến đò, đi đò
dishes: rửa bát, rửa chén
lightning: sét, sấm sét, sét đánh
field: =đồng, ruộng, ngoài đồng, nương rẫy, nương, rẫy
power: mất điện, cúp điện
traffick: lừa bán, buôn bán người, buôn người, lương cao, dưới xuôi
pollution: ô nhiễm, =khói, thải khói
girls: bạn nữ, con gái
insult: xúc phạm, chửi, quát mắng
help: giúp, giúp đỡ, hỗ trợ, phụ giúp, =phụ
prevent: ngăn chặn, phòng tránh, phòng chống, phòng ngừa, biện pháp, giải pháp
lesson: chính khóa, chương trình học, giờ học, môn học, tiết học
addicted: nghiện, ghiền, lệ thuộc
quit: =cai, =bỏ, từ bỏ
safety: nguy hiểm, an toàn`;

const PHRASES_ACCENTED = new Map<string, string>();
const PHRASES_FOLDED = new Map<string, string>();
for (const line of CONCEPTS.split('\n')) {
	const [concept, phrases] = line.split(': ');
	for (const phrase of phrases.split(', ')) {
		const accentedOnly = phrase.startsWith('=');
		const words = phrase.replace('=', '');
		PHRASES_ACCENTED.set(words, concept);
		if (!accentedOnly) PHRASES_FOLDED.set(foldVietnamese(words), concept);
	}
}

type Word = { form: string; folded: string; plain: boolean };

/**
 * The words of a text as typed, teen spellings written out. A word is `plain` when the text was
 * typed without diacritics (or it is a written-out teen spelling): then only its folded form is
 * known, and a word that folds like a stop word ("thi": thì or thi?) is taken for one.
 */
function typedWords(text: string): Word[] {
	const forms = text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
	const whole = foldVietnamese(text).split(' ');
	const folds = whole.length === forms.length ? whole : forms.map(foldVietnamese);
	const plain = folds.every((folded, i) => folded === forms[i]);
	const words: Word[] = [];
	forms.forEach((form, i) => {
		const folded = folds[i];
		if (!folded) return;
		if (Object.hasOwn(TEEN_SPELLINGS, folded) && (folded === form || TEEN_WITH_ACCENTS.has(form))) {
			for (const word of TEEN_SPELLINGS[folded].split(' ')) words.push({ form: word, folded: word, plain: true });
		} else words.push({ form, folded, plain });
	});
	return words;
}

const isStop = (word: Word) => (word.plain ? STOP_FOLDED.has(word.folded) : STOP_ACCENTED.has(word.form));

/**
 * The longest run of words from `start` that names a concept (at most four words), matched with
 * diacritics as typed, or folded when a word of the run is plain.
 */
function conceptAt(words: Word[], start: number): { concept: string; length: number } | undefined {
	let found: { concept: string; length: number } | undefined;
	let form = '';
	let folded = '';
	let anyPlain = false;
	for (let i = start; i < Math.min(words.length, start + 4); i++) {
		form += (i > start ? ' ' : '') + words[i].form;
		folded += (i > start ? ' ' : '') + words[i].folded;
		anyPlain ||= words[i].plain;
		const concept = PHRASES_ACCENTED.get(form) ?? (anyPlain ? PHRASES_FOLDED.get(folded) : undefined);
		if (concept !== undefined) found = { concept, length: i - start + 1 };
	}
	return found;
}

const WORD = 1;
const PAIR = 0.5;
const CONCEPT = 1.5;
const SYLLABLE = 0.3;

/**
 * What a text is about, for comparing: the concepts its words and phrases name; its content
 * words (folded, or as typed when the folded form is ambiguous), the syllables of a concept's
 * phrase counting little; and adjacent pairs of them ("sân chơi" is more than "sân" and "chơi").
 */
function itemTerms(text: string): Terms {
	const words = typedWords(text);
	const terms = new Map<string, number>();
	const add = (term: string, weight: number) => terms.set(term, Math.max(weight, terms.get(term) ?? 0));
	const content: string[] = [];
	for (let i = 0; i < words.length; ) {
		const match = conceptAt(words, i);
		if (match?.concept === '-') {
			i += match.length;
		} else if (match && match.length > 1) {
			add(`#${match.concept}`, CONCEPT);
			const run = words.slice(i, (i += match.length));
			content.push(run.map((word) => word.folded).join('_'));
			for (const word of run) if (!isStop(word)) add(word.folded, SYLLABLE);
		} else {
			if (match) add(`#${match.concept}`, CONCEPT);
			const word = words[i++];
			if (isStop(word)) continue;
			const term = !word.plain && STOP_FOLDED.has(word.folded) ? word.form : word.folded;
			content.push(term);
			add(term, WORD);
		}
	}
	for (let i = 1; i < content.length; i++) add(`${content[i - 1]} ${content[i]}`, PAIR);
	return terms;
}

const ranker = createRanker(itemTerms);

/**
 * How alike two items are, 0 to 1: cosine of their terms (concepts, content words, word pairs),
 * with no pool to weigh them against. Insensitive to case, diacritics, spacing, question words and
 * teen spellings.
 */
export function similarity(a: string, b: string): number {
	return ranker.similarity(a, b);
}

/**
 * Chosen on the train events (tests/unit/duplicate-suggestions.test.ts): at 0.30 the console
 * offers 98 % of duplicates' originals and a suggestion for about a third of new questions; at
 * 0.35 recall is 96 % and at 0.40 92 %, too close to the 90 % goal for wording not seen in train.
 */
export const SIMILAR_THRESHOLD = 0.3;

/**
 * The items most like `text`, best first: what the console offers to merge. Terms are weighed by
 * how rare they are among the candidates, so a shared "bơi" counts for less in an event where
 * many items are about swimming.
 */
export function suggestSimilar<T extends { id: string; text: string }>(text: string, candidates: readonly T[], limit = 3): (T & { score: number })[] {
	return ranker.rank(text, candidates, limit, SIMILAR_THRESHOLD);
}
