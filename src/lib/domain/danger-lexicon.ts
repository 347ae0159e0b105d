/**
 * The word tables behind the danger checks (`danger-signals.ts`), folded (no diacritics, đ → d,
 * teen spellings written out, as `child-text.ts` reads a text): who harms, the harms, who is harmed,
 * the voice of a policy question, and how the words a table means are typed with diacritics (so
 * that "sợ" is never read as "sờ" when the keyboard says which). Data only; the logic that reads
 * them is in `danger-signals.ts`.
 */
export type Cat =
	| 'physical'
	| 'sexual'
	| 'online'
	| 'neglect'
	| 'marriage'
	| 'labour'
	| 'trafficking'
	| 'bullying'
	| 'selfharm'
	| 'runaway';

/** How a harm takes its victim: done to someone (`act`), or a state the subject is in (`state`). */
export type HarmKind = 'act' | 'state';

export interface Harm {
	words: string[];
	kind: HarmKind;
	cat: Cat;
	/** Only with a harmer as subject (or a passive): the words also mean something harmless. */
	strict: boolean;
	/** Never after "bị". */
	noPassive: boolean;
	/** Only after bị / phải / bắt / ép. */
	forced: boolean;
	/** Evidence rather than a harm ("chảy máu", "đói bụng"): counts only beside a harmer or a stretch of time. */
	supported: boolean;
	/** Evidence that counts only with a stretch of time ("ở nhà một mình" cả tuần, not one afternoon). */
	lasting: boolean;
	/** Evidence that counts only beside another finding or a plea ("bố mẹ đi cả tuần không về" and a sick sibling, not alone). */
	corroborated: boolean;
}

export function lex<T>(lines: string, make: (words: string[]) => T): T[] {
	return lines
		.split(/[,\n]/)
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => make(line.split(/\s+/)));
}

export function harms(kind: HarmKind, cat: Cat, lines: string): Harm[] {
	return lex(lines, (words): Harm => {
		const flags = words[0].match(/^[!~^%&+]+/)?.[0] ?? '';
		const first = words[0].slice(flags.length);
		return {
			words: [first, ...words.slice(1)],
			kind,
			cat,
			strict: flags.includes('!'),
			noPassive: flags.includes('~'),
			forced: flags.includes('^'),
			supported: flags.includes('%') || flags.includes('&'),
			lasting: flags.includes('&'),
			corroborated: flags.includes('+')
		};
	});
}

/**
 * Harms, folded. `act`: someone does it to the victim; `state`: what the subject goes through.
 * Flags before a word run: `!` strict (an act that only counts with a harmer as its subject: "sờ"
 * is also "sợ", "so với"); `~` never after "bị" ("bị ốm" is being ill, not "bị ôm"); `^` forced (only
 * after bị/phải/bắt/ép: "đi làm" is ordinary, "bị bắt đi làm" is not).
 */
