import { describe, expect, it } from 'vitest';
import { clientAddress } from '$lib/server/realtime/client-address';

const behindFront = (forwarded?: string) => ({ address: '127.0.0.1', headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } });

describe("a live connection's address", () => {
	it("is the socket's own without ADDRESS_HEADER, whatever a client writes in X-Forwarded-For", () => {
		expect(clientAddress(behindFront('203.0.113.7'), {})).toBe('127.0.0.1');
	});

	it('is the entry XFF_DEPTH from the right behind a front, as the pages read it', () => {
		const env = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' };
		// A client may prepend anything; the front appends the address it saw.
		expect(clientAddress(behindFront('10.9.9.9, 203.0.113.7'), env)).toBe('203.0.113.7');
		expect(clientAddress(behindFront('198.51.100.2, 203.0.113.7'), { ...env, XFF_DEPTH: '2' })).toBe('198.51.100.2');
	});

	it("falls back to the socket's address when the header is missing or shorter than the depth", () => {
		const env = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '2' };
		expect(clientAddress(behindFront(), env)).toBe('127.0.0.1');
		expect(clientAddress(behindFront('203.0.113.7'), env)).toBe('127.0.0.1');
	});

	it('reads another header whole (e.g. X-Real-IP)', () => {
		expect(clientAddress({ address: '127.0.0.1', headers: { 'x-real-ip': '203.0.113.9' } }, { ADDRESS_HEADER: 'X-Real-IP' })).toBe('203.0.113.9');
	});
});
