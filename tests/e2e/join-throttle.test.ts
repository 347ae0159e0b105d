import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { DEMO_CODE, E2E_PORT } from './env';

/**
 * Guessing join codes over real HTTP, from addresses of its own (other loopback addresses), so the
 * rest of the suite, which comes from 127.0.0.1, is not slowed down.
 */
function get(path: string, from: string): Promise<{ status: number; location?: string; body: string }> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			{ host: '127.0.0.1', port: E2E_PORT, path, localAddress: from, headers: { accept: 'text/html', cookie: 'dd_locale=vi' } },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
			}
		);
		req.on('error', reject);
		req.end();
	});
}

test('30 unknown codes a minute from one address, then a translated "wait a minute"; other addresses go on', async () => {
	const guesser = `127.0.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 200) + 20}`;
	// The code form on /j hands the typed code on to the join page, where it is looked up.
	const typed = await get('/j?code=zzzz2', guesser);
	expect(typed).toMatchObject({ status: 303, location: '/j/ZZZZ2' });
	for (let i = 0; i < 30; i++) expect((await get(`/j/ZZ${i}Q`, guesser)).status).toBe(404);

	const refused = await get('/j/ZZZZ3', guesser);
	expect(refused.status).toBe(429);
	expect(refused.body).toContain('Nhập sai quá nhiều lần. Em đợi một phút rồi thử lại nhé.');
	// Past the limit even the right code waits, so guessing learns nothing; another address is not affected.
	expect((await get(`/j/${DEMO_CODE}`, guesser)).status).toBe(429);
	expect((await get(`/j/${DEMO_CODE}`, '127.0.1.1')).status).toBe(200);
});