export const HARMS: Harm[] = [
	...harms(
		'act',
		'physical',
		`danh, danh dap, dap, dap pha, !tat, bat tai, dam vao, dam da, dam dau, !quat, !vut, danh bam, danh dau, danh chay mau, hanh ha, bao hanh, bao luc,
		 nhot, !troi, !xich, !dot, dui, dui dau, !nem, !chui, chui mang, chui rua, mang chui, bop co, !cao, dim, dim nuoc, nhan nuoc, ha hiep, tra tan,
		 !lay roi, lay gay, lay day lung, lay that lung, lay dao, giet, doa giet, doa, de doa, doa danh, !lam dau, chich dien, cham thuoc, keo toc, giat toc,
		 bat quy, !xo, day nga, xo nga, bat nhin an, bop, !choc, dap dau, bat dung, treo len, nhot chuong, cam do an`
	),
	...harms(
		'act',
		'sexual',
		`!so, so mo, so soang, so nan, so vao, so nguoi, so nguc, so mong, ~!om, om hon, om chat, om ap, om siet, !om em, !hon em, !hon minh, hon len, hon vao,
		 hon moi, hiep, hiep dam, cuong hiep, xam hai, xam hai tinh duc, lam nhuc, quay roi, quay roi tinh duc, dong cham, cham vao, cham vao nguoi,
		 bop nguc, bop mong, coi do, coi quan, coi ao, coi het, coi quan ao, lot do, lot quan, vung kin, cho kin, !ngu cung, !ngu voi, lam chuyen do,
		 lam chuyen ay, !quan he, ep quan he, xem phim sex, xem phim nguoi lon, cho xem phim, keo vao phong, !dua vao phong, !goi vao phong, !giu lai,
		 giu em lai, o lai mot minh, giu lai mot minh, cuong buc, lam tinh, !sex, ~!cham em, !vuot ve, vuot, mon tron, !nhin tram`
	),
	...harms(
		'act',
		'online',
		`!xin anh, !doi anh, doi xem anh, bat gui anh, !gui anh, !chup anh, anh nong, anh nude, anh khoa than, anh nhay cam, anh co the, anh than the,
		 anh khong mac do, anh khong mac ao, tung anh, tung clip, tung len mang, !phat tan, dang anh, !dang len mang, doa tung, doa dang, doa gui,
		 doa phat tan, tong tien, !doi tien, !goi video, !call video, !quay video, !quay clip, clip nong, clip nhay cam, !hen gap, !hen ra gap, !ru gap,
		 !ru di choi, !lam quen, gui anh bay, gui anh sex, !gui clip, bat coi, bat coi do, bat coi ao, bat cho xem, !nhan tin`
	),
	...harms(
		'act',
		'neglect',
		`bo doi, khong cho an, khong cho em an, khong cho con an, khong cho chau an, cho an com thua, an com thua, !bat nhin, bat nhin doi, nhin doi,
		 bo mac, !bo roi, !bo lai, bo o nha, !khong cham soc, khong ai cham soc, khong ai nuoi, khong cho di hoc, khong cho hoc, bat nghi hoc,
		 duoi ra khoi nha, duoi ra duong, !duoi di, duoi khoi nha, khoa trong nha, nhot trong, khong cho ve nha, bo mac em, bo mac con, !khong quan tam`
	),
	...harms(
		'act',
		'marriage',
		`^lay chong, ^lay vo, cuoi chong, ^cuoi vo, ga cho, ga em, ga con, ga di, ve nha chong, ^lam dau, dinh hon, an hoi, tao hon, ^ket hon,
		 ep cuoi, bat cuoi, ep lay chong, bat lay chong, hua ga, nhan sinh le, nhan tien cuoi, cuop vo, bat vo, keo vo, ^cuoi`
	),
	...harms(
		'act',
		'labour',
		`^di lam, ^lam thue, ^lam viec, ^phu ho, ^lam khong cong, khong tra luong, khong tra tien, khong tra cong, khong duoc tra, !khong tra,
		 quyt luong, quyt tien, giu luong, tru luong, no luong, ^lam tu sang den toi, ^lam tu sang, ^lam ca ngay, ^lam het ngay, ^lam suot, ^lam den khuya,
		 ^lam den dem, !khong duoc nghi, khong cho nghi, ^chan trau, ^ban ve so, ^ban hang rong, ^ban hang, ^lo gach, ^phu ban, ^rua bat, ^phu quan,
		 nghi hoc di lam, bo hoc di lam, ^giup viec, ^lam o xuong, ^lam mo, ^dao vang, ^lam ruong thue, ^xin an, ^an xin, ep lam, bat lam,
		 bat di lam, ep di lam, bat lam viec, ^lam cho, ^vac, ^khuan vac, ^lam nang, ^tiep khach, ^lam gai, ^di khach, ^bo hoc`
	),
	...harms(
		'act',
		'trafficking',
		`ban sang trung quoc, ban qua trung quoc, ban ra nuoc ngoai, ban sang nuoc ngoai, ban qua bien gioi, ban sang bien gioi, !dua sang, lua sang, lua qua,
		 dan sang, giu giay to, thu giay to, giu can cuoc, thu can cuoc, khong cho ve, khong cho lien lac, !moi gioi, hua viec lam, hua cho viec,
		 viec nhe luong cao, viec nhe luong, lua di, lua dua di, bat coc, !dua di, !dan di, ban nguoi, buon ban, buon nguoi, lam gai, di khach, ^dua sang`
	),
	...harms(
		'act',
		'bullying',
		`bat nat, danh hoi dong, che gieu, !cheu, cheu choc, tay chay, co lap, chan duong, chan danh, doa giet, doa danh, doa xu, doa cho, bat nop tien,
		 !xin tien, !lay tien, !doi tien, giat do, giat tien, lot do, chui boi, !noi xau, boi nho, lam nhuc, !xe sach, !xe vo, !giau do, xo day,
		 tru dap, dat biet danh, goi biet danh, che bai, miet thi, dam bang dao, !cam dao, !dung dao, !mang dao, hu hiep, khung bo, an hiep, sai vat,
		 bat lam bai, cuoi nhao, !trech, !nhao, !ghet, !bat ep, danh em, !doa nat, !chan`
	),
	...harms(
		'state',
		'selfharm',
		`muon chet, chet di, chet di cho xong, chet cho xong, chet quach, chet quach di, chet luon, tu tu, tu sat, muon tu tu, nghi den cai chet, nghi toi cai chet,
		 nghi den chuyen chet, y dinh tu tu, khong muon song, khong thiet song, khong muon song nua, chan song, song lam gi, song de lam gi, khong muon ton tai,
		 ket thuc tat ca, ket thuc cuoc doi, ket thuc cuoc song, muon ket thuc, ket lieu, bien mat mai mai, muon bien mat, tu rach, rach tay, cat tay, tu cat,
		 tu cat tay, rach co tay, cat co tay, tu lam dau, tu lam dau ban than, tu danh minh, tu hanh ha, tu dam, uong thuoc, uong het thuoc,
		 uong ca vi thuoc, thuoc ngu, thuoc chuot, thuoc tru sau, nhay cau, nhay lau, nhay song, nhay xuong, treo co, gieo minh, khong ai can, la ganh nang,
		 ganh nang cho, de lai thu, thu tuyet menh, khong con y nghia, khong con ly do, ngu mai khong day, khong muon thuc day, met moi voi cuoc song,
		 khong chiu noi nua, khong chiu dung noi, het chiu noi, chiu het noi, tuyet vong, tu tu chet, khong song noi, roi khoi the gioi, tu ket lieu,
		 song khong noi, chet cho roi, chet het, ra di mai mai, khong muon thuc`
	),
	...harms(
		'state',
		'runaway',
		`bo nha, bo nha di, bo tron, tron khoi nha, tron nha, roi khoi nha, di khoi nha, khong co cho ngu, khong co cho o, khong co noi ngu, khong co noi o,
		 khong biet ngu dau, khong biet di dau, khong biet ngu o dau, khong biet mai ngu o dau, khong biet toi nay ngu o dau, khong biet dem nay ngu o dau, ngu ngoai duong, ngu duong, ngu o cong vien, ngu o ben xe, ngu o ga, ngu ngoai, ngu ghe da, lang thang,
		 khong dam ve nha, khong muon ve nha, khong the ve nha, khong duoc ve nha, khong co tien an, bi duoi, %doi qua, %doi lam, %doi bung, %doi meo,
		 khong co gi an, vo gia cu, %khong nha, %mat nha, ngu ngoai hien, di bui, bui doi, khong co cho, %khong ve nha, bo di bui, tron di, chay tron`
	),
	...harms('state', 'marriage', `tao hon, co thai, mang thai, co bau, mang bau, lay chong som, ^lay chong, ^cuoi, ^lay vo, ^ket hon, ^ve nha chong`),
	...harms(
		'state',
		'labour',
		`nghi hoc di lam, bo hoc di lam, khong duoc tra luong, khong duoc tra tien, khong duoc tra cong, bi quyt luong, bi tru luong, khong duoc nghi ngoi,
		 lam tu sang den toi, lam ca ngay, lam het ngay, lam den khuya, lam den dem, lam quan quat, khong duoc tra dong nao, khong duoc tra xu nao, ^di lam, ^lam thue,
		 ^phu ho, ^lam viec, ^nghi hoc, ^bo hoc`
	),
	...harms(
		'state',
		'neglect',
		`bi doi, bi bo doi, nhin doi, khong duoc an, khong co com, khong du an, om ma khong, benh ma khong, khong duoc di kham, khong duoc di hoc, khong ai cham soc,
		 khong ai lo, bi bo roi, bi bo mac, khong ai quan tam, khong duoc cho an, an com thua, doi ca ngay`
	),
	...harms(
		'state',
		'sexual',
		`bi xam hai, dau o vung kin, khong duoc ke voi ai, khong duoc noi voi ai, dung ke voi ai, dung noi voi ai, khong duoc noi cho ai,
		 khong duoc ke cho ai, cam noi, cam ke`
	),
	// Kept secret from the child's parents by whoever lures them: "ảnh dặn đừng cho ba mạ biết, tối mai cho xe đón em".
	...harms(
		'state',
		'trafficking',
		`dan dung cho ba ma biet, dan dung cho bo me biet, dan dung cho ba me biet, dan dung cho bo ma biet, dan khong duoc cho bo me biet,
		 dan khong duoc cho ba ma biet, dan dung noi voi bo me, dan dung noi voi ba ma, dan dung ke voi bo me, dan dung ke voi ba ma,
		 dan giau bo me, dan giau ba ma`
	),
	// Dragged out to be beaten: "lôi con ra đánh", "kéo em ra đánh" (the child before the blow).
	// Burnt: "dí que củi đang cháy vào tay".
	...harms('act', 'physical', `di que cui, di lua vao, di tan thuoc, di dieu thuoc, dot vao tay, que cui dang chay`),
	// A bride price taken for a girl: "nhận hai con trâu với bạc trắng".
	...harms('act', 'marriage', `nhan bac trang, nhan trau, nhan hai con trau, nhan lon va bac, nhan lon voi bac, nhan tien thach cuoi`),
	// A job in the city promised by someone online, kept from the parents: "hứa đưa em xuống Hà Nội làm…".
	...harms('act', 'trafficking', `hua dua em xuong, hua dua em len, hua dua em vao, hua dua minh xuong, hua dua minh len`),
	// Southern words for a beating ("bị quýnh", "ba quýnh tui"; "Quỳnh" is also a name, so only with the one beaten written).
	...harms('state', 'physical', `bi quynh, bi quynh hoai, bi ba quynh, bi ma quynh, bi oanh`),
	...harms('act', 'physical', `!quynh`),
	// Southern and euphemistic words for abuse and pictures: "làm chuyện kỳ với em", "gửi hình", "hổng thôi gửi cho ba má coi".
	...harms('act', 'sexual', `lam chuyen ky voi em, lam chuyen ky, lam chuyen ky voi minh, lam chuyen xau voi em, lam chuyen do voi em, lam chuyen nguoi lon voi em, lam chuyen bay ba voi em`),
	...harms('act', 'online', `!doi hinh, !xin hinh, bat gui hinh, hinh nong, hinh khoa than, tung hinh, dang hinh em, phat tan hinh, gui cho ba ma em coi, gui cho bo me em xem, khong thoi gui cho`),
	// Led away to work far off, on a promise ("được một bà dẫn đi làm ở Tây Ninh, bả hứa lương cao").
	...harms('state', 'trafficking', `duoc dan di lam, bi dan di lam, dan di lam xa`),
	...harms('act', 'trafficking', `%hua luong cao, +khong ai biet chi o dau, +khong ai biet anh o dau, +khong ai biet no o dau`),
	// Threats to meet behind the school, sticks waiting: "mai đem cây chờ em", "hổng ra thì mai tới nhà".
	...harms('act', 'bullying', `dem cay cho em, mang cay cho em, cam cay cho em, dem cay cho minh, hen ra sau truong, ra sau truong gap, +khong ra thi`),
	// Leaving for good to spare the parents: "chắc em đi luôn cho ba má đỡ cực".
	...harms('state', 'selfharm', `di luon cho ba ma do, di luon cho bo me do, bien mat cho ba ma do, bien mat cho bo me do, chet cho ba ma do, chet cho bo me do`),
	...harms('act', 'physical', `quynh tui, quynh em, quynh con, quynh minh, quynh tao`),
	// Fifth round (extra-p, bullying in Southern and Northern voices): pictures taken up a skirt or in secret, hair pulled and dragged,
	// a name called in the Southern "kêu … là con/đồ/thằng…", shut out by the group.
	...harms('act', 'online', `chup hinh duoi vay, chup anh duoi vay, chup duoi vay, quay duoi vay, chup len vay, quay len vay, chup trom, quay trom, chup len trong vay`),
	...harms('act', 'physical', `nam toc, nam toc keo, keo le, keo le ngoai san, nam toc keo le, boi len mat, boi phan len mat`),
	...harms('act', 'bullying', `keu la con, keu la do, keu la thang, keu la dua, goi la con, goi la do, goi la thang, noi xau em, noi xau minh, noi xau tui, noi xau to`),
	// Fifth round (extra-r, Southern and Central voices): a touch typed "rờ", into the mosquito net, told to keep it from a parent,
	// pictures "không mặc áo" or as payment, the camera lowered; a job across the border, papers handed over, kept and cut off;
	// a bride price in gold or betel; unpaid work.
	...harms('act', 'sexual', `ro ro, ro chan, ro dui, ro nguc, !dung cham, dung cham em, dung cham chi, dung cham no, dung cham tui, dung cham minh, vo mung nam, coi do cho, om tu phia sau, dung mac quan khi ngu`),
	...harms('act', 'online', `hinh khong mac ao, anh khong mac ao, hinh mac do lot, anh mac do lot, hinh luc tam, anh luc tam, hinh luc no tam, tra bang hinh, tra bang anh, tra bang may tam hinh, hinh rieng tu cua em`),
	...harms('state', 'trafficking', `qua campuchia, sang campuchia, cham soc khach hang online, gui can cuoc roi, bi giu trong khu, +mat lien lac, +goi hong duoc, bi dan qua, dan qua trung quoc, qua ben trung quoc, giu het tien, +no cho noi chuyen, +hong cho noi chuyen, +khong cho noi chuyen`),
	...harms('act', 'marriage', `nhan trau cau, nhan vang roi, nhan vang cuoi, toi hoi thi ga, hoi thi ga, ga em qua, ga em sang, ga no cho`),
	...harms('state', 'labour', `khong tra dong nao, hong tra dong nao, chua tra dong nao, nghi hoc di lam, nghi hoc di phu, boc hat dieu thue, du ky moi tinh tien`),
	...harms('state', 'bullying', `%khong ai choi voi, %khong ai choi cung, %khong ai them choi, %khong ai chiu choi, %khong cho choi cung, %khong cho choi chung`),
	...harms('act', 'physical', `loi con ra danh, loi em ra danh, keo con ra danh, keo em ra danh, loi ra danh, keo ra danh, loi ra dap, keo ra dap`),
	...harms('act', 'physical', `rach mat, doa rach, tat axit, dot nha, tan, !phang, !cau veo, veo, %tham tim, %bam dap, !choang, !dap vao, !vut vao, !quat vao, !phat vao, !tat, !ban tay`),
	...harms('act', 'sexual', `sam so, mo vao, mo vao nguoi, mo mam, do bai, tro do bai, bi hiep, cuong ep, ep buoc quan he, vuot ve, !bop, !nan`),
	...harms('state', 'selfharm', `buong xuoi, buong bo tat ca, buong bo, song khong de lam gi, song cung khong de lam gi, khong thiet, chan doi, chet cho xong`),
	...harms('act', 'trafficking', `!don, !cho di, !bat di, cho di mat, dua di mat, !sang don`),
	...harms('state', 'trafficking', `bi ban sang, bi ban qua, bi ban ra, bi lua ban, sang trung quoc, qua trung quoc, qua bien gioi, sang bien gioi, bi lua, bi bat coc, bi dua di`),
	...harms(
		'state',
		'selfharm',
		`giai thoat, duoc giai thoat, tam biet moi nguoi, tam biet tat ca, lam gi dai dot, lam dieu dai dot, dai dot, nghi dai, thu de lai, viet thu de lai,
		 viet thu tuyet menh, khi khong co em, khi khong co minh, khong co em nua, khong co minh nua, neu em bien mat, neu em chet, dao lam, lay dao lam,
		 cao len dui, cao len tay, rach len tay, rach dui, cat dui, tu cao, lam dau minh, tu lam hai, lam hai ban than, tu hai, suyt nhay, dung tren san thuong,
		 nhay tu, khong day nua, khong bao gio day, ngu mai mai, ngu mot giac that dai, chet ma khong dau, cach nao chet, cach chet, tim cach chet, cach tu tu,
		 %cho het do, %khong can nua dau, khong muon lam gi nua, khong con muon, muon ngu mai, muon chet di, nghi den viec chet, nghi den chuyen tu tu,
		 khong con thiet, chan doi, chan cuoc song, song cung nhu khong, %met moi qua, %met qua roi, khong muon thuc`
	),
	...harms(
		'state',
		'neglect',
		`khong co gi an, khong co com an, %chua an gi, %chua duoc an gi, %het gao, %gao sap het, %khong co ao am, %khong co ao, %di chan dat, khong ai dua di kham,
		 khong ai dua di vien, khong ai cham, khong ai cham soc, khong ai lo, khong ai lo cho, khong ai nuoi, khong ai nhan nuoi, khong con ai, &o mot minh,
		 &o nha mot minh, de lai mot minh, bi bo lai, bo di luon, khong cho di vien, khong cho di kham, khong duoc di kham, khong duoc di vien,
		 khong duoc chua, nhat do an thua, an do thua, %gay tro xuong, %sot cao ma, om ma khong ai, benh ma khong ai, xin com, di xin, xin an, bo an,
		 mac ke, de mac, %khong ve nha, di ca tuan, di may ngay, khong cho an com, nhin an, %phai trong em, bi lan,
		 %an het mi tom, %het mi tom, %bi cat dien, %het do an, %het tien an, %tu xoay, %tu xoay xo, khong co ai nuoi, %chua co gi bo bung, %khong co gi bo bung`
	),
	...harms(
		'state',
		'runaway',
		`duoi ra khoi nha, duoi ra, duoi khoi nha, dung ve nua, dung bao gio ve, dung co ve, khong co tien ve, %khong muon ve, %o nho, %ngu nho, %o nho nha,
		 ngu o nha cho, ngu o cho, ngoi o choi, bo di theo, khong ai biet o dau, dung tim, nha khoa cua, khong co cho nao, khong co cho nao de di,
		 khong co cho de di, khong biet di dau, khong cho o nua, tron ra, bo di, bo tron khoi, khong con ai`
	),
	...harms(
		'state',
		'marriage',
		`khong muon lay chong, khong muon cuoi, khong muon lay, lam dam cuoi, dam cuoi cho, le cuoi, sinh le, tien sinh le, dam ngo, nha trai, ve lam vo,
		 bat ve lam vo, lay anh ay, cuoi anh, cuoi ong, lay ong, lay chong duoc roi, de lay chong, lay chong o, thach cuoi, bat vo, cuop vo, nhan tien cuoi,
		 chong sap cuoi, bat cuoi, tuc bat vo, nghi hoc lay chong, nghi hoc de lay chong`
	),
	...harms(
		'state',
		'labour',
		`giu tien cong, tru het tien, bi tru tien, tru tien, boc tom thue, lam thue, tra no, den 2 gio sang, toi 2 gio sang, den 3 gio sang,
		 toi 3 gio sang, tu 3 gio sang, tu 4 gio sang, lam o quan, lam quan nhau, quan nhau, khong cho di vien, bat lam tiep, an don, ray ca phe,
		 lam du mua, moi cho ve, moi duoc ve, khong duoc ve, ban ve so, khong di hoc nua, khong duoc di hoc, lam o xuong, lam xuong, xuong may, lo gach,
		 phu lo, vua ca, mui keo, %bong tay, %vet bong, di ban la, ban la vao, bi gui len, gui len thanh pho, lam giup viec, giup viec, chu khong tra,
		 khong tra tien cong, lam cong, lam khong cong, lam het ca ngay, bat lam`
	),
	...harms(
		'state',
		'trafficking',
		`sang trung quoc, qua trung quoc, ben kia bien gioi, %mat lien lac, bi ban sang, giu giay khai sinh, giay khai sinh, giay to cua em, %giay to,
		 khong duoc ra ngoai, khong cho ra ngoai, khong biet day la dau, dua di lam, hen dua di, dua len thanh pho, ru len xe, ru qua, ru sang, chuoc,
		 doi chuoc, no tien xe, tien xe tien an, phai lam du, cho di mat, cam het can cuoc, nhan tien cua, sang don,
		 don em di, bi nhot, khong cho lien lac, khong cho ve, hua cho, hua viec, viec nhe, bi lua, bi dan di, di theo nguoi yeu, di theo ny`
	),
	...harms('act', 'physical', `!da, an don, dap dau, dap vao tuong, tum toc, %vet tim, %vet bam, %bam tim, %sung vu, %chay mau, %ro mau, tan thuoc, di tan thuoc, quat, quat bang, roi may`),
	...harms(
		'act',
		'bullying',
		`!xu, goi la, giau do, be tay, be co tay, nhet giay, nhet vao mom, liem giay, bat liem, duoi theo, nem da, !hen ra, danh ho, cho ngoai cong, chan o cong,
		 bat quy, phai dua tien, bat dua tien, dua tien, thu tien, doa xu, doa cho an don, an hiep, bat chui, bat xin loi, lot quan ao, xe ao, cat toc, bo vao thung rac,
		 quay clip dang len, dang len nhom, lap nhom chui, day xuong, xo xuong, dap vao dau, tat vao mat, dam vao mat, dam vao bung, danh toi tap, cuoi che`
	),
	...harms(
		'act',
		'sexual',
		`%luon tay, ngoi len dui, so dui, lam chuyen xau, chuyen xau, du vao nha, du vao phong, du vao, %nam canh, bat nam canh, gio tro,
		 %de xuong, de em xuong, nhin trom, nhin trom tam, le vao, chui vao man, vao phong ban ay, vao phong em, so khap nguoi, so vung, xoa nguoi, hon co,
		 bat cham, cham vao vung kin, tut quan, keo quan, coi quan ra, %thay do, %luc thay do, lam nhung viec`
	),
	...harms(
		'act',
		'online',
		`anh dang tam, anh rieng tu, clip rieng tu, lo clip, lo anh, ghep mat, ghep anh, anh bay, anh bay ba, do lot, mac do lot, khieu goi, dong tac khieu goi,
		 chuyen tien khong thi, khong thi gui, khong thi dang, doi chuyen tien, don ban ay, gap rieng, hen gap rieng, khach san, nha nghi, ra nha nghi,
		 anh khoa than, anh nong, clip nong, anh nude, gui lai anh, ru chup anh, chup anh ho`
	),
	...harms(
		'state',
		'physical',
		`%sung vu, %mat sung, %bam tim, %vet bam, %vet tim, %chay mau, %ro mau, %gay tay, %gay chan, %vet bong, %seo, an don, bi don, trom bi don, danh chet`
	),
	...harms(
		'act',
		'online',
		`ga gam, !ga, du do, !xin so, ru di khach san, video nong, !quay len, !chup len, quay trom, chup trom, anh rieng tu, clip sex, xin clip,
		 !doi gap, bat gap, doi gap mat, hen ra khach san, bat bat cam, bat mo cam, gui anh nhay cam, anh nhay cam cua, tung clip nong`
	),
	...harms(
		'state',
		'runaway',
		`di bui, bo di bui, tron di, bo tron, ngu nho nha ban, ngu o ngoai, ngu ngoai troi, ngu gam cau, o ngoai duong, lang thang ngoai,
		 khong co noi nao, khong dam ve, khong muon ve nha nua, roi nha`
	),
	...harms(
		'state',
		'selfharm',
		`tram cam, khong muon tiep tuc, uoc gi minh chua tung sinh ra, uoc gi chua tung sinh ra, khong nen sinh ra, bien khoi the gioi, cua tay,
		 lay dao cua, cat vao tay, rach vao tay, tu danh vao, nhin an de chet, muon ra di, khong con gi de mat, khong ai thuong, ghet ban than,
		 chet quach, chet cho xong, lam hai minh, tu tu cho xong, nghi quan, muon nhay`
	),
	...harms(
		'act',
		'bullying',
		`si nhuc, lang ma, !tat nuoc, !nem do, !lay do, lap page, boi nho, che anh, noi xau tren mang, !chui, !chui boi, gan biet danh,
		 danh hoi dong, doa danh, ep nop tien, bat nop, bat mua, !trom do, lot tien, giat do an`
	),
	...harms(
		'state',
		'neglect',
		`khong ai don, khong ai nau com, khong co com, di hoc khong co com, khong co tien an, mac ao rach, bo me bo di, bo di bien biet, bo em lai,
		 de em lai, khong ai ngo ngang, bi khoa trai, bi khoa trai trong nha, bi khoa cua nhot`
	),
	// What a child goes without when no one cares for them: food, treatment, clothes, water and light.
	...harms(
		'state',
		'neglect',
		`%an mi song, %an mi tom song, %com voi muoi, %com chan muoi, bua duc bua cai, %khong co tien tiem, %khong co tien kham, %khong co tien chua,
		 %khong co tien mua thuoc, %sung mu, %mung mu, %chay mu, %quan ao rach, %ao quan rach, %day ghe, %bi ghe, %boc mui, %khong an gi, %chua an gi ca, khong ai cho an, khong co ai nau com, khong ai nau an, khong co ai cham soc,
		 khong co ai lo, khong ai muon nuoi,
		 khong cho di nha si, khong cho di bac si, de tu khoi, cho tu khoi, %tu lo cho, %tu lo an, &nam mot minh,
		 &de em o nha mot minh, &o mot minh ca, %xin com an, %xin do an, %khoc vi doi, %doi khoc,
		 %doi la, %chua co gi vao bung, khong con gi de an, khong con gi an, %khong co gi de an`
	),
	// Going without food for days: "hai tuần nay chỉ có mì gói", "hai ngày chưa được ăn bữa nào", "đói đến chóng mặt".
	...harms(
		'state',
		'neglect',
		`&chi duoc an, &chi an mot bua, &chi co mi goi, &chi co mi tom, &chi an mi goi, &chi an mi tom, &chi co banh mi, &chi an banh mi, &chi co com trang, &chi an com trang,
		 &chi co com voi, &chua duoc an, &chua an bua nao, &khong duoc an bua nao, &chua duoc an bua nao, &khong co bua nao, %doi den chong mat,
		 %doi chong mat, %doi hoa mat, %doi run, %doi xiu, %tu kiem gi an, %tu kiem do an`
	),
	// Wishing to die or to be gone: every wish (muốn, ước, ước gì, chỉ mong…) before every way of saying it.
	...harms(
		'state',
		'selfharm',
		['muon', 'uoc', 'uoc gi', 'uoc chi', 'chi muon', 'that muon', 'chi mong', 'mong', 'uoc duoc', 'gia nhu', 'gia ma']
			.flatMap((wish) =>
				['chet', 'bien mat', 'ra di mai mai', 'khong ton tai', 'bien khoi the gioi', 'ngu mai mai', 'khong tinh day', 'khong thuc day', 'bien mat luon', 'khong con tren doi', 'tu tu', 'khong phai song', 'bien khoi cuoc doi', 'bien mat khoi cuoc doi', 'bien khoi tran gian', 'khong co mat tren doi', 'khong duoc sinh ra', 'chua tung sinh ra', 'duoc ngu mai'].map(
					(end) => `${wish} ${end}`
				)
			)
			.join(', ')
	),
	// Cutting oneself, every verb before every place of the body: "rạch vào đùi", "cứa lên cổ tay".
	...harms(
		'state',
		'selfharm',
		['rach', 'cua', 'cat', 'cao', 'dam', 'khia', 'khua']
			.flatMap((cut) => ['vao', 'len'].flatMap((on) => ['tay', 'co tay', 'dui', 'canh tay', 'bung', 'chan', 'co'].map((part) => `${cut} ${on} ${part}`)))
			.join(', ')
	),
	// Pay held back, in every way a child says it: "chưa trả lương", "chưa cầm được đồng nào".
	...harms(
		'state',
		'labour',
		['khong', 'chua']
			.flatMap((not) => ['tra luong', 'tra tien', 'tra cong', 'cam duoc dong nao', 'nhan duoc dong nao', 'duoc dong nao', 'duoc tra dong nao', 'nhan duoc luong'].map((end) => `${not} ${end}`))
			.join(', ')
	),
	// Pills counted, a waking that will not come: "uống hết một lần cho xong", "không tỉnh lại nữa".
	// No reason left to live, however it is said: "không còn thấy lý do gì để sống tiếp".
	...harms('state', 'selfharm', `khong con thay ly do, ly do de song, ly do gi de song, y nghia de song, khong con thay y nghia`),
	...harms('state', 'selfharm', `uong het mot lan, uong mot lan cho xong, bao nhieu vien thuoc, bao nhieu vien thi, khong tinh lai nua, khong bao gio tinh lai, em bien mat thi, minh bien mat thi, nhe nhom hon khi`),
	// Gone from life, asleep for good: "nên biến khỏi cuộc đời này", "ngủ luôn không dậy".
	...harms(
		'state',
		'selfharm',
		`bien khoi cuoc doi, bien mat khoi cuoc doi, roi khoi cuoc doi, bien khoi tran gian, roi khoi tran gian, ngu khong day, ngu luon khong day,
		 ngu luon khong tinh, ngu mot giac khong day, ngu roi khong day nua, ngu khong bao gio day`
	),
	...harms('state', 'selfharm', `khong muon tinh day, khong muon tinh lai, khong muon thuc day nua, khong muon tinh day nua, khong muon mo mat ra`),
	...harms('act', 'neglect', `^an sau cung, ^an com thua, ^an com nguoi, ^an do thua, %chi con com nguoi, %chi con com thua, %an com nguoi`),
	...harms('state', 'neglect', `khong ai cho di kham, khong ai cho di vien, khong ai dan di kham, khong ai dua di vien, khong co ai dua di kham`),
	// Afraid of a pregnancy: evidence beside someone who harms.
	...harms('state', 'sexual', `%so co em be, %lo co em be, %so co thai, %so bi co thai, %so mang thai`),
	...harms(
		'act',
		'neglect',
		`khong cho an, khong cho uong, khong cho an uong, khong mua do an, khong de lai tien, khong cho tien an, khoa em trong nha, khoa em lai, khoa cua nhot,
		 nhot em trong, khoa em voi`
	),
	// A night visit: "vào phòng lúc em đang ngủ", "kéo chăn em ra".
	...harms('act', 'sexual', `%vao phong luc em ngu, %vao phong luc em dang ngu, %chui vao chan`),
	// Work from before dawn to night, pay kept back, no calls home.
	...harms(
		'state',
		'labour',
		`lam tu sang toi dem, lam toi dem, nghi hoc de di lam, bo hoc de di lam, bung be thue, ^bung be,
		 nghi hoc de di bung be`
	),
	...harms('act', 'labour', `tru tien, tru het tien, giu het luong, giu het tien, khong cho goi ve nha, khong cho goi ve, khong cho goi dien ve`),
	// Where a child who has left home, or been put out of it, is sleeping.
	...harms(
		'state',
		'runaway',
		`%ngu trong chuong, %ngu o chuong, %ngu o quan net, %ngu o tiem net, %ngu o nha van hoa, %ngu ngoai hien nha, %ngu duoi gam, %ngu o gam, %ngu o ben,
		 khong con cho nao de ve, khong con cho de ve, khong co cho ve, khong con cho nao, khong con nha, khong con cho o, tron khoi, bo di khoi nha,
		 di khoi nha, ra khoi nha roi, gom do roi, gom quan ao, thu do bo di, khong muon o nha nua, chan cai nha nay, khong ve nha nua, khong ve nua,
		 cut ra khoi nha, tong ra ngoai, tong ra khoi nha, tong ra duong, duoi ra ngoai, duoi ra cong, dung ai tim`
	),
	// What a stranger online asks for or does with a child's pictures.
	...harms(
		'act',
		'online',
		`anh mac do boi, anh khong mac gi, khong mac gi, anh doi truy, doi truy, bat camera, bat cam len, mo camera, cho xem co the, xem co the, lay anh em,
		 lay anh cua em, hoi gia, hoi gia em, anh ho hang, chup ho hang, chup anh ho, phim sex, link phim sex, phim nguoi lon, chuyen nguoi lon,
		 noi chuyen nguoi lon, xin anh rieng, anh rieng, gui anh khong mac, cho xem nguc, xem nguc, video khong mac`
	),
	// A job far away that someone offers to take a child to.
	...harms('state', 'trafficking', `don di lam, don em di lam, hua dua di lam, hua cho di lam, dua di lam xa, sang ben kia lam, qua ben kia lam, dua anh sang cho khac, dua chi sang cho khac, dua em sang cho khac, dua sang cho khac`),
	// What the people who should care for a child do instead: gone for months, no money sent, no doctor.
	...harms(
		'act',
		'neglect',
		`+khong gui tien ve, +khong gui tien, +di bien biet, +di dau khong ro, +may nam khong ve, +ca thang khong ve, +ca tuan khong ve, +may thang khong ve,
		 +may nam khong gui, +di dau may hom, +di dau may ngay, +may hom chua ve, +may ngay chua ve, +may hom khong ve, +may ngay khong ve, khong dan di kham, khong dua di kham, khong dan di vien, khong dua di vien, khong cho di nha si, %de vay tu het, %tu het`
	),
	// Hired field work at thirteen, fainting in the field; held in a room, brought far by night.
	...harms('state', 'labour', `cay lua thue, cay thue, gat lua thue, gat thue, hai che thue, %den toi mit, %ngat xiu, %ngat luon`),
	...harms(
		'act',
		'trafficking',
		`khong cho ra khoi phong, khong cho ra khoi nha, khong cho ra ngoai, %dua len xe, %chua lien lac duoc, %khong lien lac duoc, giu em o, giu em trong,
		 nhot em o, %khong cho di dau, giu o mot can phong, giu o can phong`
	),
	// Farewell: "mọi người đừng buồn", what the child prizes given away.
	...harms('state', 'selfharm', `moi nguoi dung buon, dung buon vi minh, dung buon vi em, %cho em cai, %tang het do, %cho het do`),
	...harms('act', 'sexual', `bat ngoi len nguoi, bat ngoi len dui, %ngoi len nguoi, %loi dung luc`),
	// A hand on the thigh; building sites and brick-carrying instead of school.
	...harms('act', 'sexual', `%de tay len dui, %dat tay len dui, %de tay len nguoi, %so soang dui, bat ngoi sat, %ngoi sat vao`),
	...harms('state', 'labour', `bo hoc theo nguoi, %khuan gach, %vac gach, %be gach, %ngu lan, %lam cong truong`),
	// The roads of trafficking: across a border, a marriage abroad, false papers, a broker's fee, no news since.
	...harms(
		'state',
		'trafficking',
		`sang campuchia, qua campuchia, sang lao, qua lao, sang myanmar, qua myanmar, sang malaysia, sang dai loan, qua dai loan, vuot bien, di chui,
		 lay chong trung quoc, lay chong nuoc ngoai, lay chong dai loan, lay chong han quoc, lay chong ben kia, lam giay to gia, lam can cuoc gia, khai tang tuoi,
		 sua tuoi, tien moi gioi, no tien moi gioi, dat coc tien, bat tin, mat tich, %khong ai lien lac duoc, di theo nguoi la, theo nguoi la, bao an o,
		 bao an bao o, lo giay to, lo het giay to, %khong duoc goi ve, khong cho goi dien`
	),
	// Wanting to follow a parent who died, burning oneself, a rope, a will, poison, not wanting tomorrow.
	...harms(
		'state',
		'selfharm',
		`muon di theo me, muon di theo bo, muon di theo ba, muon gap me o tren, muon xuong gap, tu dot, dot tay, lao dau vao, lao ra duong, lao vao xe,
		 tim day, day thung, viet di chuc, di chuc, thuoc tay, thuoc diet co, thuoc sau, khong muon thay ngay mai, khong muon mo mat, xin loi vi tat ca,
		 ngoi tren mai nha, khong ai can em, khong ai can minh, khong ai can con, em la do thua, la do vo dung, song thua, chi la ganh nang`
	),
	// Held somewhere unknown, the phone taken.
	...harms('state', 'trafficking', `thu dien thoai, thu het dien thoai, lay het dien thoai, khong biet day la tinh nao, khong biet day la dau, khong biet minh dang o dau, can nha la`),
	// Left alone as a small child; a fever treated with folk remedies instead of a doctor.
	...harms('state', 'neglect', `bi de mot minh, &de mot minh, %chi cao gio, %chi uong nuoc la, %van sot, %van con sot, %sot may ngay, %sot ba ngay`),
	// Goodbyes and self-harm in other words.
	...harms(
		'state',
		'selfharm',
		`lam ganh nang, la ganh nang cua, rach len co tay, rach len tay, cat len tay, tu rach len, khong muon o day nua, muon di that xa mai mai, dam vao tay,
		 dam kim vao tay, lay compa dam, tich thuoc, tich duoc thuoc, gom thuoc, mot lo thuoc, ca lo thuoc, uong het ca lo, khong lam phien ai nua,
		 khong tinh day, dung bao gio tinh day, chan song, muon chet di`
	)
];

