import { describe, expect, it } from 'vitest';
import { assessText, checkSafety, eventWordFilter, matchesDanger } from '$lib/domain/safety';
import { hasDangerSignal } from '$lib/domain/danger-signals';
import { foldVietnamese } from '$lib/domain/vietnamese-text';
import { compileWordFilter, isSyllable } from '$lib/domain/word-filter';

describe('the word filter', () => {
	const filter = eventWordFilter('thằng hề\n\n');

	it('holds profanity with diacritics, without, and in teen spelling', () => {
		for (const text of ['Đm sao lâu thế', 'dm sao lau the', 'Trường này vcl', 'Thầy giáo là đồ ngu', 'thay giao la do ngu', 'clm', 'Clm, lại trực nhật', 'ngu vl', 'dcm', 'cmm', 'vkl', 'biết cc gì']) {
			expect(filter(text), text).toBe(true);
		}
	});

	it('holds masked, spaced and stretched spellings', () => {
		for (const text of ['Đ*o ai nghe', 'd*o co san choi', 'l*n', 'đ.m học thêm', 'bài tập nhiều v.c.l', 'c-c gì mà', 'd3o ai thèm', 'vãi l0n', 'bu*i', 'đ_é_o hiểu', 'D m chán', 'V c l', 'đ é o ai sửa', 'c l m', 'cái l ồ n gì', 'đmmmm', 'vcllll', 'đéoooo']) {
			expect(filter(text), text).toBe(true);
		}
	});

	it('holds the event’s own words too', () => {
		expect(filter('Bạn ấy như thằng hề')).toBe(true);
		expect(filter('ban ay nhu thang he')).toBe(true);
	});

	it('does not confuse a word with another that only folds the same way', () => {
		// "đèo" (a mountain pass) folds like "đéo"; typed with accents, they are different words.
		expect(filter('Đường qua đèo có nguy hiểm không?')).toBe(false);
		expect(filter('Em muốn hỏi về dịch vụ đm')).toBe(true);
		expect(filter('Các bạn học sinh muốn có sân chơi')).toBe(false);
		expect(filter('Mang đồ ngủ đi trại hè')).toBe(false);
	});

	it('never holds unaccented text on an entry whose unaccented form is an ordinary word, unless the insult is plain', () => {
		for (const text of ['cac ban oi, truong minh co san choi khong', 'deo khau trang khi den lop', 'bo em deo em di hoc', 'moi buoi hoc', 'em uong 2 lon nuoc ngot', 'nguoi lon hay bao', 'du troi mua to', 'di hoc bang xe dap', 'chay dit noi', 'mang do ngu va sach', 'la du ma chung em van doi', 'vai tro cua tre em', 'vong eo nho', 'xe 50 cc', 'nhan DM cho em tren Instagram', 'hat oc cho']) {
			expect(filter(text), text).toBe(false);
		}
		for (const text of ['truong nay deo co san choi', 'deo biet', 'cang tin ban do an nhu cac, vua dat', 'cai lon gi ma nghi he cung hoc', 'Du, nang bon muoi do', 'Dit me, wifi cham', 'Vai, nong qua', 'eo hieu sao', 'thang lop truong oc cho, suot ngay mach co', 'may dua lop chin mat day, toan chen hang']) {
			expect(filter(text), text).toBe(true);
		}
	});

	it('leaves ordinary questions alone, even with words that contain a filtered one', () => {
		for (const text of ['Vì sao trường em chưa có sân chơi?', 'Em muốn học vẽ', 'Đi làm vlog có được không?', 'Đĩa cơm ở căng tin bao nhiêu tiền?', 'Rước lồng đèn trung thu', 'Lớp 10a1 học giỏi']) {
			expect(filter(text), text).toBe(false);
		}
	});

	it('holds a teen abbreviation that is also an ordinary one only where the insult is plain', () => {
		// vl = vật lý, cl = chất lượng / còn lại, cc = cô chú / chứng chỉ / 50 cc, dm = danh mục / nhắn DM, l = lít / size L.
		for (const text of [
			'Em học chuyên VL, mỗi tuần thi thử một lần',
			'Điểm toán, vl, hóa của em đều thấp',
			'thầy dạy vl lớp e giảng dễ hỉu lắm',
			'cl bữa ăn bán trú ở trg e kém lắm',
			'mấy bài cl e lm sau có dc k ạ',
			'cc ơi cho cháu hỏi, bh xã sửa cầu ạ',
			'bn nào có cc tiếng anh thì dc cộng điểm k ạ',
			'cc trong xã có thể mở thêm lớp hc bơi k ạ',
			'thư viện có dm sách tham khảo k ạ',
			'Mỗi ngày nên uống 2 l nước phải không ạ?',
			'Áo đồng phục size L có bị rộng không ạ?'
		]) {
			expect(filter(text), text).toBe(false);
		}
		for (const text of ['Bài tập nhiều vl, làm đến khuya', 'Trường mình đẹp vl, mà không có sân chơi', 'Vl, lại cắt điện', 'chơi cl à', 'Người lớn thì biết cc gì', 'Dm, đường ngập hết rồi', 'Đm sao căng tin bán đắt thế', 'cái l` gì vậy']) {
			expect(filter(text), text).toBe(true);
		}
	});

	it('does not hold ordinary words typed without diacritics that fold like an insult', () => {
		for (const text of [
			'moi tuan em hoc them vai buoi',
			'Tuan nay em phai hoc them may buoi a?',
			'em uong vai lon nuoc ngot moi tuan',
			'Dem qua em chi ngu vai tieng vi lo thi.',
			'O vai noi trong xa van chua co den duong.',
			'Du me em da dan nhung em van quen mang ao mua.',
			'Sau do di dau de duoc tu van a?',
			'Bao xong ca xom e hok con dien',
			'Ngu du giac co tot cho nao bo khong a?',
			'Ban ay muon di hoc them ma me no khong cho.',
			'Vong eo co to len khi uong tra sua nhieu khong a?',
			'e o nha 1 minh', // "e o": em ở, not "éo"
			'bo may chinh quyen xa gom nhung ai a'
		]) {
			expect(filter(text), text).toBe(false);
		}
		for (const text of ['Nhà em có hoàn cảnh éo le', 'Phòng máy trường em toàn máy tính Dell cũ', 'Đừng để cơm rơi vãi ra bàn', 'Chim cút đi đâu mất rồi', 'kác bạn ơi', 'cák bạn ơi']) {
			expect(filter(text), text).toBe(false);
		}
		for (const text of ['San truong ban vai lon, khong ai don', 'Mẹ kiếp, lại mất điện', 'Đồ ngốc, sao lại xả rác ra sông', 'Thằng kia đúng là đồ biến thái']) {
			expect(filter(text), text).toBe(true);
		}
	});

	it('holds an insult with no swear word where it is aimed at a person, and the same words said of a thing', () => {
		const aimed = [
			'Thằng kia mặt dày thật, ăn chực xong còn chê.',
			'thg kia mặt dày thật',
			'Mày bị thiểu năng à mà hỏi câu đấy?',
			'm ngu thế, có mỗi bài này cg sai',
			'Mày đúng là đồ não cá vàng, vừa dặn xong đã quên.',
			'May dung la do nao ca vang',
			'Nó đúng là đồ hai mặt',
			'Con kia mồm thối, nói câu nào cũng khó nghe.',
			'Thang dau bo kia cu cai co.',
			'Đồ nhà quê, đến cái điện thoại cũng không biết dùng.',
			'Do an bam, suot ngay xin tien ban be.',
			'Bạn Nam đúng là đồ bỏ đi, chẳng làm được việc gì.',
			'Mày là cái thá gì mà dạy đời tao.'
		];
		for (const text of aimed) expect(filter(text), text).toBe(true);
		const ordinary = [
			'Em buồn ngủ quá mà vẫn phải làm bài.',
			'Mày ngủ chưa, mai đi học sớm đấy.',
			// Typed without diacritics, "mày ngu" may be "mày ngủ", "do ngu" "do ngủ" (because of sleep).
			'May ngu chua, mai di hoc som day.',
			'Em bi muon hoc do ngu dau',
			'Đồ ăn nhanh ăn nhiều thì hại sức khỏe, cô dặn thế.',
			'Bà gửi đồ nhà quê lên cho cả nhà, có gà với rau.',
			'Quần áo cũ chật rồi mẹ bảo là đồ bỏ đi, đem cho.',
			'Quyển từ điển này bìa mặt dày và cứng.',
			'Em trai em lùn nhất lớp nhưng chạy nhanh nhất.',
			'Nó lùn hơn em một chút.',
			'Bài này khó quá, em điên đầu mất.',
			'Nó bị thiểu năng trí tuệ nên cả lớp giúp bạn ấy.'
		];
		for (const text of ordinary) expect(filter(text), text).toBe(false);
	});

	it('holds an insult named after it, said back as a retort, spelled out or stretched, and leaves the same words said innocently', () => {
		const aimed = [
			// The person named after the insult: "con … ấy", "… như mày".
			'Con dở hơi ấy lại bịa chuyện về tao.',
			'Loại mất nết như mày thì ai chơi cùng.',
			// A retort opening a sentence, to the one spoken to; "… vừa thôi"; a disability asked of "mày".
			'Ngu thế, có mỗi câu dễ cũng sai.',
			'Thần kinh à, tự nhiên đi xoá bài của người khác.',
			'Ngu vừa thôi, đọc đề đi rồi hỏi.',
			'Con kia chảnh chó vừa thôi.',
			'Mày điếc à?',
			// Stretched, spelled out letter by letter (after a teen "m" too), masked.
			'nguuuu thế, có mỗi câu dễ cg sai',
			'Mày n g u thật sự luôn á.',
			'm n g u thật sự luôn á',
			'Do d i e n, tranh xa tao ra.',
			'C*m m*m đi, nói nhiều quá.',
			// An order to go away, "mặt l", and insults the list lacked.
			'Cút ra khỏi nhóm này, đồ phản bội.',
			'Cut ra khoi nhom nay.',
			'Cut di cho khuat mat tao.',
			'Cam mieng lai, do nhieu chuyen.',
			'Nhìn cái mặt l của nó là thấy ghét.',
			'Thằng súc vật đá con mèo nhà tao.',
			'Đồ mặt lợn, ai thèm chơi với mày.'
		];
		for (const text of aimed) expect(filter(text), text).toBe(true);
		const ordinary = [
			'Con bò kia đang ăn cỏ ngoài đồng.',
			'Con ngáo ộp kia đáng sợ quá.',
			'Em cũng lùn như nó.',
			// Typed without diacritics, "ngu như lợn" may be "ngủ như lợn", "ngu vừa thôi" "ngủ vừa thôi".
			'Em trai em ngu nhu lon ca ngay chu nhat',
			'Ngu vua thoi, mai con di hoc.',
			'Ăn vừa thôi kẻo đau bụng.',
			'buồn nguuuu quá',
			'Bạn Lan bị câm điếc, trường nên có cô giáo biết ngôn ngữ ký hiệu.',
			'Bạn ấy bị câm à?',
			'Chim cút ra khỏi lồng rồi.',
			'Chim cut di dau roi',
			'Mẹ mua trứng cút về luộc cho em ăn sáng.',
			'Mỗi ngày nên uống 2 l nước',
			// "bỏ đi" is an insult only as "đồ bỏ đi": "nó bỏ đi" is someone leaving.
			'Nó bỏ đi rồi, không nói gì.',
			'Mày hâm mộ ai thế?',
			'Mẹ hâm nóng nồi canh cho em.',
			'Đồ ăn hại dạ dày nhất là đồ chiên rán, cô y tế bảo thế.',
			'Do an hai da day nhat la do chien ran.',
			'Con mèo nhà em ăn vụng cá, mẹ bảo nó tham ăn.',
			'Hôm nay môn sinh học về hệ thần kinh, em thấy rất hay.',
			'Mùa nước nổi, bà em nấu canh chua bông điên điển.',
			'Bài khó quá, em sắp điên mất thôi.',
			// "nao tan" is "nào tan (học)", "thang toi" "tháng tới".
			'Khi nao tan hoc em ra cong doi bo.',
			'Thang toi lop em di tham quan trai bo sua.'
		];
		for (const text of ordinary) expect(filter(text), text).toBe(false);
	});

	it('matches an organiser’s unaccented ordinary word only as typed', () => {
		const own = compileWordFilter(['ngu']);
		expect(own('em ngu qua')).toBe(true);
		expect(own('Em thiếu ngủ')).toBe(false);
	});

	it('knows an abbreviation from an ordinary syllable', () => {
		expect(['deo', 'cac', 'buoi', 'lon', 'du', 'dit', 'nghieng'].every(isSyllable)).toBe(true);
		expect(['dm', 'vcl', 'clm', 'loz', 'cc', 'dcm'].some(isSyllable)).toBe(false);
	});
});

