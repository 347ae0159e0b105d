import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { joinKeyOf } from '../../src/lib/server/auth/participant-session';
import { DEMO_CODE, E2E_BASE_URL, E2E_PORT } from './env';

/**
 * Guessing join codes over real HTTP, from addresses of their own (other loopback addresses), so
 * the rest of the suite, which comes from 127.0.0.1, is not slowed down. (The server-wide budget
 * is lifted for the suite in playwright.config.ts and tested in tests/integration/join-guard.test.ts.)
 */
interface Answer {
	status: number;
	location?: string;
	body: string;
	cookies: Record<string, string>;
}
function send(path: string, from: string, { cookie = '', form }: { cookie?: string; form?: Record<string, string> } = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const body = form ? new URLSearchParams(form).toString() : null;
		const headers: Record<string, string> = { accept: 'text/html', cookie: `dd_locale=vi${cookie ? `; ${cookie}` : ''}` };
		if (body !== null) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', origin: E2E_BASE_URL });
		const req = httpRequest({ host: '127.0.0.1', port: E2E_PORT, path, method: body === null ? 'GET' : 'POST', localAddress: from, headers }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () => {
				const cookies = Object.fromEntries(
					(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0].split('=') as [string, string]).map(([k, ...v]) => [k, v.join('=')])
				);
				resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: text, cookies });
			});
		});
		req.on('error', reject);
		req.end(body ?? undefined);
	});
}
const randomAddress = () => `127.0.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 200) + 20}`;
const WAIT = 'Nhập sai quá nhiều lần. Em đợi một phút rồi thử lại nhé.';

test("one phone's wrong codes stop that phone only: the rest of the hall, behind the same address, goes on", async () => {
	const hall = randomAddress();
	// The code form on /j hands the typed code on to the join page, where it is looked up.
	expect(await send('/j?code=zzzz2', hall)).toMatchObject({ status: 303, location: '/j/ZZZZ2' });
	// The phone gets its device cookie on its first visit.
	const first = await send(`/j/${DEMO_CODE}`, hall);
	expect(first.status).toBe(200);
	const device = `dd_device=${first.cookies.dd_device}`;
	expect(first.cookies.dd_device).toMatch(/^[a-z2-7]{32}$/);

	// 30 wrong codes from that phone (the old per-address limit stopped the whole hall here).
	const statuses = [];
	for (let i = 0; i < 30; i++) statuses.push((await send(`/j/ZZ${i}Q`, hall, { cookie: device })).status);
	expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
	expect(statuses.slice(10)).toEqual(Array(20).fill(429));
	const refused = await send(`/j/${DEMO_CODE}`, hall, { cookie: device });
	expect(refused.status).toBe(429);
	expect(refused.body).toContain(WAIT);

	// Another phone behind the same address, and one on its first visit, type the right code and get in.
	const other = await send(`/j/${DEMO_CODE}`, hall);
	expect(other.status).toBe(200);
	expect((await send(`/j/${DEMO_CODE}`, hall, { cookie: `dd_device=${other.cookies.dd_device}` })).status).toBe(200);
});

test("a script at one address meets a hall's worth of failures; the screen's QR link still lets a child in and join", async () => {
	const hall = randomAddress();
	const key = joinKeyOf(process.env.E2E_DISPLAY_KEY!);
	// The screen's QR code carries the key.
	expect((await send(`/screen/${process.env.E2E_DISPLAY_KEY}`, '127.0.0.1')).body).toContain(`/j/${DEMO_CODE}?k=${key}`);

	// A script without cookies: 300 failures, then the address waits, even for the right code.
	for (let i = 0; i < 300; i++) expect((await send(`/j/ZY${i}QQ`, hall)).status).toBe(404);
	expect((await send(`/j/${DEMO_CODE}`, hall)).status).toBe(429);
	// The public outcome page looks codes up the same way: it is no unthrottled oracle.
	expect((await send(`/ket-qua/${DEMO_CODE}`, hall)).status).toBe(429);
	expect((await send(`/ket-qua/${DEMO_CODE}`, '127.0.0.1')).status).toBe(200);

	// The QR link: in, and the join form's POST (whose URL drops the query) goes through with the key's cookie.
	const scanned = await send(`/j/${DEMO_CODE}?k=${key}`, hall);
	expect(scanned.status).toBe(200);
	expect(scanned.cookies.dd_join_key).toBe(key);
	const delegationId = /name="delegationId"[^>]*value="([^"]+)"/.exec(scanned.body)?.[1] ?? /value="([^"]+)"[^>]*name="delegationId"/.exec(scanned.body)?.[1];
	expect(delegationId).toBeTruthy();
	const joined = await send(`/j/${DEMO_CODE}?/join`, hall, { cookie: `dd_join_key=${key}`, form: { delegationId: delegationId! } });
	expect(joined.status).toBe(303);
	const session = joined.cookies.dd_participant;
	expect(session).toMatch(/^[a-z2-7]{32}$/);
	// A joined phone always gets back in; a wrong key is no help.
	expect((await send(`/j/${DEMO_CODE}`, hall, { cookie: `dd_participant=${session}` })).status).toBe(200);
	expect((await send(`/j/${DEMO_CODE}?k=${'a'.repeat(26)}`, hall)).status).toBe(429);

	// Joining again with that session gives it back rather than making a new child.
	const again = await send(`/j/${DEMO_CODE}?/join`, hall, { cookie: `dd_participant=${session}; dd_join_key=${key}`, form: { delegationId: delegationId! } });
	expect(again.status).toBe(303);
	expect(again.cookies.dd_participant).toBeUndefined();
});