/** A harm that is not one after these words: "bóng đá", "câu lạc bộ". */
export const NOT_HARM_PREV: Record<string, Set<string>> = {
	da: new Set(['bong', 'cau', 'da']),
	// "nhiều nhà nghĩ gả con sớm…" (unaccented "nghĩ" is also "nghỉ", a motel): many households thinking.
	'nha nghi': new Set(['nhieu', 'nhung', 'cac', 'moi', 'vai']),
	// "con gà", "thịt gà", "nuôi gà" typed without marks is no "gả" (marrying off), which comes before its "con".
	ga: new Set(['con', 'thit', 'nuoi', 'trung', 'dui', 'canh', 'chuong', 'long', 'dan']),
	// "biện pháp chống bắt nạt", "phòng chống bắt nạt": against it.
	'bat nat': new Set(['chong']),
	// "các bạn người Kinh" typed without marks is no "bán người".
	'ban nguoi': new Set(['cac', 'nhung']),
	// "ngồi quạt cho em", "bật quạt", "cái quạt": a fan, not a whip ("quất").
	quat: new Set(['ngoi', 'bat', 'tat', 'cai', 'chiec', 'nan', 'cam']),
	// "ăn hiếp" (to bully) is no "hiếp".
	hiep: new Set(['an']),
	// "đi đám cưới anh họ": a cousin's wedding, not "cưới anh".
	'cuoi anh': new Set(['dam', 'an', 'du']),
	// "quạt nan": a bamboo fan, not "nắn".
	nan: new Set(['quat']),
	// "con bò nhà em" typed plain is no "bỏ nhà".
	'bo nha': new Set(['con']),
	// "biệt danh" (a nickname), "điểm danh" (the roll call), "chức danh": not "đánh". Only words whose
	// folded form is no subject of a blow ("bí danh" would also drop "bị đánh", "họ danh" "họ đánh").
	danh: new Set(['biet', 'diem', 'chuc']),
	dap: new Set(['xe', 'dap']),
	// "trời tối om", "đen om": dark, not a hug; "chạy xe ôm": a motorbike taxi.
	om: new Set(['toi', 'den', 'thui', 'xe']),
	// "bật đèn ngủ": a night light, not sleeping with someone.
	'ngu voi': new Set(['den']),
	// "hồi hộp muốn đứng tim" (unaccented "đứng tim" is also "đừng tìm"): a heart-stopping scene.
	'dung tim': new Set(['muon', 'hop', 'gan', 'suyt']),
	doi: new Set(['bo', 'tham', 'ban', 'cuoc']),
	// "nhà dột" (a leaking roof), "cây số", "con số", "đi bộ đội", "chiều cao": not harms.
	dot: new Set(['nha', 'mai']),
	so: new Set(['cay', 'con', 'ghi', 'the', 'ma', 'tong', 'bao', 'nhieu', 'xo']),
	'bo doi': new Set(['di', 'chu', 'anh', 'lam', 'vao', 'nhap', 'cac']),
	// "đói cồn cào": hunger said, not a scratch.
	cao: new Set(['chieu', 'do', 'nhay', 'cang', 'lam', 'con']),
	// "con mèo bỏ đi": a pet; "là đồ bỏ đi", "vứt bỏ đi", "xoá bỏ đi": a thing thrown away.
	'bo di': new Set(['meo', 'cho', 'ga', 'chim', 'do', 'vut', 'xoa', 'quang']),
	// "đừng đi theo người lạ": a warning.
	'di theo nguoi la': new Set(['dung', 'khong', 'chua', 'tranh']),
	'theo nguoi la': new Set(['dung', 'khong', 'chua', 'tranh', 'di']),
	// "đi cắt tóc", "vừa cắt tóc kiểu mới", "thợ cắt tóc": a haircut, not bullies cutting a child's hair.
	'cat toc': new Set(['di', 'vua', 'moi', 'tho', 'tiem', 'hieu', 'duoc']),
	// "sợ muốn chết", "vui muốn chết", "cười muốn chết": a feeling said big, not a wish to die ("buồn", "mệt" stay).
	'muon chet': new Set(['so', 'vui', 'cuoi', 'them', 'thich', 'nong', 'lanh', 'ngai', 'hoi hop', 'sung suong', 'run'])
};

