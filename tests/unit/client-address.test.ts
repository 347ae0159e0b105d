/**
 * Behind nginx every live connection comes from 127.0.0.1: without reading X-Forwarded-For the
 * per-address socket cap and the item and vote ceilings would treat a whole province as one hall.
 */
import { describe, expect, it } from 'vitest';
import { clientAddress } from '$lib/server/http/client-address';

const behindNginx = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' };

describe("a live connection's address", () => {
	it('is the connection’s own without ADDRESS_HEADER, whatever a client claims in its headers', () => {
		expect(clientAddress({ address: '192.168.1.7', headers: { 'x-forwarded-for': '1.2.3.4' } }, {})).toBe('192.168.1.7');
	});

	it('is the address our proxy appended, not one the client put in front of it', () => {
		const handshake = { address: '127.0.0.1', headers: { 'x-forwarded-for': '6.6.6.6, 203.113.5.9' } };
		expect(clientAddress(handshake, behindNginx)).toBe('203.113.5.9');
		expect(clientAddress(handshake, { ...behindNginx, XFF_DEPTH: '2' })).toBe('6.6.6.6');
	});

	it('falls back to the connection’s address when the header is missing (a request that did not pass the proxy)', () => {
		expect(clientAddress({ address: '127.0.0.1', headers: {} }, behindNginx)).toBe('127.0.0.1');
	});

	it('reads another header as it is', () => {
		expect(clientAddress({ address: '127.0.0.1', headers: { 'x-real-ip': ' 10.1.2.3 ' } }, { ADDRESS_HEADER: 'X-Real-IP' })).toBe('10.1.2.3');
	});
});