describe('a child in danger', () => {
	it('is recognised with or without diacritics and in teen spelling', () => {
		for (const text of ['Em bị bố đánh mỗi tối', 'em bi bo danh moi toi', 'E bị đánh đập ở nhà', 'Em không muốn sống nữa', 'em muon tu tu']) {
			expect(matchesDanger(text), text).toBe(true);
		}
	});

	it('is recognised in the reviewer’s examples, however the child puts it', () => {
		for (const text of [
			'Bố em cứ say rượu là đánh em',
			'bo em cu say ruou la danh em',
			'Có ông trong xóm hay sờ vào người em',
			'Dì ghẻ không cho em ăn cơm, bắt em nhịn đói',
			'Bố mẹ bắt em nghỉ học để lấy chồng năm 14 tuổi',
			'Em phải làm ở xưởng từ sáng đến tối mà không được trả lương',
			'Có người lạ trên mạng đòi em gửi ảnh nóng, không gửi thì tung ảnh của em',
			'Mấy đứa lớp em đánh em và dọa giết em',
			'Em bỏ nhà đi, tối nay không có chỗ ngủ',
			'Thầy dạy thêm hay giữ em lại một mình rồi ôm em',
			'Bạn Lan lớp em bị bố đánh bầm tím, bạn ấy dặn em không được nói',
			'Em bị bắt nạt suốt, em phải làm sao?',
			'nếu thi trượt thì em sẽ nhảy cầu'
		]) {
			expect(hasDangerSignal(text), text).toBe(true);
		}
	});

	it('is not confused with a question about preventing abuse, a topic of these forums', () => {
		for (const text of [
			'Làm thế nào để phòng chống xâm hại tình dục trẻ em?',
			'Xã có kế hoạch gì để phòng chống bạo lực học đường?',
			'Trẻ em bị bạo lực thì gọi số nào?',
			'Huyện có kế hoạch gì để phòng chống xâm hại tình dục trẻ em?',
			'Làm thế nào để trường học phòng ngừa học sinh tự tử vì áp lực thi cử?',
			'Em đề nghị có phòng tư vấn cho các bạn có ý định tự tử',
			'Nếu em bị bắt nạt thì gọi số nào?',
			'Khi bạn mình có dấu hiệu muốn tự tử thì mình nên làm gì ạ?',
			'Tại sao nhiều bố mẹ đánh con?'
		]) {
			expect(hasDangerSignal(text), text).toBe(false);
		}
	});

	it('is not an ordinary question that uses a harm’s words', () => {
		for (const text of ['Em bị ngã xe đạp chảy máu thì sơ cứu thế nào?', 'Em bị ốm thì có được nghỉ học không?', 'Bố em đánh cá ở biển', 'Chúng em muốn có câu lạc bộ bóng đá nữ', 'Em bị ong đốt sưng tay', 'Em ở nhà một mình thì nên làm gì khi mất điện?', 'Em muốn đi làm thêm mùa hè']) {
			expect(hasDangerSignal(text), text).toBe(false);
		}
	});

	it('reads the diacritics a child typed: "sợ" is not "sờ", "hơn em" not "hôn em", "bộ đội" not "bỏ đói"', () => {
		for (const text of [
			'Em muốn nuôi một con mèo nhưng mẹ sợ lông mèo',
			'Em muốn đi học bơi mà mẹ sợ em chết đuối',
			'Anh trai em đi bộ đội, em rất tự hào về anh ấy.',
			'Từ khi có em bé, mẹ ít thời gian cho em hơn, em hơi buồn',
			'Bố em đo chiều cao cho em được 150 cm.',
			'Bố mẹ em đi làm cả ngày, tối mới về, em ở nhà học bài với ông.',
			'Em bị ngã xe đạp gãy tay, bố đưa em đi viện bó bột rồi ạ.',
			'Mẹ em không cho em đi chơi khuya.',
			'Bác em đi làm xa cả tháng không về, em nhớ bác lắm.'
		]) {
			expect(hasDangerSignal(text), text).toBe(false);
		}
		for (const text of ['Chú hàng xóm hay sờ em', 'Anh họ hơn em 8 tuổi hay ôm em', 'ông chủ tiệm hay đánh vào đầu tui, lương thì ổng giữ hết']) {
			expect(hasDangerSignal(text), text).toBe(true);
		}
	});

	it('is not a question of what one should do, what counts, or how to prevent it', () => {
		for (const text of [
			'Em nên làm gì khi bị người lạ sờ vào người ạ?',
			'Em có nên nói với bố mẹ khi bị bạn trai đòi ảnh nóng không ạ?',
			'Bị người lạ trên mạng dọa tung ảnh thì em nên báo cho ai ạ?',
			'Bạn nam bị sờ soạng thì có được coi là bị xâm hại không ạ?',
			'Bố mẹ đánh con để dạy dỗ có bị coi là bạo hành không ạ?',
			'Để tránh bị bố mẹ đánh khi say rượu, trẻ em nên làm gì ạ?',
			'Làm thế nào để bảo vệ em gái em khỏi bị người lạ sờ mó ạ?',
			'Tại sao bố mẹ hay đánh con khi con bị điểm kém ạ?',
			'Con bị bố mẹ nhốt trong nhà để phạt thì có được gọi 111 không ạ?',
			'Khi bị người lạ sờ vào người trên xe buýt, chúng em nên hét lên hay im lặng ạ?',
			'Vi sao co nhung bo me danh con khi say ruou a?'
		]) {
			expect(hasDangerSignal(text), text).toBe(false);
			expect(assessText(text), text).not.toBe('danger');
		}
		// But a question that says it goes on, or who, is still a child in danger.
		for (const text of ['Em phải làm gì khi bị bố đánh mỗi tối ạ?', 'Bị bố đánh suốt thì phải làm sao ạ?', 'Hay bị dượng sờ vào người thì phải làm sao ạ?']) {
			expect(hasDangerSignal(text), text).toBe(true);
		}
	});

	it('reads neglect, leaving home and pictures asked for online in other words', () => {
		for (const text of [
			'Từ khi mẹ mất, bố em suốt ngày uống rượu, chẳng nấu cơm bao giờ, em toàn phải ăn mì sống cho qua bữa.',
			'Em sốt mấy ngày liền, mẹ chỉ bảo uống nước lá rồi đi làm, em nằm một mình cả ngày chẳng ai cho ăn uống gì.',
			'Mẹ kế đã thay khóa cửa, em không còn chỗ nào để về, giờ em đang đứng ngoài cổng.',
			'Có tài khoản lạ lấy ảnh em đăng lên trang gái xinh kèm lời lẽ bậy bạ, nhiều người nhắn hỏi giá em.',
			'co a tren Zalo hua nap the game cho e neu e gui anh mac do boi, e gui r h a ay doi anh ko mac j'
		]) {
			expect(hasDangerSignal(text), text).toBe(true);
		}
	});

	it('reads self-harm the writer imagines or wishes, and leaving home in other words', () => {
		for (const text of [
			'Nhiều lúc em nghĩ nếu em nhảy từ sân thượng xuống thì mọi chuyện sẽ kết thúc.',
			'Ước gì em biến mất luôn cho xong, chẳng ai cần em.',
			'Hôm qua em định uống hết cả vỉ thuốc ngủ của bà.',
			'Em thấy sống tiếp để làm gì nữa đâu.',
			'Em muốn trốn khỏi cái nhà này ngay tối nay.',
			'Anh ta đòi em chuyển tiền, nếu không sẽ tung ảnh của em lên mạng.',
			'Mẹ em nhậu suốt, ba ngày nay em chưa được ăn bữa nào.'
		]) {
			expect(hasDangerSignal(text), text).toBe(true);
		}
	});

	it('reads a question about the writer’s own family or community as a question, not a disclosure', () => {
		for (const text of [
			'Trường em có bạn từng tự tử vì áp lực, nhà trường có phòng tư vấn không ạ?',
			'Xóm em có nhà hay đánh con, hàng xóm có nên báo công an không ạ?',
			'Bố em bảo đánh con là để dạy con nên người, như vậy có đúng không ạ?',
			'Bố em nói đánh là thương, em muốn hỏi các cô chú nghĩ sao ạ?',
			'Em muốn biết có luật cấm bố mẹ đánh con không.',
			'Bố mẹ em chưa bao giờ nói chuyện về xâm hại tình dục với em, làm sao để bố mẹ hiểu là cần nói ạ?',
			'Bà em dặn không được ngồi lên đùi người lạ, còn điều gì khác cần biết ạ?',
			'Mẹ em kiểm tra điện thoại của em vì sợ em bị lừa trên mạng, có cách nào khác không ạ?',
			'Chị em năm nay 19 tuổi sắp lấy chồng, em muốn hỏi lấy chồng ở tuổi đó có sớm không ạ?',
			'Truong em co tiet hoc ve phong chong xam hai, em thay rat bo ich.'
		]) {
			expect(hasDangerSignal(text), text).toBe(false);
		}
	});

	it('reads a commune with no place to play or read as a question, and a child with nowhere to sleep as danger', () => {
		// Found by the projection screen's geometry test: a long question about a flooded playground went to safeguarding.
		for (const text of [
			'Thưa các bác lãnh đạo, sân chơi của thôn chúng cháu đã xuống cấp từ lâu, mùa mưa thì ngập nước, các bạn nhỏ không có chỗ đá bóng và đọc sách sau giờ học.',
			'không có chỗ đọc sách sau giờ học',
			'xã em không có chỗ nào để chơi',
			// Said twice ("đá bóng" read as a kick made two harms): the geometry test's long question.
			'Thưa các bác lãnh đạo, sân chơi của thôn chúng cháu đã xuống cấp từ lâu, mùa mưa thì ngập nước, các bạn nhỏ không có chỗ đá bóng và đọc sách sau giờ học. Thưa các bác lãnh đạo, sân chơi của thôn chúng cháu đã xuống cấp từ lâu, mùa mưa thì ngập nước, các bạn nhỏ không có chỗ đá bóng và đọc sách sau giờ học.',
			'chiều nào chúng em cũng đá bóng ở sân đình'
		])
			expect(assessText(text), text).not.toBe('danger');
		for (const text of ['tối nay em không có chỗ ngủ', 'em bỏ nhà đi, giờ không có chỗ nào để đi', 'em không có chỗ ở', 'anh lớp trên đá vào bụng em rồi dọa giết em'])
			expect(assessText(text), text).toBe('danger');
	});

	it('is not a roll call, a ride to school or a wish to skip a lesson', () => {
		for (const text of ['Cô điểm danh em mỗi sáng.', 'Co diem danh em moi sang', 'Anh trai em hay chở em đi học.', 'Mẹ bắt em đi ngủ sớm.', 'Em muốn chết vì xấu hổ khi quên bài.', 'Em đói bụng quá, mẹ ơi nấu cơm đi.']) {
			expect(hasDangerSignal(text), text).toBe(false);
		}
		expect(assessText('Cô điểm danh em mỗi sáng.')).toBe('clean');
	});

	it('reads an everyday day near danger words as everyday, and the disclosure beside it as danger', () => {
		// Each pair: the everyday structure (a meal coming, a feeling said big, care, a game, illness
		// as the reason), then a disclosure in the same words that the structure must not hide.
		const pairs: [string, string][] = [
			['Em đói bụng quá, hôm nay mẹ nấu canh chua mà em chờ mãi chưa được ăn.', 'Em đói bụng quá, hai hôm nay mẹ kế không cho em ăn.'],
			['Mình đói đến mức ngửi thấy mùi cơm nhà hàng xóm là thèm, mà mẹ bảo đợi bố về rồi cả nhà cùng ăn.', 'Em đói lắm, dì không cho ăn, em phải xin cơm hàng xóm.'],
			['Em sợ điểm kém muốn chết, thế mà cuối cùng được 8 điểm văn.', 'Em sợ bố lắm em muốn chết.'],
			['Em sợ con chó nhà hàng xóm muốn chết, lần nào đi qua cũng phải chạy.', 'Bố đánh em, em chỉ muốn chết.'],
			['Thi học kì xong em mệt muốn chết, về nhà lăn ra ngủ.', 'Em mệt mỏi lắm, em muốn chết.'],
			['Mưa to quá, bố phải lội nước đến trường đón em.', 'Có người lạ đến trường đón em, nói là bạn của mẹ, rồi đưa em đi xa.'],
			['Bố mẹ đi thăm ông ngoại ốm một tối, em ở nhà tự nấu mì.', 'Chú hàng xóm sang thăm rồi ôm em, sờ vào người em.'],
			['Em bị đau răng khóc cả tối, mẹ ôm em ngủ.', 'Bạn của mẹ hay ôm em rồi sờ vào người em.'],
			['Nhân vật của em trong game bị giết liên tục.', 'Anh quen qua game hẹn gặp rồi đánh em.'],
			['Em bị ốm phải nghỉ học ba ngày, các bạn mang bài sang tận nhà.', 'Nhà nghèo nên em phải nghỉ học đi làm thuê ở xưởng.'],
			['Em sợ nhất lúc cô gọi lên bảng, tim em đập thình thịch.', 'Bố say rượu đập em rất mạnh.'],
			['Bố mẹ em làm công nhân xa nhà, nhưng ông bà chăm em rất chu đáo.', 'Chú ấy hay chạm vào người em khi không có ai.']
		];
		for (const [everyday, disclosure] of pairs) {
			expect(hasDangerSignal(everyday), everyday).toBe(false);
			for (const text of [everyday, foldVietnamese(everyday)]) expect(assessText(text), text).toBe('clean');
			expect(assessText(disclosure), disclosure).toBe('danger');
			expect(assessText(foldVietnamese(disclosure)), foldVietnamese(disclosure)).toBe('danger');
		}
	});

	it('reads a game’s kill, minding a sibling during an errand and tiredness after classes as everyday, and a blow or pressure beside them as danger', () => {
		for (const text of ['Chơi game với anh em bị giết năm lần, tức ghê.', 'Em phải trông em bé cả buổi chiều vì mẹ đi chợ.', 'Em mệt muốn chết vì hôm nay học thêm ba ca.', 'e mệt muốn chết vì hum nay hc thêm 3 ca', 'Quần áo cũ mẹ bảo là đồ bỏ đi.']) {
			expect(hasDangerSignal(text), text).toBe(false);
		}
		for (const text of ['Em chơi game bị bố đánh.', 'Em phải trông em cả ngày vì mẹ đi chợ, không được đi học.', 'Em mệt muốn chết vì học thêm áp lực quá.', 'Em mệt muốn chết vì bố đánh em.', 'Bố em bỏ đi từ lâu, em buồn lắm.']) {
			expect(hasDangerSignal(text), text).toBe(true);
		}
	});

	it('reads a policy question’s condition and a story told as a question, not a disclosure', () => {
		for (const text of [
			'Lỡ chẳng may em bị người lạ sờ soạng trên xe buýt thì em nên hét lên hay xuống xe ạ?',
			'Nhỡ người em quen qua game đòi gặp mặt thì em nên từ chối thế nào cho an toàn ạ?',
			'Hôm trước cô giáo kể có bạn bị lừa gửi ảnh nóng, em muốn trường tổ chức buổi nói chuyện về an toàn trên mạng.',
			'Vì sao nhiều bạn tuổi em bỏ nhà đi theo bạn bè xấu ạ?'
		]) {
			for (const spelled of [text, foldVietnamese(text)]) expect(assessText(spelled), spelled).not.toBe('danger');
		}
		// Not when it is the writer's own: "nhớ", typed so, is no "nhỡ"; a threat after "nếu không" stays one.
		expect(assessText('Nhớ hôm qua người lạ sờ soạng em trên xe buýt, em sợ lắm.')).toBe('danger');
		expect(assessText('Anh ấy bảo nếu không gửi ảnh thì sẽ tung ảnh của em lên mạng.')).toBe('danger');
	});

	it('reads whether a harm can happen, a rule for everyone and a warning not to send pictures as questions, and the disclosure beside each as danger', () => {
		for (const text of [
			'Con trai có thể bị xâm hại tình dục không ạ? Em thấy tuyên truyền chỉ nói về các bạn nữ.',
			'Thông điệp: Cơ thể em là của em, không ai được chạm vào khi em không đồng ý!',
			'Thông điệp của chúng em: Không gửi ảnh riêng tư cho bất kỳ ai, kể cả người mình tin tưởng!',
			'Cán bộ xã có thường xuyên đến thăm những gia đình hay xảy ra đánh đập con không ạ?'
		]) {
			for (const spelled of [text, foldVietnamese(text)]) expect(assessText(spelled), spelled).not.toBe('danger');
		}
		for (const text of [
			'Em có thể bị bố đánh nữa không, tối qua bố say rồi đánh em.',
			'Chú ấy dặn không ai được biết, rồi chú chạm vào người em.',
			'Em không gửi ảnh nóng thì anh ta dọa tung ảnh cũ của em lên mạng.',
			'Nhà em hay đánh đập con, tối nào bố cũng đánh em.'
		]) {
			for (const spelled of [text, foldVietnamese(text)]) expect(assessText(spelled), spelled).toBe('danger');
		}
	});

	it('reads a third round of everyday days near danger words as everyday, and a disclosure in the same words as danger', () => {
		// Structures found by extra-f (README), each beside a disclosure that shares its words.
		const everyday = [
			'Em bị điểm 3 môn Lý, sợ về bị đánh đòn lắm, ai ngờ bố chỉ ngồi giảng lại bài cho em tới khuya.',
			'Chiều nào em cũng đánh cầu lông với bố ở sân nhà văn hóa, bố đánh mạnh lắm em đỡ không nổi.',
			'Em thích ngồi một mình ở thư viện, không phải em bị cô lập đâu, em thích yên tĩnh thôi.',
			'Bạn lớp trưởng nhắn tin xin ảnh của em để làm kỷ yếu lớp 9, cả lớp ai cũng gửi.',
			'Mẹ em đăng ảnh em hồi 2 tuổi đang tắm chậu lên Facebook, em năn nỉ mẹ xóa, mẹ xóa liền rồi.',
			'Hồi bé em dỗi mẹ đòi bỏ nhà đi, ra tới cổng thì đói bụng nên quay vào ăn cơm, giờ kể lại cả nhà vẫn cười.',
			'Em bị sốt phải nghỉ học 2 hôm, nằm một mình trên giường chán lắm, mẹ nấu cháo hành cho em ăn.',
			'Tuần sau nhà mình có đám cưới chị họ, mình phải nghỉ học 1 buổi để về quê, đã xin phép cô chủ nhiệm rồi.',
			'Nhiều khi em ước được biến mất một ngày để khỏi đi học thêm, mà mai có tiết thể dục nên vẫn thích đi học.',
			'Mẹ thu điện thoại của em vì chơi game nhiều quá, mẹ hứa thi xong trả.',
			'Tối em sợ ngủ một mình vì lỡ xem phim ma, mẹ cho em bật đèn ngủ với ôm gấu bông.',
			'Hôm nay em nhịn ăn sáng vì dậy muộn, may mà đứa bạn cho nửa ổ bánh mì.',
			'Tối qua chơi Liên Quân em bị đánh chết 12 lần, tức muốn đập điện thoại.',
			'Hồi bé bà hay dọa có ngáo ộp để em đi ngủ sớm.'
		];
		for (const text of everyday) for (const spelled of [text, foldVietnamese(text)]) expect(hasDangerSignal(spelled), spelled).toBe(false);
		const disclosures = [
			'Sợ về bị bố đánh, ai ngờ về bố đánh em thật, lưng em bầm hết.',
			'Em đánh cầu lông xong về bị bố đánh vì về muộn.',
			'Không phải em bịa đâu, em bị bạn cùng lớp đánh thật.',
			'Bạn lớp trưởng xin ảnh em để làm kỷ yếu, rồi bạn ấy đòi ảnh nóng của em, dọa tung lên mạng.',
			'Một người tự nhận là nhiếp ảnh gia bảo em chụp ảnh hở hang để làm hồ sơ người mẫu, em lỡ gửi mấy tấm rồi.',
			'Em dỗi bố đòi bỏ nhà đi vì bố hay đánh em, tối nay em đi thật.',
			'Em bị ốm mấy hôm nằm một mình, không ai nấu cháo cho em, bố đi nhậu suốt.',
			'Bạn Tâm lớp em phải trông nhà một mình cả tháng vì mẹ đi theo chồng mới, bạn ấy tự nấu cơm nhưng hết gạo từ hôm kia.',
			'Em phải nghỉ học đi làm thuê ở xưởng, bố xin phép cô cho em nghỉ.',
			'Em ước được biến mất mãi mãi, không ai cần em.',
			'Mẹ kế bắt em nhịn ăn sáng vì em làm vỡ bát.',
			'Anh ta dọa có clip của em, bắt em gửi thêm ảnh nóng.'
		];
		for (const text of disclosures) for (const spelled of [text, foldVietnamese(text)]) expect(assessText(spelled), spelled).toBe('danger');
	});

	it('reads a fourth round of everyday days near danger words as everyday, and a disclosure in the same words as danger', () => {
		// Structures found by extra-i and extra-j (README), in other words than theirs, each beside a disclosure that shares its words.
		const everyday = [
			'Chiều qua em với chị gái tranh nhau cái máy tính, chị đẩy em ngã, mẹ mắng cả hai chị em.',
			'Tụi em chơi trốn tìm ở nhà bạn Hà, bạn ấy nhốt em trong nhà kho một lúc rồi mở ra, cả bọn cười ầm.',
			'Sáng nay em phải nhịn đói đi nội soi dạ dày, bác sĩ dặn không được ăn gì từ tối.',
			'Tối qua chơi Free Fire em bị giết năm mạng liền, cay ghê.',
			'Anh em cứ giỡn "tao giết mày" mỗi khi em lấy đồ ăn của anh, rồi hai anh em cười lăn.',
			'Mẹ em cứ đi làm về là ôm hôn em, em lớn rồi mà vẫn thế.',
			'Bố dọa đánh nếu em còn đi tắm ao, em sợ lắm, ai ngờ hè này bố cho em đi học bơi.',
			'Đội em thua 0-3, chán đời ghê, nhưng tối cả đội đi ăn kem là vui lại.',
			'Tối qua mất điện, cả nhà em trải chiếu ra ngủ ngoài sân cho mát.',
			'Có người lạ nhắn làm quen em trên mạng, em chặn luôn rồi kể với mẹ.',
			'Em ghét môn hóa muốn chết, mai kiểm tra mà chưa ôn chữ nào.',
			'Bố em chạy xe ôm ở bến xe, tối nào cũng về muộn.',
			'Ôm nhau ngủ với em gái cho đỡ lạnh, sáng ra hai chị em cười.'
		];
		for (const text of everyday) for (const spelled of [text, foldVietnamese(text)]) expect(hasDangerSignal(spelled), spelled).toBe(false);
		const disclosures = [
			'Bố mẹ em cãi nhau rồi bố đánh em, tối nào cũng thế.',
			'Tụi lớp trên nhốt em trong nhà vệ sinh cả buổi, em sợ lắm.',
			'Em phải nhịn đói hai hôm rồi vì nhà hết gạo, bố đi đâu không về.',
			'Bố dọa giết em nếu em kể với cô, em sợ lắm.',
			'Chú hàng xóm cứ gặp là ôm hôn em, em sợ lắm không dám nói.',
			'Bố dọa đánh nếu em đi học về muộn, em sợ lắm, ai ngờ tối qua bố đánh em thật.',
			'Em chán đời lắm rồi, tối nào cũng lấy dao lam rạch tay.',
			'Người lạ nhắn làm quen em rồi đòi ảnh nóng, dọa tung lên mạng nếu em không gửi.',
			'Cho em hỏi nếu bố say về là lôi con ra đánh thì con phải làm sao ạ, tối nào cũng thế.',
			'Nếu có người giữ ảnh của mình rồi bắt chuyển tiền, không thì gửi ảnh cho bố mẹ, thì phải làm sao ạ. Em còn 2 ngày thôi.',
			'Em về nhà chồng được 3 tháng rồi, em mới 14 tuổi, nhà chồng không cho em đi học.',
			'Mẹ em đi đâu mấy hôm rồi chưa về, hai chị em ăn hết mì tôm rồi, nhà còn bị cắt điện.'
		];
		for (const text of disclosures) for (const spelled of [text, foldVietnamese(text)]) expect(assessText(spelled), spelled).toBe('danger');
	});

	it('reads Central and Southern words for the writer and a parent, and policy questions in their general voice', () => {
		// "tau" (I), "bọ" (father), "mạ" (mother) as typed; "tàu" (a train) and "mà" are not.
		expect(assessText('Tối mô bọ say cũng lấy roi quất tau, tau sợ lắm')).toBe('danger');
		expect(assessText('Mạ bỏ đi lâu rồi, bọ đi nhậu mấy bữa không về, tau nhịn đói từ hôm qua')).toBe('danger');
		expect(hasDangerSignal('Em đi tàu hỏa ra Hà Nội thăm bà, ngồi cả đêm mệt lắm')).toBe(false);
		expect(hasDangerSignal('Ả Hoa nhà bên mới 15 tuổi mà bị gả cho người ta')).toBe(true);
		// Southern: "quýnh" (beat), "làm mướn" (hired work), "ông già" (father), "mầy" (you); "Quỳnh" is also a name.
		expect(assessText('Ba tui xỉn về là quýnh tui, tối nào cũng bị quýnh')).toBe('danger');
		expect(assessText('Ong gia tui nhau xong la danh tui, tui so lam')).toBe('danger');
		expect(hasDangerSignal('Cô Quỳnh dạy em môn văn, cô hiền lắm')).toBe(false);
		expect(hasDangerSignal('co quynh day em mon van')).toBe(false);
		expect(assessText('mầy ngu thế')).toBe('filtered');
		const policy = [
			'Nhiều bạn gái trong bản ngại kể chuyện bị động chạm, mong các cô chú về bản nói chuyện với các bạn.',
			'Có nhiều anh chị ở xã em nghỉ học đi làm xa theo người quen giới thiệu, làm sao biết chỗ đó có lừa không ạ?',
			'Em mong trường có phòng tư vấn, vì mùa thi nhiều bạn áp lực lắm, có bạn còn tự làm đau mình.',
			'Em mong xã tuyên truyền cho các gia đình là không được gả con sớm.',
			'Em đề nghị trường dạy học sinh biết chỗ nào người khác không được chạm vào.',
			'Người lạ trong game đòi gọi video cởi áo thì mình báo ở đâu, có báo được cho công an không ạ?',
			'Bố mẹ bỏ mặc con, không cho ăn, không cho đi học thì có phạm luật không ạ?'
		];
		for (const text of policy) for (const spelled of [text, foldVietnamese(text)]) expect(hasDangerSignal(spelled), spelled).toBe(false);
	});

	it('reads village days near danger words as everyday, and a disclosure in the same words as danger', () => {
		// Structures found by extra-k and extra-l (README), in other words than theirs.
		const everyday = [
			'Tối nào em cũng phải nhốt gà vào chuồng, không thì cáo bắt.',
			'Tết ở bản các anh đánh chiêng cả đêm, em được múa xoang.',
			'Con bò nhà em đang mang thai, tháng sau đẻ.',
			'Dì út em 27 tuổi rồi. Tháng sau nhà trai sang đón dâu, em được làm phù dâu.',
			'Mẹ cho em đi ném pao với các bạn ở hội xuân.',
			'Em bị sâu răng đau muốn chết, mẹ đưa em ra trạm y tế nhổ, giờ hết đau rồi.',
			'Con chó nhà em cứ quấn chân đòi chơi, suýt đẩy em ngã xuống ao.',
			'Bà cầm quạt nan quạt cho em ngủ đến sáng.',
			'Em dỗi mẹ bảo sẽ bỏ nhà đi, ra ngõ ngồi được mười phút thì đói quá lại vào ăn.',
			'Cô gọi lên bảng mà em chưa học bài, chỉ muốn biến mất khỏi trái đất, đỏ hết cả mặt.',
			'Tối nào mẹ cũng gọi video hỏi em ăn cơm chưa, bố mẹ làm ở khu công nghiệp.',
			'Gặt lúa cả buổi sáng mệt muốn chết, nhưng trưa được ăn cá kho.',
			'Bố em đi biển mười ngày chưa về, mai tàu cập bến.'
		];
		for (const text of everyday) for (const spelled of [text, foldVietnamese(text)]) expect(hasDangerSignal(spelled), spelled).toBe(false);
		const disclosures = [
			'Tối nào bố cũng nhốt em vào chuồng gà vì em về muộn.',
			'Bố say về đánh em, chiêng trống gì cũng không ai nghe.',
			'Chị Mai cùng phòng em 15 tuổi, bố mẹ chị ấy nhận hai con trâu với bạc trắng rồi, chị ấy khóc suốt.',
			'Mẹ giận nên dí que củi đang cháy vào tay em.',
			'Có chị trên mạng hứa đưa em xuống Hà Nội làm quán ăn, dặn em đừng nói với bố mẹ.',
			'Em đau muốn chết, em không muốn sống nữa.',
			'Bố bỏ em đi biệt tăm, mẹ cũng đi mấy tháng không về, em ở một mình.',
			'Bố mẹ bỏ mặc con, tối nào cũng không cho con ăn.'
		];
		for (const text of disclosures) for (const spelled of [text, foldVietnamese(text)]) expect(assessText(spelled), spelled).toBe('danger');
	});

	it('holds more insults aimed at a person, and leaves the same words said of an animal or plainly', () => {
		const filter = eventWordFilter('');
		for (const text of ['Thằng Tuấn béo như con lợn', 'mày đúng là đồ nhãi ranh', 'Con Hạnh chảnh vừa thôi, mặt như cái bánh đa', 'đồ ích kỷ'])
			expect(filter(text), text).toBe(true);
		for (const text of ['Nhà em nuôi con lợn béo lắm', 'Bà em bị bệnh tâm thần', 'Em giẫm phải cứt trâu ở bờ ruộng', 'Em ở nhà một mình với con chó'])
			expect(filter(text), text).toBe(false);
	});

	it('reads forum questions that mention the writer’s own hardships as questions, and a disclosure put as a question as danger', () => {
		// Structures found by extra-m (README): poverty, a past marriage of a grown relative, teasing long dealt with,
		// a disaster, children in general a little way back, a parent who declined a job abroad.
		const questions = [
			'Sáng nào cháu cũng đói vì nhà cháu không có tiền mua quà sáng, cháu mong trường có bữa sáng cho học sinh nghèo ạ.',
			'Cô em lấy chồng năm 16 tuổi, giờ cô tiếc vì nghỉ học sớm. Cháu xin hỏi có lớp học nghề cho các cô, các chị không ạ?',
			'Hồi mới lên lớp 6 em bị gọi là bốn mắt suốt, em kể với cô chủ nhiệm là cô xử lý luôn, em mong các trường học theo cô em.',
			'Trận lũ năm ngoái cuốn mất nhà cháu, cả nhà phải ở nhờ nhà văn hóa hai tháng. Cháu đề nghị xã có nhà tránh lũ ạ.',
			'Cháu thấy các bạn khuyết tật ở trường khác hay bị chế giễu, huyện có chương trình giúp các bạn không ạ?',
			'Trên mạng có mấy trò thử thách rủ trẻ con tự làm đau mình, em đề nghị gỡ các video đó.',
			'Mẹ cháu kể có người rủ mẹ sang Lào làm thuê lương cao, mẹ không đi. Làm sao biết ai là kẻ lừa đảo ạ?',
			'Người quen trên mạng bảo gọi video cởi đồ thì người đó có phạm pháp không ạ?'
		];
		for (const text of questions) for (const spelled of [text, foldVietnamese(text)]) expect(hasDangerSignal(spelled), spelled).toBe(false);
		const disclosures = [
			'Cháu xin hỏi, bố cháu say rượu là lấy roi đánh cháu, tuần nào cũng có mấy bữa như vậy, cháu phải làm sao ạ?',
			'Em bị nhà người ta bắt về làm vợ theo tục, em không muốn.',
			'Có một chị trên mạng hứa đưa em sang Trung Quốc làm việc lương cao, dặn em đừng nói với bố mẹ.',
			'Tụi lớp trên nói mai đem cây chờ em ở cổng trường, em sợ lắm.',
			'Chắc em đi luôn cho ba má đỡ cực.',
			'Em lỡ gửi hình cho người ta rồi, giờ người đó đòi tiền, hổng thôi gửi cho ba má em coi.',
			'Anh hàng xóm hay làm chuyện kỳ với em, em sợ lắm.',
			'Bạn Tuấn bữa nào cũng bị ông dượng quýnh, cả xóm nghe mà không ai dám qua.'
		];
		for (const text of disclosures) for (const spelled of [text, foldVietnamese(text)]) expect(assessText(spelled), spelled).toBe('danger');
	});

	it('keeps the disclosures that the fourth round’s everyday rules could hide, found by a review', () => {
		const disclosures = [
			'Em bị bạn bè đánh.',
			'Em bị các bạn đánh ở cổng trường.',
			'Hai anh em cãi nhau thế là bố lôi em ra đánh.',
			'Con chó nhà em cắn rách dép, cha em lấy roi quất em.',
			'Ba em tối nào cũng vào phòng ôm hôn em.',
			'Mẹ đi vắng, hàng xóm sang ôm hôn em.',
			'Em đang chơi trong sân thì bố say rượu về nhốt em trong chuồng, đến cuối ngày mới mở ra.',
			'Em đang chơi trò chơi thì anh họ kéo em vào phòng sờ soạng, em khóc, anh ấy cười.',
			'Bố đưa em sang Trung Quốc bán cho người ta.',
			'Mẹ đưa em sang nhà người lạ, bắt em ở lại làm vợ.',
			'Bố mẹ bỏ rơi em từ nhỏ vì nhà nghèo.',
			'Em bị đuổi ra khỏi nhà vì nhà nghèo.',
			'Em bị bỏ đói mấy ngày rồi, bác sĩ bảo em suy dinh dưỡng.',
			'Em quen anh ấy trong game, anh ấy dụ em ra gặp rồi dọa giết em.',
			'Bố say rượu ném con vào tường.',
			'Bố nhốt cả em với em trai trong nhà kho cả đêm.',
			'Năm ngoái em bị anh lớp trên bắt nạt, em báo cô nhưng cô không xử lý.',
			'Trước đây em bị anh Tuấn bắt nạt, chưa ai giải quyết cả.',
			'Người đàn ông đó 40 tuổi. Bố mẹ bắt em lấy ông ấy vào tháng sau.',
			'Em 15 tuổi, chồng đánh em suốt.'
		];
		for (const text of disclosures) expect(hasDangerSignal(text), text).toBe(true);
	});

	it('reads who did it right after the writer’s "bị" as the doers, not children in general, and "tụi nó" as a group', () => {
		const disclosures = ['Em hay bị các bạn chê béo rồi đánh', 'Con bị các bạn trong lớp đánh', 'Con bị các bạn đánh', 'tui bị tụi nó quýnh', 'tụi nó đánh tui hoài'];
		for (const text of disclosures) expect(hasDangerSignal(text), text).toBe(true);
		// Still questions: a condition, children in general on both sides, an order given.
		const questions = ['Nếu em bị các bạn bắt nạt thì nên báo ai?', 'Các bạn hay bị các bạn lớn bắt nạt thì làm sao?', 'Nhiều bạn bị các bạn lớp trên trêu chọc, nhà trường nên làm gì?'];
		for (const text of questions) expect(hasDangerSignal(text), text).toBe(false);
	});

	it('reads play and teasing the writer enjoyed, a film, a fear undone and a younger sibling’s slap as everyday, and bullying beside them as danger', () => {
		const everyday = [
			'Tụi nó chọc em hoài mà vui, em cũng chọc lại tụi nó, cả đám cười muốn xỉu.',
			'Bữa trước em đánh lộn với thằng bạn thân vì giành banh, giờ tụi em thân hơn.',
			'Mấy bạn gọi em là cục than, em cũng tự xưng cục than luôn.',
			'Cả lớp gọi em là Heo Con, em thấy dễ thương nên lấy luôn tên đó làm tên Facebook.',
			'Phim tối qua có cảnh nhân vật chính bị cả đám đánh hội đồng, em coi mà tức.',
			'Lớp em đóng kịch, em đóng vai bạn bị bắt nạt.',
			'Tan học mấy đứa bạn chặn em ở cổng, em tưởng có chuyện gì, hóa ra rủ đi ăn chè.',
			'Nhỏ em tui đập tui một cái vì tui ăn vụng bánh của nó.',
			'Chiều nay tụi tui chơi đánh trận giả ngoài bãi cỏ, bị phe kia chọi bóng nước ướt nhẹp.'
		];
		for (const text of everyday) expect(hasDangerSignal(text), text).toBe(false);
		const disclosures = [
			'Tụi nó chọc em hoài, em cười cho qua nhưng về nhà em khóc.',
			'Em đang coi phim thì ba say rượu về đánh em.',
			'Tan học mấy đứa lớp trên chặn em ở cổng, đánh em rồi lấy tiền.',
			'Em bị mấy bạn nữ lớp bên tát mấy cái rồi quay clip đăng lên mạng.',
			'Nhỏ Vy nói nếu tui còn nói chuyện với bồ nó thì nó nói giết tui luôn.',
			'Bạn Nhi lớp em bị thằng lớp trưởng chụp hình dưới váy rồi gửi vô nhóm.',
			'Tụi nó kêu tui là con mọi đen, lấy phấn bôi lên mặt tui, ngày nào cũng vậy.',
			'Cả lớp lập nhóm chat để nói xấu em, không ai chơi với em nữa.',
			'Nhỏ bạn thân tui bị tụi con gái lớp kế bên nắm tóc kéo lê ngoài sân.',
			'Cho em hỏi nếu bạn em bị đánh ở trường thì em có nên nói không ạ? Bạn ấy bị suốt.',
			'Em trai em bị bố đánh một cái vào mặt vì làm đổ cơm, ngày nào cũng thế.'
		];
		for (const text of disclosures) expect(hasDangerSignal(text), text).toBe(true);
		// A chain of harms before the question is still a question.
		expect(hasDangerSignal('Bị bắt nạt trong game online, bị chửi và bị ép nạp thẻ thì báo ở đâu ạ?')).toBe(false);
	});

	it('reads a home’s or a class’s rules, plans agreed and things that only look like harms as everyday, and a disclosure beside each as danger', () => {
		const everyday = [
			'Anh trai em tối nào cũng gọi video, anh bắt em mở camera cho xem bài tập rồi mới cho tắt.',
			'Tối nay em xin mẹ cho ngủ nhờ nhà bạn Hà để học nhóm, mẹ đồng ý rồi.',
			'Em thức khuya ôn thi, mẹ bắt đi ngủ, còn dọa mai không cho học nữa.',
			'Hôm nay em quên vở, bị cô bắt đứng cuối lớp năm phút.',
			'Anh em với em hay vật nhau, anh đè em xuống rồi cù lét tới lúc em xin tha.',
			'Anh họ em hè nào cũng đi bụi xuyên Việt với nhóm bạn.',
			'Em không ăn được món cá nên nhịn đói từ trưa, bà bảo đợi bố về rồi cả nhà mới ăn.',
			'Bo em lam cong trinh o tan Binh Duong, toi nao cung goi ve.',
			'Nga ba truoc cong truong co xe tai dam vao cot dien.',
			'Cuối tuần toàn ngồi giết tg bằng đt.'
		];
		for (const text of everyday) expect(hasDangerSignal(text), text).toBe(false);
		const disclosures = [
			'Anh ấy bắt em mở camera cho xem người em rồi mới cho tắt.',
			'Bố đuổi em ra khỏi nhà, em phải xin ngủ nhờ nhà bạn mấy hôm nay.',
			'Bố dọa không cho em đi học nữa, bắt ở nhà đi làm thuê.',
			'Thầy bắt em đứng ngoài nắng cả buổi, em ngất luôn.',
			'Anh họ đè em xuống rồi sờ vào người em.',
			'Bố bắt em nhịn đói từ trưa, bà bảo đợi bố về rồi cả nhà mới ăn, em đói lả.',
			'Dượng em đánh em bầm tím.'
		];
		for (const text of disclosures) expect(hasDangerSignal(text), text).toBe(true);
		// Questions of the law and of what to do, however long the harm they describe.
		const questions = [
			'Bố mẹ bỏ mặc con nhỏ ở nhà một mình nhiều ngày, không để lại đồ ăn thì có bị xử phạt không ạ?',
			'Nếu có người lạ rủ đi chơi xa rồi giữ lại không cho về, không cho gọi điện, thì mình phải làm răng để thoát ạ?'
		];
		for (const text of questions) expect(hasDangerSignal(text), text).toBe(false);
	});

	it('keeps the disclosures that the fifth round’s everyday rules could hide, found by a review', () => {
		// Each was cleared by a first version of peerPlay, homeRule, the chain of harms before "thì", LAW_ASKED or a new
		// exception (a film, joy, a fear undone, wrestling, standing in class, "lo", a game, a threat, homework on camera…).
		const disclosures = [
			"Có anh tự xưng đạo diễn bảo em đóng phim, bắt em gửi ảnh nude để thử vai.",
			"Co anh tu xung dao dien bao em dong phim, bat em gui anh nude de thu vai.",
			"Một anh trên mạng rủ em đóng phim, hứa trả tiền, bảo em sang Trung Quốc quay.",
			"Anh trên mạng rủ em đóng vai người yêu của anh rồi xin ảnh khỏa thân của em.",
			"Em đang xem phim, mẹ kế bắt em nghỉ học đi làm thuê.",
			"Em đang xem phim, bố đuổi em ra khỏi nhà.",
			"Em đang coi hoạt hình, bố nhậu về đuổi em ra đường.",
			"Từ hôm em đóng vai phù thủy trong tiểu phẩm, tụi lớp gọi là con phù thủy rồi xô em ngã.",
			"Có anh trên mạng rủ em sang Trung Quốc làm việc nhẹ lương cao, em thấy hơi thích.",
			"Em thích lắm khi chú hứa đưa em lên thành phố làm việc nhẹ lương cao.",
			"Có anh 20 tuổi trên mạng làm quen với em, em thấy anh dễ thương, anh hẹn gặp riêng em ở nhà nghỉ.",
			"Ông chú đó xin hình em mặc đồ lót, em gửi xong lại đòi thêm.",
			"Anh trên mạng xin ảnh của em, xong lại đòi gặp riêng.",
			"Ở lớp lúc nào em cũng tỏ ra vui lắm, thật ra em muốn chết.",
			"Hồi trước tụi em thân lắm vui lắm, giờ nó dọa tung ảnh của em lên mạng.",
			"Bạn trai em hay tát em, xong lại đòi làm lành.",
			"Tụi nó bắt em quỳ rồi tát em, tụi nó bảo giỡn chơi.",
			"Nó dọa giết em nếu em kể với cô, nó bảo giỡn chơi, em không dám đi học.",
			"Mẹ kế bỏ đói em, mẹ bảo giỡn chơi thôi.",
			"Bố bắt em nghỉ học đi làm thuê, em hỏi thì bố bảo giỡn thôi mà giờ em phải đi làm thật.",
			"Tụi lớp lấy ảnh làm trò cười, chế ảnh em đăng lên nhóm lớp.",
			"Dượng hay đè em xuống giường lúc mẹ đi vắng, em xin tha mà dượng không dừng.",
			"Dượng hay đè em xuống giường cù lét lúc mẹ đi vắng, em xin tha mà dượng không dừng.",
			"Ông hàng xóm đè em xuống cù lét, em xin tha mà ông không dừng.",
			"Anh họ đè em xuống rồi cù lét, tay anh luồn vào trong váy em.",
			"Bố bắt em nghỉ học lấy chồng, em tưởng bố nói đùa, hóa ra bố nói thật.",
			"Chú ấy hứa đưa em lên thành phố làm việc nhẹ lương cao, em tưởng chú tốt, ai ngờ chú lừa em.",
			"Anh trên mạng xin ảnh riêng tư của em, em tưởng anh thật lòng, hóa ra anh là người lớn.",
			"Mẹ kế không cho em ăn cơm, em tưởng mẹ giận chút thôi, ai ngờ hai ngày rồi.",
			"Em không chịu đựng nổi một chút nào nữa.",
			"Em khong chiu dung noi mot chut nao nua.",
			"Tối qua em đứng trên sân thượng một lúc lâu mới dám đi xuống.",
			"Mọi người đừng buồn một chút nào nhé, em đi đây.",
			"Thầy bắt em đứng 45 phút dưới nắng, em xỉu luôn.",
			"Em lỡ nói ra rồi muốn chết luôn, giờ không ai tin em.",
			"Em cầm lọ thuốc muốn chết luôn.",
			"Lỡ hết rồi muốn chết luôn.",
			"Hôm qua đá bóng thua, tụi lớp 9 lôi em ra sau trường đánh gãy tay.",
			"Đá banh xong mấy anh lớp trên nhốt em trong nhà vệ sinh tới tối.",
			"Cả lớp vote em là đứa xấu nhất rồi quay clip đăng lên mạng.",
			"Bố dọa mai không cho đi học nữa để ở nhà làm rẫy.",
			"Bố dọa mai không cho đi học nữa để ở nhà phụ bố.",
			"Thầy dọa không cho đi học nếu em không vào phòng thầy một mình.",
			"Thầy dọa không cho đi học nếu em không chịu ở lại lớp một mình với thầy.",
			"Có anh trên mạng bắt em mở cam cho xem để chứng minh em là con gái.",
			"Ông chú trên mạng bắt em mở cam cho xem để chú kiểm tra.",
			"Bố đấm vào ổ bụng em đau lắm.",
			"Nó đấm vào ổ bụng em.",
			"Hắn đấm vào tau rồi bỏ chạy.",
			"Thằng đó đấm vào cậu ấy, bạn em giờ nằm viện.",
			"Con bị bố đánh, bị bỏ đói và bị nhốt trong nhà thì có được báo công an không?",
			"Bị người lạ trên mạng dọa tung ảnh, bị ép gửi thêm ảnh và bị chặn không cho nói thì em phải làm sao ạ, em sợ lắm.",
			"Bị người lạ trên mạng dọa tung ảnh nóng, bị ép chuyển tiền thì em phải làm sao?",
			"Bố đánh con suốt thì bố có bị phạt không ạ?",
			"Mẹ kế bỏ đói con nhiều ngày thì có bị xử phạt không ạ?",
			"Em kén ăn nên bị phạt nhịn đói từ trưa.",
			"Em kén ăn nên dì phạt nhịn đói đến tối.",
			"Em chán ăn, mẹ kế phạt nhịn đói.",
			"Em gái tui bị thằng lớp 9 tát 1 cái vì không đưa tiền.",
			"Từ nhỏ em đã bị anh trai đánh vì không nghe lời. (accented only; the unaccented text stays danger)",
			"Tụi nó bắt em đưa mặt ra cho tát.",
			"Anh trai bắt em chìa mặt ra cho tát vì làm mất tiền.",
			"Có anh lạ chụp trộm em ở tiệm net, em gọi lại cho mẹ tới đón.",
			"Em chán nhà lắm, định đi bụi với nhóm bạn quen trên mạng.",
			"Bố say rượu về bảo sẽ giết tg em trai em.",
			"Mẹ kế cầm cây quát vào lưng em.",
			"Từ nhỏ em đã bị anh trai đánh vì không nghe lời."
		];
		const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
		for (const text of disclosures) {
			expect(assessText(text), text).toBe('danger');
			expect(assessText(fold(text)), fold(text)).toBe('danger');
		}
	});

	it('keeps the disclosures a second review found the narrowed rules still cleared, and leaves ordinary texts the new words matched', () => {
		const disclosures = [
			'Tụi nó đánh em chảy máu mũi xong tụi nó cười lăn.',
			'Tụi nó đánh em chảy máu mũi xong tụi nó thấy vui lắm.',
			'Tụi nó đánh em rồi bắt em cười theo.',
			'Em bị tụi lớp 9 đánh bầm mắt, về nhà mà vui sao được.',
			'Tụi nó bắt em đóng vai người hầu rồi đánh em.',
			'Tụi nó đánh em, em tưởng tụi nó sẽ dừng, ai ngờ tụi nó tăng số lần lên.'
		];
		for (const text of disclosures) expect(assessText(text), text).toBe('danger');
		const ordinary = ['Em quay lên hỏi bạn bàn trên mượn bút.', 'Crush mới thả tim story của em', 'Tối qua em vô mùng ngủ sớm.', 'Em chơi game thì gà lắm.', 'mẹ tặng em chiếc nhẫn vàng rồi'];
		for (const text of ordinary) expect(hasDangerSignal(text), text).toBe(false);
	});

	it('reads the writer’s own reason after "vì" in a recommendation as a disclosure, and children in general there as a question', () => {
		expect(hasDangerSignal('Cháu đề nghị xã mở lớp dạy bơi, vì ở nhà cháu bị bố đánh mỗi khi cháu đi tắm sông.')).toBe(true);
		expect(hasDangerSignal('Em đề nghị xã tăng cường tuyên truyền vì nhiều bạn bị bố mẹ đánh.')).toBe(false);
		expect(hasDangerSignal('Bố mẹ nên làm gì thay vì đánh con khi con mắc lỗi ạ?')).toBe(false);
	});

	it('reads a question about a harm followed by the writer saying it is theirs as danger, and others agreeing as a question', () => {
		expect(hasDangerSignal('Thưa chú chủ tịch, nếu bạn bị người lớn sờ vào người thì phải làm sao ạ? Vì chú hàng xóm nhà cháu hay làm vậy với cháu.')).toBe(true);
		expect(hasDangerSignal('Cháu muốn hỏi khi muốn chết thì nên nói với ai ạ, vì dạo này cháu hay nghĩ vậy.')).toBe(true);
		expect(hasDangerSignal('Khi bị bắt nạt thì nên làm gì ạ? Em thấy nhiều bạn bị như vậy.')).toBe(false);
		expect(hasDangerSignal('Nếu bị người lạ nhắn tin đòi ảnh thì báo ai ạ? Em cũng nghĩ vậy.')).toBe(false);
	});

	it('reads a final "ng" typed as "g" and two swear words spelled out in one run of letters', () => {
		const filter = eventWordFilter('');
		expect(filter('đồ vô dụg')).toBe(true);
		expect(filter('mày đúg là đồ não phẳg')).toBe(true);
		expect(filter('đ ị t m ẹ mạng lag quá')).toBe(true);
		expect(filter('d i t m e')).toBe(true);
		// Letters with no consonant on one side are no two words: "e o b i t" may be anything.
		expect(filter('m e o c o n')).toBe(false);
		expect(filter('Chiều nay đi đá bóg với lớp')).toBe(false);
		expect(assessText('Mi ngu như con bò rứa mà cũng dạy đời tau')).toBe('filtered');
	});

	it('reads the seventh round’s structures: a question then “it is mine”, law questions, a village’s customs, stories and games', () => {
		const disclosures = [
			// The writer says the question is theirs: a habit, a deadline, a mark on the body, "đang như thế".
			'Nếu bố say rồi quất con bằng roi thì con báo ai ạ, vì tối nào bố say cũng vậy',
			'Nếu người ta dọa tung ảnh thì báo công an được không ạ? Người đó cho em hạn đến tối nay thôi',
			'Nếu một bạn hay cứa tay cho đỡ buồn thì nên gặp ai ạ, vì em làm vậy mấy tháng nay rồi',
			'Cháu đề nghị xã có chỗ ở tạm cho trẻ con, vì mẹ kế hay bắt cháu quỳ rồi lấy roi quất, giờ lưng cháu vẫn còn lằn',
			'Nếu một bạn cứ nói muốn chết và giấu thuốc trong cặp thì làm sao ạ, bạn thân em đang như vậy',
			// A cousin or sibling before "bị", a Highland parent, a named friend after "nhưng".
			'Chị họ em 15 tuổi bị bố mẹ gả sang bản bên, tuần sau cưới rồi',
			'Bạn Y Bin ở buôn em bị ama đánh gãy tay',
			'Nhung ban Quan lop em nhan la se bo nha di theo may anh tren mang toi nay',
			'Dạ em đề nghị cho bạn H\'Lan được ở bán trú, vì bạn ấy ở một mình trong chòi, đói cả tuần nay',
			'nhỏ bạn con bị ba má ép lấy chồng để trừ nợ',
			// A wish that it stop says it has happened.
			'Em chỉ mong bố bỏ rượu để không đánh em nữa'
		];
		for (const text of disclosures) expect(assessText(text), text).toBe('danger');
		const questions = [
			'Luật bây giờ có cấm bố mẹ đánh con để dạy dỗ không ạ?',
			'Bỏ mặc con nít ở nhà một mình nhiều ngày có bị coi là vi phạm luật không ạ?',
			'Con gái mấy tuổi thì được lấy chồng theo luật ạ? Ở làng em vẫn còn tảo hôn.',
			'Gửi ảnh nóng của bạn khác lên nhóm thì có bị công an bắt không ạ?',
			'An toàn trên mạng là không gửi ảnh riêng tư cho bất kỳ ai',
			'Em đề nghị dạy cách chặn tài khoản lạ và không gửi ảnh riêng tư cho người quen trên mạng',
			'Vì sao nhiều bạn tuổi bọn em hay bỏ nhà đi theo bạn trên mạng?',
			'Em mong người lớn đừng coi trầm cảm ở tuổi tụi em là làm màu',
			'Chau doc bao thay so ca tang nhieu'
		];
		for (const text of questions) expect(assessText(text), text).not.toBe('danger');
		const everyday = [
			'Tối qua tụi em chơi ma sói, em làm sói bị cả làng treo cổ đầu tiên',
			'Chơi Liên Quân tối qua em bị giết 10 lần, tức ghê',
			'Cô nhà bếp lấy con dao to cắt bánh chưng mời cả đoàn',
			'Em học võ, thầy dạy đấm đá để tự vệ',
			'Mẹ em dọa nếu thi trượt thì không cho đi chơi Tết',
			'Em đang viết truyện, nhân vật chính bị bắt cóc rồi tự thoát ra'
		];
		for (const text of everyday) expect(assessText(text), text).toBe('clean');
		// And the disclosures beside them in the same words.
		expect(assessText('Mẹ em dọa nếu thi trượt thì đánh chết em')).toBe('danger');
		expect(assessText('Chú em lấy con dao dí vào cổ em')).toBe('danger');
		// Found by a review of these rules: each was cleared by a first version of them.
		for (const text of ['họ mang tôi sang Trung Quốc bán', 'nhân vật chính là em, em bị bố đánh mỗi tối', 'bố lấy dao thái rau kề vào cổ em', 'Hôm qua chơi ma sói xong em buồn quá muốn treo cổ', 'anh trai học võ xong hay tập đấm đá em, em bầm hết người', 'bon nho nha em bi bo danh suot', 'mấy vụ bắt cóc gần đây làm em sợ, hôm qua có người lạ kéo em lên xe'])
			expect(assessText(text), text).toBe('danger');
		for (const text of ['Tại sao nhiều bạn bị bắt nạt không dám kể với thầy cô? Cô cho em hạn nộp bài đến thứ sáu ạ', 'Bị bắt nạt thì nên làm gì ạ? Em cũng như vậy, mỗi lần lên bảng là run'])
			expect(assessText(text), text).not.toBe('danger');
	});

	it('holds a word spelled out before a noun or a teen letter, masks of several stars, and unaccented oaths that no ordinary words make', () => {
		for (const text of ['Mệt c ặ c, câu hỏi bị gộp rồi', 'c ặ c j mà lâu thế', 'Mấy câu trả lời như l**n', 'Con cac, hoi mai khong ai tra loi', 'cac gi ma lau vay', 'Thang cac nao spam vay', 'Con nhỏ MC nói chuyện như con khùng'])
			expect(assessText(text), text).toBe('filtered');
		for (const text of ['con cac ban oi', 'Còn các bạn thì sao', 'nhà em cách trường 10km', 'Em thích con khủng long', 'Chiều nay đi đá bóng với các anh', 'Du ma gian nhung van thuong em', 'tên bạn ấy là L o n g', 'may tinh nhu con dien thoai cu'])
			expect(assessText(text), text).toBe('clean');
	});

	it('reads the eighth round’s structures: a harm long past and mended, someone unnamed in the village, adverts and rules, weather and animals', () => {
		const questions = [
			'Hồi lớp 4 em cũng hay bị bố đánh, nhưng từ khi bố bỏ rượu thì bố không đánh em nữa, giờ nhà em vui lắm. Em mong xã giúp các nhà khác',
			'Năm ngoái ở thôn con có một chị bị lừa đi làm xa, may mà công an cứu về rồi. Con muốn hỏi làm sao nhận biết người lừa đảo?',
			'Ở buôn em có nhiều nhà ama say rượu là đánh con. Em kiến nghị già làng đi nói chuyện',
			'Trên mạng hay có mấy trang tuyển người qua Campuchia lương cao, làm sao biết là lừa đảo ạ?',
			'Làm thế nào để không còn ai bị buôn bán ra nước ngoài nữa ạ?',
			'Em đề nghị dạy tụi em cách nhận ra khi người lạ sờ vào vùng kín là bị xâm hại',
			'Bỏ nhà đi rất nguy hiểm, các bạn có chuyện gì hãy nói với thầy cô',
			'Cháu xin gửi thông điệp tới các bố mẹ: đừng đánh con, hãy lắng nghe con',
			'Nhiều bạn tuổi cháu bị người lạ nhắn tin xin ảnh, trường nên dạy cách chặn',
			'Trường em cần biện pháp chống bắt nạt'
		];
		for (const text of questions) expect(assessText(text), text).not.toBe('danger');
		const everyday = [
			'Trận mưa đá hôm qua đánh gãy cánh con gà mái nhà em, em sưởi cho nó',
			'Con mèo nhà em bị xe máy quệt, cả nhà đưa đi thú y rồi',
			'Tối qua xem phim ma, con ma bóp cổ người ta, em sợ không ngủ được',
			'Tập múa cả chiều chân em đau muốn chết luôn'
		];
		for (const text of everyday) expect(assessText(text), text).toBe('clean');
		const disclosures = [
			// Still going on, or not mended at all.
			'Hồi lớp 4 em hay bị bố đánh, giờ bố bỏ rượu rồi nhưng tối qua lại đánh em',
			'Trước đây em bị anh lớp trên bắt nạt, chưa ai giải quyết cả',
			// A named friend in the village is no one unnamed; an animal first, then the child.
			'Ở xóm em có bạn Lan bị bố đánh suốt',
			'Bố em đá con chó rồi đánh em',
			'Em gái bạn Hà mới 5 tuổi hay bị khoá trái trong nhà cả ngày',
			'Tuần này tối về không có ai nấu, mẹ đi cả tháng không về, em đói lắm'
		];
		for (const text of disclosures) expect(assessText(text), text).toBe('danger');
		// "Dù má…" opening a clause is "although" when "nhưng" follows; the oath otherwise.
		expect(assessText('Du ma wifi hoi truong cham nhu rua')).toBe('filtered');
		expect(assessText('Du ma khong thich nhung van cho em di hoc')).toBe('clean');
	});

	it('reads the ninth round’s structures: teen "c", messages to every parent, the law, many people, stories told and mended, what counts', () => {
		const questions = [
			'mẹ đi làm xa, 2 c e ở nhà tự nấu cơm, tối nay bà sang',
			'Thông điệp của lớp em gửi các bố mẹ trong xã: đừng đánh con nữa, hãy nói chuyện với con',
			'Thông điệp: đừng gửi ảnh riêng tư cho người lạ, ai dọa tung ảnh thì báo thầy cô',
			'Cháu hỏi luật có cho ba mạ đánh con để dạy không ạ',
			'Ở làng cháu nhiều ông bà vẫn quen đánh cháu là dạy cháu, cháu đề nghị xã tuyên truyền',
			'Hồi năm lớp 5 có bạn lớp em bị chú hàng xóm xâm hại, giờ chú đó đi tù rồi, em đề nghị trường dạy kỹ năng',
			'Em nghe cô kể có một chị ở huyện bên bị lừa bán sang Trung Quốc rồi được giải cứu về, em đề nghị tuyên truyền nhiều hơn',
			'Em đọc báo thấy mấy bạn ở tỉnh khác bị bắt cóc, làm sao để tụi em tự bảo vệ',
			'Ở trường em nhiều bạn bị chọc, bị cô lập, có khi còn bị đánh, em mong có phòng tư vấn',
			'Nhiều nhà cho con gái nghỉ học lấy chồng sớm, vậy là tảo hôn đúng không ạ',
			'Người ta giữ giấy tờ không cho về, vậy có phải là mua bán người không ạ',
			'Em phụ mẹ buôn bán ở chợ mỗi sáng chủ nhật, có sao không ạ',
			'Bà nội em kể ngày xưa bà lấy ông năm 16 tuổi',
			'Làm sao nhận ra kẻ buôn bán người trên mạng ạ',
			'Đội bóng lớp em bị đội lớp 8A đánh bại 3-0, tiếc ghê',
			'doi muon chet luon, me nau com chua xong',
			'Em bé nhà em tập đi té đập đít xuống sàn',
			'Tối nay bà ngoại sang ngủ với hai chị em cháu vì bố mẹ đi đám cưới',
			'Con gà nhà em bị chó cắn chết',
			'Phim tối qua có cảnh bọn bắt cóc bị công an bắt, em với mẹ coi hồi hộp'
		];
		for (const text of questions) expect(assessText(text), text).not.toBe('danger');
		const disclosures = [
			// Teen "c" is the writer who says "con" or "cháu".
			'c xin hỏi bác, tối qua bọ c say lại lấy gậy đánh c, lưng c còn đau',
			'Bố ơi đừng đánh con nữa, con đau lắm',
			'Hồi năm lớp 5 em bị chú hàng xóm xâm hại, giờ chú đó vẫn ở cạnh nhà em',
			'Hồi năm lớp 6 em bị bố đánh, giờ bố vẫn đánh em',
			'Mai mẹ bắt em nghỉ học lấy chồng, em mới 15 tuổi',
			'Tối nào dượng cũng sang ngủ với em, em sợ lắm',
			'Bố mẹ định gả con cho nhà ông Tư để lấy tiền',
			'Mấy anh lớp 9 chặn đánh em ở cổng trường mấy lần rồi',
			'mấy ông say rượu trong xóm hay sờ người em',
			'Em nghe mẹ nói mai bố sẽ gả em cho nhà bên kia',
			// Kept secret from the parents by whoever lures the child.
			'Có anh trên mạng rủ em lên thành phố làm quán cà phê, anh dặn đừng cho bố mẹ biết, mai anh đón em',
			'Em quen một chị trên facebook, chị dặn đừng cho ba má biết rồi hẹn em ra bến xe'
		];
		for (const text of disclosures) expect(assessText(text), text).toBe('danger');
	});

	it('keeps the disclosures a review of the ninth round’s rules found them clearing, and the everyday secrets it found held', () => {
		// Jail is no mending when the harm goes on, someone else does it, or the writer wishes to die; a story heard of a named
		// friend or of the writer is theirs; a message to every parent that then says "tối nào con cũng bị…" is a disclosure.
		const disclosures = [
			'Hồi nhỏ em bị dượng xâm hại, dượng đã vào tù rồi nhưng em muốn chết',
			'Năm ngoái bố bị công an bắt vì đánh em, giờ bố về rồi và bố đánh em còn dữ hơn',
			'Hồi lớp 7 ba đánh em, ba bị bắt rồi, giờ mẹ cũng đánh em',
			'Hồi lớp 6 anh họ sờ em, ảnh bị bắt rồi, nhưng anh họ khác cũng làm vậy với em',
			'Hồi lớp 6 dượng sờ em, dượng đi tù rồi, mà dượng sắp ra tù',
			'Em nghe mẹ nói con gái không cần học, em bị bắt nghỉ học rồi',
			'Nghe mạ nói bọ bị bắt rồi, nhưng chú lại qua đánh em',
			'Em nghe Lan kể Lan bị bố đánh nhiều lắm và Lan không muốn sống nữa',
			'Em nghe cô chủ nhiệm kể bạn Minh lớp em bị bố dượng đánh, bạn ấy không dám về nhà nữa',
			'Em nghe bố mẹ nói sắp gả em cho anh kia, em không chịu nổi nữa',
			'Em nghe bạn Hoa kể bạn ấy bị bắt đi làm ở quán karaoke',
			'Gửi thông điệp tới các bố mẹ: đừng đánh con nữa. Tối nào con cũng bị ăn roi',
			'Lời nhắn gửi những phụ huynh: đừng đánh con nữa. Chiều nào đi học về con cũng bị ăn đòn',
			'Lời nhắn gửi các ba mẹ: đừng bắt con nghỉ học đi làm nữa, ngày nào con cũng phải đi làm thuê',
			'Thông điệp: gửi các bọ mạ, đừng đánh con nữa, bọ mạ con đánh con suốt',
			'Ba nói em ngủ với ba, em sợ lắm',
			'Mẹ nói em ngủ với chú ấy thì chú cho tiền',
			'Ba co lan ngu voi em',
			'Chú ấy chở em tới nhà nghỉ cho tới sáng',
			'Anh kia rủ em vào nhà nghỉ lấy phòng',
			'Anh ta rủ em đi nhà nghỉ vậy có sao không',
			'Mấy người đó buôn bán mấy đứa con gái trong xóm em qua Trung Quốc',
			'Bọn nó buôn bán bọn em',
			'Anh họ bắt em buôn bán ma túy cho ảnh',
			'Mỗi khi có chuyện gì bố cũng đánh em và mẹ',
			'Bà ngoại hay đánh cháu là vì cháu không ngoan',
			'Ông đánh cháu là để dạy cháu nhưng cháu đau lắm, lưng cháu bầm hết',
			'Dì đánh cháu là thường xuyên',
			'em thấy đời muốn chết quá',
			'em thay doi muon chet qua',
			'Sống trên đời muốn chết lắm',
			'Chú hàng xóm cho em tiền rồi dặn đừng cho ba mẹ biết'
		];
		for (const text of disclosures) expect(assessText(text), text).toBe('danger');
		// A secret from the parents with no lure ("anh hai dặn đừng cho ba mạ biết"), and "38 độ C" (no teen "con").
		const everyday = [
			'Em làm vỡ bình hoa, anh hai dặn đừng cho ba mạ biết',
			'Em được điểm kém, bạn dặn đừng cho bố mẹ biết',
			'Em với bạn trốn học đi net, nó dặn đừng cho ba mạ biết',
			'Hôm nay nóng 38 độ C muốn chết luôn'
		];
		for (const text of everyday) expect(assessText(text), text).not.toBe('danger');
	});

	it('outranks the word filter', () => {
		const filter = eventWordFilter('');
		expect(checkSafety('đm em bị đánh đau lắm', filter, matchesDanger)).toBe('danger');
		expect(checkSafety('đm trường này', filter, matchesDanger)).toBe('filtered');
		expect(checkSafety('Em muốn có sân chơi', filter, matchesDanger)).toBe('clean');
	});
});