/** What a commune may lack a place for (to play, read, swim, park…): the next word after "không có chỗ". */
const NO_PLACE_FOR = 'choi doc hoc da tap boi ngoi gui sinh giai the dau vui phoi trong'.split(' ');

/** A harm that is not one when followed by these words: "đánh răng", "đánh giá", "đợi" ("đói" is kept). */
export const NOT_HARM_NEXT: Record<string, Set<string>> = {
	// "đá bóng", "đá cầu", "đá banh": a game; "nước đá", "đá quý": not a kick ("bị đá vào bụng" stays one).
	da: new Set('bong banh cau ga quy voi lanh'.split(' ')),
	// "đánh yêu": a friend's playful tap, not a blow.
	// "danh mục", "danh sách" typed without marks: a list.
	danh: new Set('tien gia rang bac cau dan co bong thuc vong may trong van tieng bai nhau lua son phan ghen mat trung ca roi do bat xe thue luoi tra yeu chieng chuong kieng muc sach'.split(' ')),
	// "ôm gấu bông", "ôm gối": a child hugging a toy or a pillow, not being held.
	// "ôm nhau ngủ" (two children hugging each other) is no one holding a child.
	om: new Set('gau goi bup meo cun nhau'.split(' ')),
	// "tim em đập thình thịch": a heart beating.
	// "tức muốn đập điện thoại", "đập bàn": a thing, not a person.
	// "té đập đít xuống đất": a toddler landing on their bottom.
	dap: new Set(['xe', 'chan', 'nuoc', 'thinh', 'nhanh', 'loan', 'dien', 'dt', 'ban', 'cua', 'coc', 'chen', 'bat', 'trung', 'muoi', 'heo', 'bong', 'lon', 'dit', 'mong']),
	// "nhịn ăn vặt để dành tiền", "nhịn ăn sáng": a choice the child makes, not being starved.
	'nhin an': new Set(['vat', 'kieng', 'keo', 'banh']),
	// "ông bà chăm em rất chu đáo" (unaccented "chăm" is also "chạm"): care.
	'cham em': new Set(['chu', 'ky', 'tot', 'an', 'hoc']),
	// "đội bóng", "đội tuyển", "đội nhóm" typed without marks: a team.
	doi: new Set('tien ve mau nguoi moi cho ban xe lai toi den khi nao y song thoai bong tuyen nhom hinh vien'.split(' ')),
	'bi duoi': new Set(['nuoc', 'suc', 'theo', 'viec', 'hoc']),
	'bi lua': new Set(['mat', 'tien', 'dao']),
	doa: new Set(['nat']),
	// "xe tải đâm vào cột điện": a crash into a thing, not a blow.
	'dam vao': new Set('cot cay tuong rao lan oto'.split(' ')),
	so: new Set('sanh voi dien tien luong phan hoc nha lieu the dem bao nhieu tai khoan mot hai ba ve di o lam qua lam bi khong'.split(' ')),
	giet: new Set(['thoi', 'thi']),
	cuoi: new Set(['nhao', 'cung', 'tuan', 'nam', 'thang', 'ky', 'cap', 'gio', 'ngay', 'cung']),
	lam: new Set('bai sao gi the vay nhu ra cho duoc dau'.split(' ')),
	ban: new Set('be than em minh hoc nhe oi'.split(' ')),
	'lam viec': new Set(['nha', 'nhom', 'tot', 'cung']),
	// "nhốt gà vào chuồng", "trói lợn": animals, not a child.
	nhot: new Set('ga vit ngan lon heo cho meo trau bo chim de ngua'.split(' ')),
	// "Quỳnh" is also a name: "Quỳnh dạy em", "Quỳnh nói".
	quynh: new Set('day noi hoi lam di hoc voi oi cung rat hat ve doc viet ke dep xinh gioi'.split(' ')),
	// "ném pao", "ném bóng", "ném còn": games at a festival, not a thrown object.
	nem: new Set('pao bong phi rac'.split(' ')),
	troi: new Set('ga vit lon heo cho trau bo de ngua'.split(' ')),
	// "nhà trai sang đón dâu": a wedding procession, not someone taking a child.
	'sang don': new Set(['dau']),
	don: new Set(['dau']),
	// "cả nhà trải chiếu ra ngủ": spreading a mat, not the groom's family ("nhà trai").
	'nha trai': new Set(['chieu', 'nem', 'khan']),
	'bi doi': new Set('tien lai ve mau ten'.split(' ')),
	'bat lam': new Set(['bai', 'viec']),
	lay: new Set('lai tien sach do y'.split(' ')),
	// "sợ người lạ", "tan học", "hơn em 8 tuổi", "bộ đội biên phòng".
	'so nguoi': new Set(['la', 'lon', 'ta', 'khac']),
	// "tan học"; "mang sang tận nhà", "tận tay", "tận hưởng": not "tàn thuốc".
	tan: new Set('hoc truong lop ca gio lam chay vo bang ra tinh nha noi tay mat cung tam huong tuy cong cua binh sai ha dong ben tp thanh'.split(' ')),
	'hon em': new Set('1 2 3 4 5 6 7 8 9 10 mot hai ba bon nam sau bay tam chin muoi may nhieu tuoi it'.split(' ')),
	'hon minh': new Set('1 2 3 4 5 6 7 8 9 10 mot hai ba bon nam sau bay tam chin muoi may nhieu tuoi it'.split(' ')),
	// "bộ đội mang mì tôm tới" (soldiers bringing relief), "bố đổi chỗ làm": not a child starved.
	'bo doi': new Set(['bien', 'cu', 'tinh', 'xuat', 'mang', 'giup', 'cuu', 'den', 'toi', 'cho', 'ho']),
	// "không cho ăn kẹo nhiều" is a rule about sweets; "không còn ai chơi cùng" is loneliness.
	'khong cho an': new Set('keo banh kem vat nhieu ngot mi do qua bim snack nhanh'.split(' ')),
	'khong con ai': new Set('choi noi hoc lam ngoi di'.split(' ')),
	// "bố đưa em đi viện", "đưa em đi học": care, not trafficking.
	// "làm công an", "làm công chức": a job, not unpaid work.
	'lam cong': new Set(['an', 'chuc', 'ty', 'trinh', 'tac', 'viec', 'doan']),
	// "bố em đi biển mười ngày" typed plain is no "bỏ em đi".
	'bo di': new Set('lam hoc choi cho ngu an tam cong bien thuyen tau danh cau'.split(' ')),
	// "không có chỗ đọc sách", "không có chỗ đá bóng", "chỗ để xe": a question about the commune's
	// places, not a child with nowhere to sleep (that is "không có chỗ ngủ / ở / nào để đi").
	'khong co cho': new Set(NO_PLACE_FOR),
	'khong co cho nao': new Set(NO_PLACE_FOR),
	'bat di': new Set('ngu tam an hoc choi xin kham tiem ve danh nha'.split(' ')),
	'cho di': new Set('vien kham hoc choi tiem an boi cap bac nha ve cho sieu thi du cong cat xem thi'.split(' ')),
	'dua di': new Set('vien kham hoc choi tiem an boi cap bac nha ve cho sieu thi du cong cat xem thi'.split(' ')),
	'dan di': new Set('vien kham hoc choi tiem an boi cap bac nha ve cho sieu thi du cong cat xem thi thao so bien'.split(' ')),
	// "bị cô bắt đứng lên đọc bài", "bắt đứng góc nhà": a class, a mild punishment.
	'bat dung': new Set(['len', 'goc', 'day', 'doc', 'tra']),
	// "mẹ cắt tóc cho em", "cắt tóc kiểu mới", "cắt tóc mái": a haircut ("bọn nó cắt tóc em" stays a harm).
	'cat toc': new Set('cho kieu mai ngan dep moi xong hong lech'.split(' ')),
	// "đón em đi học về", "đón em đi chơi": a grown-up fetching the child, not taking them away.
	'don em di': new Set('vien kham hoc choi tiem an boi cap bac nha ve cho sieu thi du cong xem thi'.split(' '))
};

