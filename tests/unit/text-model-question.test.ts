import { describe, expect, it } from 'vitest';
import { modelMayAdd, QUESTIONED_THRESHOLD, textFeatures, thresholdFor, type TextModel } from '$lib/domain/text-model';

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