describe('assessText, the one entry point', () => {
	it('says danger, filtered or clean', () => {
		expect(assessText('đm, bố em say là đánh em')).toBe('danger');
		expect(assessText('Trường này đéo có sân chơi')).toBe('filtered');
		expect(assessText('Trường này có sân chơi không ạ?')).toBe('clean');
		// "biệt danh" (a nickname) folds like "biệt đánh": the nickname option's own wording.
		expect(assessText('Em muốn hiện biệt danh của em trên màn hình lớn')).toBe('clean');
		for (const text of ['Em bị đánh ở nhà mỗi tối', 'em bi danh o nha moi toi', 'họ đánh em mỗi ngày', 'vợ chồng chú ấy đánh em'])
			expect(assessText(text), text).toBe('danger');
	});

	it('uses the event’s own list, one entry per line', () => {
		expect(assessText('Bạn ấy như thằng hề', 'thằng hề\nđồ lười')).toBe('filtered');
		expect(assessText('Bạn ấy như thằng hề', '')).toBe('clean');
		expect(assessText('ban ay la do luoi', 'thằng hề\r\nđồ lười')).toBe('filtered');
	});

	it('caches the compiled filter per distinct list', () => {
		expect(eventWordFilter('a\nb')).toBe(eventWordFilter('a\nb'));
		expect(eventWordFilter('a\nb')).not.toBe(eventWordFilter('a\nc'));
		for (let i = 0; i < 200; i++) eventWordFilter(`word${i}`);
		expect(assessText('word199 ở đây', 'word199')).toBe('filtered');
	});
});