/**
 * Grown-up relatives whose own wedding a child writes about ("chị gái em lấy chồng ở tỉnh khác",
 * "anh em lấy vợ người Tày"): no child marriage unless an age under 18 is stated or someone forces it.
 */
export const ADULT_RELATIVES = new Set('chi gai, anh trai, chi ca, anh ca, anh re, co, di, chu, bac, cau, thim, mo, chi, anh'.split(', '));

export type RefKind = 'self' | 'friend' | 'generic' | 'harmer';

export interface RefEntry {
	words: string[];
	kind: RefKind;
	/** A weak reference: counts only with a clearer signal nearby. */
	weak?: boolean;
}

export const refs = (kind: RefKind, lines: string, weak = false) => lex(lines, (words): RefEntry => ({ words, kind, weak }));

/** People, folded: the writer, a friend, children or people in general, and those who harm. */
export const REFS: RefEntry[] = [
	...refs('self', 'em, minh, toi, to, tui, tao, tau, con, chau, chung em, chung minh, chung to, chung con, chung chau, bon em, bon minh, tui em, tuj em, em gai em, em trai em, con be nha'),
	...refs(
		'friend',
		`ban than, ban than cua, em ho, chi ho em, anh ho em, bff, dua ban, nhoc ban, ban cung ban, ban trai em, ban gai em, ban hoc, ban cung lop em, ban ngoi canh,
		 co ban cung ban, cau ban cung ban, co ban cung lop, cau ban cung lop, co ban than, cau ban than, co ban ngoi canh, cau ban ngoi canh, em trai, em gai,
		 thang cu, con be nha ben, thang be nha ben, be nha ben, thang cu nha ben, dua tre nha ben,
		 nho ban con, nho ban em, nho ban chau, nho ban tui, nho ban minh, thang ban con, thang ban em, thang ban chau, thang ban tui, thang ban minh`
	),
	...refs('friend', 'ban, no, con be, thang be, co ban, cau ban, ban ay, em ay, nho ban', true),
	...refs(
		'generic',
		`tre em, tre, cac em, nhieu em, nhung em, mot so em, hoc sinh, cac ban, nhieu ban, nhung ban, mot so ban, ban nao, cac ban nho, ai, ai do bi,
		 nguoi nao, moi nguoi, thanh thieu nien, tre vi thanh nien, vi thanh nien, nan nhan, cac chau, con cai, con em, cac be, be gai, be trai, tre nho,
		 nhieu tre, nhieu hoc sinh, nhieu bo me, nhieu cha me, nhieu phu huynh, bo me nao, cha me nao, cac bo me, cac bac cha me, nhung bo me,
		 nhung cha me, nhung nguoi, cac hoc sinh, em nho, cac em nho, tre con, nguoi dan, phu huynh, cac gia dinh, gia dinh nao, nhieu gia dinh,
		 nhieu nguoi,
		 chung ta, moi nguoi, cac ban hoc sinh, ban be, nhieu ban nu, cac ban nu, ban nu, ban nam, cac ban nam, thieu nhi, tre mo coi, tre lang thang,
		 tre em gai, em be, mot ban, mot em, mot so, nhung tre, nguoi ta, nhung nguoi, cac bac, cac chu, cac co, lanh dao, chu tich,
		 nhieu ban gai, cac ban gai, nhieu ban trai, cac ban trai, nhieu anh chi, cac anh chi, nhieu anh, nhieu chi, nhieu dua, nhieu ban nho, nhieu ban be,
		 nhieu vu, cac vu, mot so vu, nhieu truong hop, cac truong hop, cac chi, cac anh, cac o, cac di,
		 nhieu ba ma, nhieu ba me, cac ba ma, cac ba me, nhung ba me, nhung ba ma, nhieu bo, nhieu cha, tui con nit,
		 mot ban hoc sinh, mot em hoc sinh, mot nu sinh, nhieu nha, may nha, nhung nha, nha nao`
	),
	...refs(
		'harmer',
		`bo, me, cha, bo me, ba me, cha me, bo duong, cha duong, me ke, me ghe, di ghe, ba ghe, bo ghe, thim, cau ruot, anh ho, chi ho,
		 anh trai, chi gai, anh re, ba noi, ba ngoai, ong noi, ong ngoai, ong ba, thay giao, co giao, thay chu nhiem, co chu nhiem, thay day, co day,
		 thay day them, co day them, gia su, ong hang xom, chu hang xom, bac hang xom, anh hang xom, hang xom, nguoi la, nguoi lon, nguoi quen, ke la,
		 mot nguoi, nguoi tren mang, nguoi la tren mang, nguoi o tren mang, ai do, mot chu, mot anh, mot ong, mot ba, mot co, mot chi, mot thang,
		 chu xe om, bac xe om, tai xe, bao ve, chu bao ve, ong chu, ba chu, chu xuong, chu quan, chu nha, chu tiem, chu lo, chu mo, chu tro, quan ly,
		 nguoi yeu, ban trai, ban gai, nguoi yeu cu, ban trai cu, tui no, tui lop, tui ban, tui con trai, tui con gai, bon con gai, nhom con gai, dam con gai, may dua con gai, may dua con trai, may dua, may dua lop, bon no, bon lop,
		 bon con trai, bon ban, nhom ban, mot nhom, lu ban, lu no, ca lop, may ban, may thang, may con, dam ban, chung no, anh lop tren, chi lop tren,
		 dan anh, dan chi, may anh, may chi, ban cung lop, ban trong lop, ban lop, cac ban lop, cac ban trong lop, anh ay, ong ay, chu ay, ba ay,
		 nick, tai khoan, acc, mot tai khoan, nguoi lam quen, nguoi choi game, ban tren mang, ban qua mang, nguoi ban tren mang, ong bau, ba bau,
		 ke xau, ke gian, nguoi dan ong, dan ong, chu ruot, bac ruot, co ruot, di ruot, nha chong, anh chong, dan em, thang cai, bon ho, may nguoi,
		 anh phu trach, chi phu trach, thay phu trach, nguoi phu trach, huan luyen vien, hlv, thay huan luyen, anh huan luyen, thay day vo, thay day boi,
		 nguoi phu nu, mot nguoi phu nu, nguoi phu nu la, ba la, mot ba la, nguoi dan ong la, mot nguoi dan ong, anh re, chong chi,
		 anh ta, ong ta, chu ta, ba ta, co ta, lao ta, ga ta, thang do, ga do, lao do, ong gia, ong gia tui, ong gia em, ong duong, ong duong em, ong duong tui`
	),
	...refs('harmer', 'ho, ba, ong, chu, bac, mo, anh, thay, duong, nha, gia dinh, ca nha, thang, chong, eng, han', true),
	// Central and Southern words for a parent: "mạ", "má", "tía" (folded "ma", "tia": only as typed with marks, see
	// MARKED_ONLY in danger-signals.ts).
	...refs('harmer', 'ma, tia, bo ma, ba ma', false),
	// Ê Đê and Gia Rai children in the Central Highlands call their father "ama" and their mother "amí".
	...refs('harmer', 'ama, ami', false)
];

