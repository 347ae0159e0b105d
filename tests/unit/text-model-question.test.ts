import { describe, expect, it } from 'vitest';
import { hasDangerSignal } from '$lib/domain/danger-signals';
import { assessText } from '$lib/domain/safety';
import { CLAUSE_THRESHOLD, modelDecides, modelMayAdd, modelReading, QUESTIONED_THRESHOLD, textFeatures, thresholdFor, type TextModel } from '$lib/domain/text-model';

const model: TextModel = { version: 1, bias: 0, threshold: 0.45, everydayThreshold: 0.85, weights: {} };

describe('the model beside a text the patterns read as a question', () => {
	it('may add danger when the question names the writer, but only at the higher threshold', () => {
		const text = 'Cho cháu hỏi nếu bị bố đánh thì cháu nên báo ai ạ?';
		const features = textFeatures(text);
		expect(features).toContain('x:questioned');
		expect(modelMayAdd(text)).toBe(true);
		expect(thresholdFor(model, features)).toBe(QUESTIONED_THRESHOLD);
	});

	it('may not add danger to a question about children in general, nor to a message to the hall', () => {
		expect(modelMayAdd('Nếu trẻ em bị đánh thì nên báo ai ạ?')).toBe(false);
		expect(modelMayAdd('Thông điệp: Cơ thể em là của em, không ai được chạm vào khi em không đồng ý!')).toBe(false);
	});

	it('never learns the marker: it only raises the threshold', () => {
		expect(thresholdFor(model, ['w:em'])).toBe(0.45);
	});
});

describe('a disclosure inside a forum’s voice', () => {
	it('reads the writer’s reason after "vì" on its own, with and without diacritics', () => {
		for (const text of [
			'Cháu đề nghị xã mở lớp dạy bơi cho thiếu nhi trong hè, vì tối nào bố cháu say rượu về cũng lấy dây lưng quất cháu',
			'Chau de nghi xa mo lop day boi cho thieu nhi trong he, vi toi nao bo chau say ruou ve cung lay day lung quat chau'
		]) {
			expect(hasDangerSignal(text), text).toBe(true);
			expect(assessText(text), text).toBe('danger');
		}
	});

	it('does not read a reason about children in general as a disclosure', () => {
		for (const text of [
			'Cháu đề nghị xã mở lớp kỹ năng cho các bạn bị bố mẹ đánh, vì nhiều bạn không biết báo ai',
			'Em đề nghị trường có phòng tư vấn, vì em thấy nhiều bạn bị đánh ở nhà mà không dám kể'
		]) {
			expect(hasDangerSignal(text), text).toBe(false);
			expect(modelReading(text).clauses, text).toEqual([]);
			expect(assessText(text), text).not.toBe('danger');
		}
	});

	it('lets the model read a clause that names the writer alone, at the clause threshold', () => {
		const text = 'Cho cháu hỏi xã mình có lớp học bơi không ạ, tại tối nào bố cháu say rượu cũng đánh cháu';
		const reading = modelReading(text);
		expect(reading.clauses.length).toBeGreaterThan(0);
		// A model that scores 0.5 for everything: under its own threshold, and no clause reaches CLAUSE_THRESHOLD.
		const flat: TextModel = { version: 1, bias: 0, threshold: 0.99, everydayThreshold: 0.99, weights: {} };
		expect(modelDecides(flat, reading)).toBe(false);
		// One that scores a clause above the clause threshold says danger, even when the whole text is not allowed.
		const sure: TextModel = { version: 1, bias: 5, threshold: 0.99, everydayThreshold: 0.99, weights: {} };
		expect(1 / (1 + Math.exp(-5))).toBeGreaterThan(CLAUSE_THRESHOLD);
		expect(modelDecides(sure, { ...reading, allowed: false })).toBe(true);
	});

	it('never reads a message to the hall with the model', () => {
		const text = 'Thông điệp của chúng em: không gửi ảnh riêng tư cho bất kỳ ai, kể cả người mình tin tưởng';
		expect(modelMayAdd(text)).toBe(false);
		expect(modelReading(text).clauses).toEqual([]);
	});
});
