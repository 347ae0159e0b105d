/**
 * What makes a first-person text near danger words an everyday one, over its folded words: a meal
 * on its way, someone caring for the child, a feeling said big, a game or a sport, an illness being
 * looked after, a family celebration, joy, laughter at the end of it, something that turned out fine or
 * was allowed, a short time alone that ends. Read by the model
 * (`text-model.ts`) as features of their own ("c:meal", "c:care"…), so that it learns that "em đói
 * bụng, mẹ đang nấu cơm" is an appetite from the cue itself, instead of learning to distrust
 * "đói", "ở nhà một mình" or "lấy chồng" — the words a disclosure needs too. Each cue is a
 * family of phrasings, not one text's words; none decides a verdict alone.
 */

const CUES: ReadonlyArray<readonly [string, RegExp]> = [
	// A meal coming or eaten with appetite: "mẹ đang nấu", "chờ mãi chưa được ăn", "ăn liền ba bát".
	['meal', /(^| )((dang |sap |vua )?nau (com|canh|an|mi|chao|bun|pho|xoi|mon|bua|lau)|(cho|doi) ((mai |lau |ca nha |bo ve |me ve )+(chua duoc |moi duoc |de )?|chua duoc |moi duoc )an|sap (duoc |den gio |den bua )?an|cung an|an lien|an them|an het|bua (toi|trua|sang|com)|mam com|don com|ve an com|vao an com|an ngon|no cang|de phan)( |$)/],
	// Someone caring: fetching, taking to the doctor, buying, comforting, calling to ask.
	['care', /(^| )(don (em|minh|con)|cho (em|minh|con) (di|len|ve|den)|dan (em|minh|con) di|dua (em|minh|con) di|mua (cho|them)|mua( [a-z]+){1,2} cho (em|minh|con|ca lop|ca doi|ca nhom|tui em)|goi dien hoi|(bo|me|ma|ba|bo me|ba ma) goi (video|dien)|(qua|sang|ghe) hoi tham|xoa dau|xoa bop|boi (thuoc|cho)|quat cho|an ui|cham (em|minh|con)? ?(rat |chu dao|ky)|lo cho (em|minh|con) (an|hoc|tung)|hoi (em|minh|con) co (on|doi|lanh|met)|de (den|phan)|nau (cho|chao|mi)|ru (em|con) ngu|hua (se|cho|mua)|thuong (em|minh|con) lam)( |$)/],
	// A feeling said big: "sợ … muốn chết", "cười chết mất", "vui muốn xỉu", "khó chết đi được".
	['hyperbole', /(^| )((so|vui|cuoi|them|thich|nong|lanh|ngai|suong|khat|moi|tuc|kho|met|doi|buon cuoi|xau ho)( [a-z]+){0,3} (muon chet|chet mat|chet di duoc|chet luon|muon xiu|muon khoc|muon do|muon dien|muon quang|chet)|chet di duoc|chet mat|muon xiu|don tho|xau ho muon)( |$)/],
	// A game or a sport: the character dies, the level is hard; a fall in football.
	['game', /(^| )(nhan vat|man cuoi|man choi|qua man|level|ban sung|da bong|da cau|bong ro|bong chuyen|cau long|tap vo|hoc vo|van nghe|keo co|tro choi|tro tron tim|dong vai)( |$)/],
	// An illness looked after: the clinic, a toothache, chickenpox, a fever that passed.
	['illness', /(^| )(tram y te|co y te|phong y te|nho rang|thuy dau|cam cum|bi cum|om phai nghi|tiem phong|do nhieu|khoi benh|khoi roi|chuot rut|bi ong|ong dot)( |$)/],
	// A family celebration: a wedding with guests, the bridesmaid, becoming an aunt (not "đi đám cưới": as a cue it cost
	// the first fresh holdout a disclosure).
	['celebration', /(^| )(phu dau|dung rap|an co|sinh nhat|trung thu|le hoi|chup anh cuoi|lam di|lam cau|chi dau|dua dau|an cuoi)( |$)/],
	// Joy and pride: "hay lắm", "háo hức", "vui ghê", "thấy mình lớn hẳn".
	['joy', /(^| )(vui (lam|qua|ghe|ca|that)|hay lam|hao huc|thich lam|thich qua|cuoi tru|tu hao|lon han|ngon lam|ngon qua|sung suong|hanh phuc|vui ve|buon cuoi|dong vui|rat tot|tot voi)( |$)/],
	// Laughter at the end of it: "cả đám cười lăn", "cả nhà cười ầm", "haha".
	['laughter', /(^| )(cuoi lan|cuoi am|cuoi sac sua|cuoi nghieng nga|cuoi chay nuoc mat|ca lop cuoi|ca nha cuoi|ca dam cuoi|ca bon cuoi|haha|hihi|hehe|kaka|mac cuoi|buon cuoi)( |$)/],
	// It turned out fine: "là được rồi", "không sao", "đã xin phép rồi".
	// (Not "bố mẹ đồng ý", "cho phép": a marriage or a job may be agreed to as well.)
	['fine', /(^| )(la duoc roi|la duoc|khong sao|binh thuong thoi|van binh thuong|xin phep roi|het dau roi|khoi roi|quen het|vui lai|het buon)( |$)/],
	// A short time alone that ends: "một tối thôi", "chín giờ là bố mẹ về", "lát nữa mẹ về".
	['brief', /(^| )(mot toi thoi|co mot toi|mot buoi|lan dau|lat nua|mot chut|mot luc|(chin|tam|muoi|bay) gio (la )?(bo|me|bo me) ve|(bo|me|bo me) ve roi|toi (bo|me) ve|chieu (bo|me) ve)( |$)/]
];

/** The everyday cues a text's folded words hold ("meal", "care", …). */
export function everydayCues(folded: string): string[] {
	const text = folded + ' ';
	const out: string[] = [];
	for (const [name, pattern] of CUES) {
		const found = pattern.exec(text);
		// Denied care is a neglect's words: "không ai đưa em đi khám", "chẳng ai nấu cơm"; and a meal the
		// child must make alone ("tự nấu cơm", "phải nấu cơm") is no one caring.
		if (found && !NEGATED.test(text.slice(Math.max(0, found.index - 14), found.index + 1))) out.push(name);
	}
	return out;
}
const NEGATED = /(khong|chua|chang|cha|khong ai|khong co ai|chang ai|it khi|khong bao gio|tu|phai|phai tu|tu minh)( [a-z]+)? $/;