/** Place nouns whose "em"/"mình" is a possessive (trường em, xã em), not the writer as a person. */
export const PLACE_NOUNS = new Set(
	`truong lop xa huyen tinh que xom thon ban lang khu nha phuong pho nhom clb khoi ap buon phong vung`.split(' ')
);

/** Verbs after which the writer is the one asking, not the one harmed (em muốn hỏi, cho em hỏi). */
export const SPEAKER_VERBS = lex(
	`hoi, muon hoi, xin hoi, de nghi, kien nghi, de xuat, mong, mong muon, mong rang, xin, thac mac, muon biet, muon de nghi, muon de xuat, muon kien nghi,
	 thay nhieu, thay co, thay cac, thay rang, nghe noi, nghe, doc, biet co, biet nhieu, co y kien, co cau hoi, xin phep, cam on, xin cam on, muon chia se,
	 rat mong, hy vong, hi vong, muon gop y, gop y, muon the, muon duoc biet, muon tim hieu, tim hieu`,
	(words) => words
);

export const marks = (lines: string) => lex(lines, (words) => words);

/** The passive and forcing markers: the victim stands before them (em bị, em phải, bố bắt em). */
export const PASSIVE = marks(
	`bi, phai, bi bat, bi ep, bat, ep, doi, bao, yeu cau, doi hoi, bi doi, bi bao, ru, du do, lua, bi lua, bi du, cho, bi gui, gui, cu bi, bi dua,
	 suyt bi, tung bi, hay bi, thuong bi, dang bi, da bi, van bi, lai bi`
);

