/**
 * Issue 15, sixth round (extra-s): policy questions that use a disclosure's words — a story the writer heard or watched, a
 * message's slogans, an age — are read as questions for the hall; the same words about the writer stay a disclosure.
 */
import { describe, expect, it } from 'vitest';
import { hasDangerSignal } from '$lib/domain/danger-signals';
import { assessText, eventWordFilter } from '$lib/domain/safety';
import { foldVietnamese } from '$lib/domain/vietnamese-text';

/** Each text as typed, and without diacritics. */
const bothSpellings = (texts: string[]) => texts.flatMap((text) => [text, foldVietnamese(text)]);

describe('a story the writer heard of or watched', () => {
	it('is someone else’s harm, told', () => {
		// (Typed without marks, "lua ban sang" may be "lừa bạn sang", a friend tricked: that stays with the organiser.)
		expect(hasDangerSignal('Cháu nghe nói mấy năm trước có chị ở bản bên bị người quen lừa bán sang bên kia biên giới làm vợ. Cháu đề nghị đồn biên phòng về trường.')).toBe(false);
		for (const text of bothSpellings([
			'Hôm bữa lớp con coi một bộ phim có cảnh con nít bị bắt cóc đem bán. Tụi con phải làm gì khi có người lạ rủ đi ạ?',
			'Hè năm ngoái tớ nghe anh họ ở Bình Dương kể có mấy đứa 13, 14 tuổi làm trong xưởng gỗ, bị giữ lương, làm sai là bị đánh.'
		]))
			expect(hasDangerSignal(text), text).toBe(false);
	});

	it('stays a disclosure when it names the writer or a friend, or names no one between the story and the harm', () => {
		for (const text of bothSpellings([
			'Em nghe nói ba má sắp gả em cho một ông bên Trung Quốc, em sợ lắm.',
			'Em nghe nói bạn Lan lớp em bị bố đánh gãy tay rồi.',
			'Em xem clip xong thì bị anh họ sờ vào người.',
			'Năm trước em bị chú hàng xóm sờ vào người, giờ em vẫn sợ.',
			'Em đang coi phim thì ba say rượu về đánh em.'
		]))
			expect(assessText(text), text).toBe('danger');
	});
});

describe('a message to the hall', () => {
	it('speaks for every child in slogans', () => {
		for (const text of bothSpellings([
			'Thông điệp của đoàn xã Tân Lập: Đừng đánh con! Mỗi trận đòn làm con sợ chứ không làm con ngoan hơn. Hãy nghe chúng con nói.',
			'Thông điệp của tụi con: Ba mẹ đi làm xa thì cũng nhớ gọi điện cho con, đừng để con ở nhà một mình đói bụng.'
		]))
			expect(assessText(text), text).not.toBe('danger');
	});

	it('is a disclosure when it says it happens: "nữa", a time, the writer’s own "bị", someone of the writer’s', () => {
		for (const text of bothSpellings([
			'Thông điệp của em: Bố ơi đừng đánh em nữa, em đau lắm.',
			'Thông điệp của em: đừng để ai như em, tối nào bố em cũng đánh em.',
			'Thông điệp: chúng em bị bắt nạt, hãy giúp chúng em.'
		]))
			expect(hasDangerSignal(text), text).toBe(true);
	});
});

describe('other words of a question', () => {
	it('reads an age and "các bạn người Kinh" as no harm', () => {
		for (const text of bothSpellings([
			'Tớ đề nghị trường có buổi nói chuyện về trầm cảm, vì trên mạng nhiều bạn tuổi tụi mình rạch tay đăng story.',
			'Cháu đề nghị thầy cô nhắc các bạn người Kinh không chê giọng nói của chúng cháu.'
		]))
			expect(hasDangerSignal(text), text).toBe(false);
	});
});

describe('oaths typed without diacritics', () => {
	const held = eventWordFilter('');
	it('holds "đĩ mẹ nó", not "Dù mẹ bận…"', () => {
		for (const text of ['con di me no, het pin roi', 'di me may'])
			expect(held(text), text).toBe(true);
		for (const text of ['Du me ban nhung toi nao me cung xem bai cho em.', 'Du me em da dan nhung em van quen mang ao mua.', 'Du lich he nay o dau'])
			expect(held(text), text).toBe(false);
	});
});

describe('what a review of these rules found', () => {
	it('keeps these disclosures (a past told by the writer, a plea in a message, a reason after a supposition, "răng" as teeth)', () => {
		for (const text of ['Hồi trước ở quê bị ông hàng xóm sờ vào chỗ kín, giờ nhớ lại vẫn sợ.','Hoi trc o que bi ong hang xom so vao cho kin, h nho lai van so','Mấy năm trước ở trọ bị chủ trọ nhốt trong phòng rồi sờ người.','Từ năm trước dượng hay vào phòng lúc mẹ đi làm rồi sờ người.','Hoi truoc co nguoi di dan di lam ben kia bien gioi, bi nhot may thang moi tron ve','Năm trước có anh trên mạng dụ gửi ảnh nóng, giờ ảnh dọa tung lên.','Có clip mấy đứa lớp 8 đánh, giờ tụi nó còn chặn đường hoài.','Lời nhắn của con: Bố ơi, đừng đánh con, con đau lắm.','Loi nhan gui ba: dung danh tui con bang day nit, tui con so lam','Loi nhan: dung bat tui e nghi hoc di lam thue, tui e moi 13t','Thông điệp của em: đừng im lặng. Chú hàng xóm từng sờ vào người em, em đã không dám nói.','Nếu được, cháu đề nghị xã mở lớp dạy bơi, vì tối nào bố cháu say rượu về cũng quất cháu.','Cháu đề nghị xã mở lớp dạy bơi, vì từ năm trước tối nào bố cháu say rượu về cũng quất cháu.','Bố đánh con gãy răng mà mẹ không tin.','Vì răng chú cứ sờ vào người cháu?','Tai rang me cu bo doi con?','Làm thế mô biết mạ có thôi đánh con không hả cô?','Lam the mo biet ma co thoi danh con ko','Có bà bán người hay dụ tụi em đi Trung Quốc làm.']) expect(assessText(text), text).toBe('danger');
	});

	it('does not hold these ordinary texts typed without diacritics', () => {
		const held = eventWordFilter('');
		for (const text of ['Du me minh ban nhung van nau com cho ca nha.','Du ma gian nhung sau do ma lai om em.','Du me toi khong co nha nhung toi van vui.','Sang nay con di me cho em di hoc.','Me cho con di me nhe','Em dong vai lon luon trong vo kich cua lop.','Em duoc giao vai lon qua, em hoi so.']) expect(held(text), text).toBe(false);
	});
});
