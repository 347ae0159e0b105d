/**
 * DNS rebinding: a page on the attacker's public name, re-pointed at the server's LAN address,
 * sends Origin and Host that agree. The outside test's handshake with both set to a foreign name
 * was accepted; only this server's configured names and the hall's network are now.
 */
import { describe, expect, it } from 'vitest';
import { isAllowedHost } from '$lib/server/realtime/origin';

describe('the Host a request may name', () => {
	const none = {};

	it('accepts IP addresses (nothing to rebind), localhost, .local and single-label names (only the hall’s network resolves them)', () => {
		for (const host of [
			'192.168.1.20:3000',
			'10.0.0.5',
			'172.16.4.1:80',
			'172.31.255.255',
			'127.0.0.1:4303',
			'169.254.10.10',
			'localhost:5173',
			'app.localhost',
			'dien-dan.local:3000',
			'dien-dan:3000',
			'[::1]:3000',
			'[fd12:3456::1]',
			'[fe80::1]:3000',
			'203.0.113.5:3000',
			'[2001:db8::1]'
		])
			expect(isAllowedHost(host, none), host).toBe(true);
	});

	it('refuses public names (a rebinding page’s), and a missing or broken Host', () => {
		for (const host of ['evil.example:3000', 'evil.example', 'rebind.attacker.com', '192.168.1.20.nip.io', '999.1.1.1', '', undefined, 'a b'])
			expect(isAllowedHost(host, none), String(host)).toBe(false);
	});

	it('accepts the configured names: ORIGIN, PUBLIC_ORIGIN and ALLOWED_HOSTS', () => {
		const env = { ORIGIN: 'https://forum.example.vn', PUBLIC_ORIGIN: 'http://hoi-truong.example.org:3000', ALLOWED_HOSTS: 'a.example, B.Example:8080' };
		for (const host of ['forum.example.vn', 'FORUM.example.vn:443', 'hoi-truong.example.org:3000', 'a.example', 'b.example'])
			expect(isAllowedHost(host, env), host).toBe(true);
		expect(isAllowedHost('evil.example', env)).toBe(false);
	});
});