/** A hypothetical: what if it happened. */
export const HYPOTHETICAL = marks(
	`neu, neu nhu, neu ma, lo khong may, nho khong may, neu khong may, lo ma, lo nhu, lo mai, nho nhu, nho dau, ngo nhu, gia su, gia nhu, truong hop, trong truong hop, phong khi, khi ma, lieu, nhung ai, ai bi, mot khi, khi nao,
	 lam sao de biet, lam sao biet, lam the nao de biet, lam sao nhan biet, lam sao de nhan biet, nhan biet, dau hieu, lieu co,
	 khoi bi, de khoi bi, tranh bi, de tranh bi, de tranh, de khong bi, khong bi, de phong, phong khi bi, khoi, tu bao ve, bao ve minh, bao ve ban than, tu ve,
	 nhat la khi, dac biet la khi, nhat la neu, dac biet khi, lam sao nhan ra, lam sao de nhan ra, lam the nao de nhan ra, cach nhan ra, nhan dien`
);

/**
 * What the writer heard of, read or watched: someone else's harm, told ("cháu nghe nói mấy năm trước có chị ở bản bên bị
 * lừa bán", "cả lớp bàn về clip nữ sinh bị đánh", "bộ phim có cảnh con nít bị bắt cóc"). See `toldOfOthers`.
 */
export const HEARSAY = marks(
	`nghe noi, nghe ke, nghe tin, nghe bao, doc bao, doc tin, tren bao, bao dua tin, xem tin, coi tin, xem clip, coi clip, ve clip,
	 bo phim, xem phim, coi phim, tren tivi, tren ti vi, tren tv, nghe o, nghe ngoai, nghe ben,
	 xem thoi su, coi thoi su, tren thoi su, xem tin tuc, coi tin tuc, doc tin tuc, tren tin tuc, doc tren mang, doc truyen,
	 trong phim, canh phim, phim toi qua, phim hom qua, tren vtv, phim co canh`
);

/** Who the harm of a story is told of, between the story's opening and the harm: "có một bạn", "mấy đứa", "nữ sinh", "con nít". */
export const TOLD_OF = new Set('mot may nhieu vai ban dua chi anh nguoi nu sinh hoc con nit tre be kia ho bon'.split(' '));

/** The voice of a forum question or recommendation: about a topic, not about the writer. */
export const POLICY = marks(
	`phong chong, phong ngua, ngan chan, ngan ngua, han che, giam thieu, ke hoach, bien phap, giai phap, chinh sach, chuong trinh, du an, tuyen truyen,
	 giao duc, lam the nao de, lam sao de, lam gi de, can lam gi, co cach nao, cach nao, cach gi, bien phap gi, de nghi, kien nghi, de xuat, tai sao, vi sao,
	 bao nhieu, tinh trang, hien tuong, van nan, nhieu truong hop, tren dia ban, dia phuong, o dia phuong, huyen, xa, nha truong, truong hoc,
	 chinh quyen, lanh dao, uy ban, co quan, ho tro, bao ve tre em, quyen tre em, phong tu van, tu van, tham van, tam ly, duong day nong, tong dai,
	 goi so, so nao, so dien thoai, 111, xu ly, xu phat, trung tri, phap luat, luat, quy dinh, co che, dam bao, tang cuong, xay dung, mo lop,
	 dao tao, ky nang, hoat dong, to chuc, buoi noi chuyen, muon truong, muon nha truong, mong truong, mong nha truong, muon xa, mong xa, cac cap, nganh, doan, hoi phu nu, nguoi dan, cong dong, nhan biet, dau hieu, tap huan, kien thuc, vi pham, dau hieu,
	 hoc sinh, tre em, cac ban, nhieu ban, nen lam gi, phai lam gi, bao cho ai, bao ai, bao voi ai, lien he, nhu the nao,
	 co quyen, quyen, co phai la, duoc coi la, the nao la, nhu the nao la, la gi, do tuoi, bao nhieu tuoi, may tuoi, duoc phep, co vi pham,
	 pham phap, co bi phat, bi phat, co bi xu ly, toi gi, phat tu, hinh phat, tre vi thanh nien, nguoi chua thanh nien,
	 bi coi la, co bi coi la, duoc tinh la, co tinh la, bi tinh la, the nao moi la, the nao thi la, co phai chi, co phai,
	 day con, day tre, day cho con, day cho tre, sai hay dung, dung hay sai, la sai hay, la dung hay, la sai khong, la dung khong, co dung khong, co sai khong, co nen khong, co tot khong`
);

/** A real, present situation: when, how often, now. */
export const CONCRETE = marks(
	`hom qua, toi qua, dem qua, hom nay, toi nay, dem nay, sang nay, chieu nay, tuan truoc, thang truoc, nam ngoai, moi toi, moi ngay, moi dem, hang ngay,
	 ngay nao cung, toi nao cung, dem nao cung, lan nao cung, hom nao cung, thuong xuyen, suot ngay, lien tuc, may lan roi, nhieu lan roi, tu khi, bay gio,
	 hien gio, luc nay, dang bi, vua bi, da bi, may hom nay, tu hom, lan truoc, gan day, dao nay, hom truoc, tuan nay, thang nay,
	 con 1 ngay, con 2 ngay, con 3 ngay, con mot ngay, con hai ngay, con ba ngay, con 1 tieng, con 2 tieng, han chot,
	 bua nao cung, tuan nao cung, bi suot, may bua nhu vay, thang sau la dam, tuan sau la dam, mai la dam`
);

/** A question of what counts as a harm, just before it: "có phải là bị xâm hại", "có bị coi là bạo hành". */
export const DEFINITION = marks('co phai la, phai la, co phai, bi coi la, duoc coi la, coi la, tinh la, goi la, the nao la, nhu the nao la');

/** "khi"/"lúc": a hypothetical only when a question of advice follows ("khi bạn bị… thì nên làm gì"). */
export const SOFT_HYPOTHETICAL = marks('khi, khi ma, luc, moi khi');
export const ADVICE = marks(
	`nen lam gi, phai lam gi, lam gi, lam the nao, lam sao, lam rang, lam the mo, lam chi, goi so nao, goi so, bao cho ai, bao ai, co duoc, co bi, xu ly, ra sao, the nao, nhu the nao,
	 co sao khong, co phai, nen, can, lien he, bao o dau, bao o mo, bao duoc cho, to cao o dau, goi cho ai, lien he ai, bao cong an,
	 co pham luat, co pham phap, co vi pham, co dung luat, co trai luat, co bi phat`
);

/** A plea for help: the writer needs help now. */
export const PLEA = marks(
	`phai lam sao, lam sao bay gio, nen lam gi, lam gi bay gio, lam on, giup em, giup minh, giup to, giup con, giup chau, cuu, cuu em, cuu minh, so lam, so qua,
	 khong dam, khong biet phai lam sao, khong biet lam sao, khong biet ke voi ai, khong dam ke, khong dam noi, dau lam, dau qua, hic, khoc, em so, minh so, to so,
	 bat luc, tuyet vong, moi dem, ai giup, giup voi, xin hay giup`
);

/** Who may stand inside a harm's words: "đuổi [em] ra khỏi nhà", "không cho [bạn ấy] ăn". */
export const INSERTED_VICTIMS = [['em'], ['minh'], ['con'], ['chau'], ['to'], ['tui'], ['toi'], ['no'], ['ban', 'ay'], ['em', 'ay'], ['chi', 'ay'], ['ban', 'em'], ['ban', 'minh'], ['ban']];

/** Words before a name that make it a person the child knows: "bạn Lan", "cậu Nam", "tên Tuấn". */
export const PERSON_BEFORE_NAME = new Set(['ban', 'cau', 'chi', 'anh', 'em', 'thang', 'con', 'nhoc', 'be', 'ten', 'nhỏ', 'nho', 'co', 'a']);
/** Once a friend is named, "bạn ấy", "nó" are that friend. */
export const ANAPHORA = new Set(['ban', 'no', 'ban ay', 'em ay', 'con be', 'thang be', 'cau ban', 'nho ban', 'co ban']);

export const PLACE_BEFORE_BAN = new Set(['o', 'tai', 'khap', 'trong', 've', 'len', 'xuong', 'sang', 'den', 'toi', 'lang', 'thon', 'xa']);

export const SELF_WORDS = new Set(['em', 'minh', 'toi', 'to', 'tui', 'tao', 'tau', 'con', 'chau']);
/** Words after which "con"/"chau"/"to"/"minh" are not the writer (con chó, một mình, to lớn). */
export const NOT_SELF_AFTER: Record<string, Set<string>> = {
	con: new Set('gai trai cai cho meo ga lon bo trau vit chim ca nguoi be nho duong tau thuyen dao mat nit em chau ong rieng nuoi nha ruot tre'.split(' ')),
	chau: new Set('gai trai ngoai noi chat'.split(' ')),
	to: new Set('lon qua tien giay bao tuong nhu hon chuc'.split(' ')),
	minh: new Set(['bach', 'hoa']),
	toi: new Set('nay qua nao hom mai muon khuya thu tan noi gio luc'.split(' ')),
	// Unaccented "tau" is also a ship or a train ("tàu hỏa", "tàu thuyền"); typed with marks, "tàu" is never the writer.
	tau: new Set('hoa thuyen bay dien ca ngam lua do thuy be cao toc khach hang chien nhanh cham'.split(' '))
};
export const NOT_SELF_BEFORE: Record<string, Set<string>> = {
	// "anh ấy hơn em 8 tuổi": a comparison, not the one harmed; "các bạn tuổi em", "lứa tuổi mình": an age.
	em: new Set(['hon', 'tuoi']),
	minh: new Set(['mot', 'tu', 'than', 'co', 'ban', 'nguoi', 'cua', 'toan', 'ca', 'tuoi']),
	con: new Set(['van', 'da', 'khong', 'vay', 'chi', 'ma', 'neu', 'thi', 'cung', 'ai', 'nhung', 'co', 'moi', 'tren', 'dang', 'van con', 'het', 'lam', 'ban', 'cac', 'nhieu', 'nuoi']),
	to: new Set(['bao', 'rat', 'qua', 'lon', 'cao', 'noi', 'to', 'so', 'giay', 'hoi', 'chuc', 'ban', 'cai', 'nhieu']),
	toi: new Set('buoi moi dem hom tu sang den di chieu nao qua nay toi ca ve lam cho nghi noi tot dan dua tro lan gui nhac tinh sap tuan nam thang lui tan chay bo keo ra vao len xuong'.split(' ')),
	tao: new Set(['sang', 'che', 'tap']),
	// "nhiều bạn tuổi tụi mình": an age.
	tui: new Set(['tuoi']),
	chung: new Set(['tuoi']),
	tau: new Set('di len xuong con chiec nha ga ve bang danh tren duong chuyen doan di tau lai'.split(' ')),
	chau: new Set(['chau', 'cac', 'chau a'])
};


/** Common given names children write in lower case ("bạn lan"), folded. */
export const NAMES = new Set(
	`lan linh mai huy tuan trang thao ngoc oanh quynh uyen vy nhi khanh loan thuy tuyet hue phuong cuong hung nga hoa tung ly trinh diep yen`.split(/\s+/)
);

/** How the common names are typed with diacritics: a lower-case "từng", "mai" (tomorrow) typed "mải" is no name. */
export const NAME_MARKS: Record<string, string> = {
	lan: 'lan', linh: 'linh', mai: 'mai', huy: 'huy', tuan: 'tuấn', trang: 'trang', thao: 'thảo', ngoc: 'ngọc', oanh: 'oanh', quynh: 'quỳnh',
	uyen: 'uyên', vy: 'vy', nhi: 'nhi', khanh: 'khánh', loan: 'loan', thuy: 'thủy|thùy', tuyet: 'tuyết', hue: 'huệ|huế', phuong: 'phương',
	cuong: 'cường', hung: 'hùng|hưng', nga: 'nga', hoa: 'hoa|hòa', tung: 'tùng', ly: 'ly', trinh: 'trinh', diep: 'diệp', yen: 'yến'
};

/** Little words and parts of a person that may stand between "bị"/"bắt" and the harm: "bị mấy đứa lớp trên đánh". */
export const GAP_WORDS = new Set(
	(
		'nhom chi anh khoa duoi dua may hai ong bon tui lu dam hoc sinh lon nho quen xom ben canh truong cu hay thuong lai suot luon da ' +
		'dang moi nua ca den mot cua nha o tren ay do kia nay lop hang trong toan vua sap di phai bat ep cho nguoi ta no cung van can ve len ' +
		'sang ra vao phu lam tiep nu gai trai ke 6 7 8 9 10 11 12'
	).split(' ')
);

/** After "sợ em …", the verbs of what is feared ("sợ em bị ốm", "sợ em chết đuối"), not "sờ em". */
export const FEARED_NEXT = new Set(
	'bi se chet di hoc lam an o buon om met nga lanh doi ngu khoc lo gap choi ra ve hu mat roi khong gian chan kho danh bo thi truot hoc lai dau sot'.split(' ')
);

/** A pregnancy is a harm only for the child the text is about ("em có bầu"), not "chị gái em mang thai". */
export const OWN_STATES = new Set(['co thai', 'mang thai', 'co bau', 'mang bau']);

/** An accident, not someone's doing: "ngã xe đạp gãy tay", "bị ong đốt sưng". */
export const ACCIDENT = marks(
	'nga xe, bi nga xe, te xe, tai nan, va cham, vap nga, truot chan, dam xe, ong dot, cho can, bi cho can, ran can, da bong, ' +
		// A fall or a game: "gãy tay vì ngã cầu trượt", "chơi bóng rổ bị bóng đập vào mặt", "tập võ bị bầm tím".
		'vi nga, bi nga, nga tu, nga cau, te nga, choi bong, bong ro, bong chuyen, tap vo, hoc vo, da cau, gio the duc, tiet the duc, chuot rut, ' +
		// "bị té cầu thang gãy tay", "đá banh bị tụi nó đạp": a fall, a match.
		'bi te, te cau thang, nga cau thang, da banh, tran bong, tran dau, thi dau, ' +
		// "té trầy đầu gối", "tập đi té": a fall.
		'te tray, te dap, te xuong, tap di te, vap te'
);

export const SELF_IN_HARM = new Set(['em', 'minh', 'con', 'chau', 'to']);

/** One-word harms plain enough to count in a disclosure's voice without more structure. */
export const PLAIN_HARMS = new Set(['danh', 'hiep', 'nhot', 'giet', 'tan', 'hanh', 'dap']);

/** Words that fold alike, told apart by the word before: "làm xa" (far) is not "xã" (the commune). */
export const FAR_BEFORE = new Set('lam di o song rat qua hoc nha tu den cach xa va mang'.split(' '));

/** Habits: "mỗi tối", "ngày nào cũng", "suốt". */
export const HABIT = marks(
	`hang ngay, moi ngay, moi toi, moi dem, ngay nao cung, toi nao cung, dem nao cung, lan nao cung, hom nao cung, thuong xuyen, suot ngay, lien tuc,
	 nhieu lan, may lan, lan nao, hoai, suot, cu say, cu uong, cu moi lan, cu la, lien tuc, co hom, nhieu hom, co bua, nhieu bua, co dem, nhieu dem,
	 hom thi, bua thi, lan thu, bua nao cung, tuan nao cung, may bua nhu vay`
);

/**
 * How the harms whose folded words are also everyday words are typed with diacritics: "sờ" (not
 * "sợ", "số"), "ôm" (not "ốm"), "hôn em" (not "hơn em"), "đòi ảnh", "bỏ đói" (not "bộ đội"),
 * "cào" (not "chiều cao"). A harm found in a text typed with diacritics counts only when every word
 * the child marked is marked as here; a word typed without marks says nothing (it may be a phone
 * without an accent keyboard). One phrase a line may list several readings.
 */
export const HARM_MARKS = `bán người, quýnh, đánh, đánh đập, đánh bầm, đánh đau, đánh em, đánh chết, đập, đạp, đập phá, đập đầu, đập vào, tát, tạt, tạt axit, tát nước, bạt tai,
	đấm vào, đâm vào, đấm đá, đấm đầu, quất, quát, quật, quất vào, quật vào, quất bằng, quật bằng, vụt, vứt, vứt vào, vụt vào, nhốt, nhốt trong, nhốt chuồng,
	trói, xích, đốt, đốt nhà, dí, dúi, dí đầu, ném, ném đá, ném đồ, chửi, chửi mắng, chửi rủa, mắng chửi, chửi bới, bắt chửi, cào, tự cào, xô, xô ngã, xô đẩy,
	xô xuống, bóp, bóp cổ, bóp ngực, bóp mông, chọc, chọc ghẹo, tàn, tán, tàn thuốc, đá, dọa, đe dọa, dọa giết, dọa đánh, dọa xử, dọa nạt, dọa rạch,
	dọa tung, dọa đăng, dọa gửi, dọa cho, xử,
	rờ, rờ rờ, rờ chân, rờ đùi, rờ ngực, rờ mông, rờ vào, rờ người,
	nhận vàng rồi, nhận vàng cưới, nhận trầu cau,
	sờ, sờ mó, sờ soạng, sờ nắn, sờ vào, sờ người, sờ ngực, sờ mông, sờ đùi, sờ vùng, sàm sỡ, nắn, ôm, ôm hôn, ôm chặt, ôm ấp, ôm siết, ôm em,
	hôn em, hôn mình, hôn lên, hôn vào, hôn môi, hôn cổ, chạm vào, chạm em, ngủ cùng, ngủ với, giữ lại, nhìn trộm,
	đòi ảnh, đòi tiền, đòi gặp, đòi chuộc, đòi xem ảnh, gửi ảnh, gửi clip, tung ảnh, tung clip, đăng ảnh, chụp ảnh, hẹn gặp, hẹn ra, rủ gặp, rủ qua, rủ sang,
	gạ, gạ gẫm, dụ vào, dụ dỗ, nhắn tin,
	bỏ đi, bỏ đi bụi, bỏ nhà, bỏ nhà đi, bỏ trốn, bỏ học, bỏ ở nhà, bỏ đi luôn, bỏ em lại, bỏ đi khỏi nhà, bỏ đói, bị bỏ đói, nhịn đói, bắt nhịn, bắt nhịn đói, bị đói, đói quá, đói lắm, đói bụng, đói meo, bụi đời, bỏ mặc, bỏ rơi, bỏ lại, bỏ ăn,
	cưới, cưới chồng, cưới vợ, ép cưới, bắt cưới, lấy chồng, lấy vợ, gả cho, gả em, gả con, gả đi, hứa gả, bắt vợ, kéo vợ,
	chặn, chặn đường, chặn đánh, chán sống, chán đời, đón, sang đón, ăn đòn, bị đòn, nhạo, cười nhạo, cười chê, ghét, giấu đồ, xé sách, xé vở, xé áo,
	cho đi, cho đi mất, lừa sang, lừa qua, lừa đi, bị lừa, lấy tiền, lấy đồ, lấy roi, lấy gậy, lấy dao, lột đồ, lột quần, lột tiền`;

/**
 * How the people and the markers of a passive are typed with diacritics, for the words that fold
 * like everyday ones ("còn" is not "con", "tối" is not "tôi", "thấy" is not "thầy", "bão" is not
 * "bảo"): the marked forms each may take, "" for a word written without any ("con", "em").
 */
export const WORD_MARKS: Record<string, string> = {
	con: '', em: '', tao: '', tau: '', tui: '', cha: '', anh: '', cho: '', ep: 'ép',
	to: 'tớ', toi: 'tôi', minh: 'mình', chau: 'cháu', bo: 'bố|bọ', me: 'mẹ|má', ma: 'mạ|má', tia: 'tía', han: 'hắn', eng: '', ba: 'bà|bả', ong: 'ông|ổng', chu: 'chú|chủ', bac: 'bác', mo: 'mợ',
	thay: 'thầy', duong: 'dượng', thang: 'thằng', chong: 'chồng', ban: 'bạn', no: 'nó', ho: 'họ', di: 'dì', co: 'cô', cau: 'cậu', chi: 'chị',
	nguoi: 'người', la: 'lạ', nha: 'nhà', be: 'bé', nho: 'nhỏ', ten: 'tên', ay: 'ấy', dua: 'đứa|đưa',
	bi: 'bị', phai: 'phải', bat: 'bắt', doi: 'đòi', bao: 'bảo', ru: 'rủ', lua: 'lừa', du: 'dụ', gui: 'gửi', yeu: 'yêu'
};
