import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { DEMO_CODE } from './env';
import { hydrated, joinForum, submitItem } from './helpers';

/**
 * The demo as a newcomer meets it: `npm start` (server.js --demo) on a fresh machine seeds the demo
 * event and says so; the first account made at /setup organises it, so its page and console open at
 * once; it is moderated as a real forum is. A production start (`npm run serve`) seeds nothing.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

/** `node server.js [args]` on a fresh database, without DEMO_EVENT in its environment. */
async function serve(args: string[]) {
	const dir = mkdtempSync(join(tmpdir(), 'dien-dan-demo-'));
	const port = await freePort();
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'forum.db') };
	delete env.DEMO_EVENT;
	const child: ChildProcess = spawn(process.execPath, ['server.js', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	await expect.poll(() => log, { timeout: 60_000 }).toMatch(/Join page:|Production mode/);
	// The startup lines are printed together; give the last ones a moment.
	await new Promise((resolve) => setTimeout(resolve, 300));
	return {
		origin: `http://127.0.0.1:${port}`,
		log: () => log,
		events: () => {
			const db = new Database(join(dir, 'forum.db'), { readonly: true });
			try {
				return db.prepare('select code, moderation from events').all() as { code: string; moderation: number }[];
			} finally {
				db.close();
			}
		},
		async close() {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

test.setTimeout(120_000);

test('a production start seeds no demo event and says it runs without one', async () => {
	const server = await serve([]);
	try {
		expect(server.log()).toContain('Production mode: no demo event is seeded');
		expect(server.log()).not.toContain(`/j/${DEMO_CODE}`);
		expect(server.events()).toEqual([]);
		expect((await fetch(`${server.origin}/j/${DEMO_CODE}`)).status).toBe(404);
	} finally {
		await server.close();
	}
});

test('npm start runs the demo: moderated, organised by the first account, its console open at once', async ({ browser }) => {
	const server = await serve(['--demo']);
	try {
		expect(server.log()).toContain('Demo mode (DEMO_EVENT=on)');
		expect(server.log()).toContain(`Join page:         ${server.origin}/j/${DEMO_CODE}`);
		expect(server.events()).toEqual([{ code: DEMO_CODE, moderation: 1 }]);

		// The newcomer makes the first account and lands on the demo event's page and console.
		const mc = await (await browser.newContext({ baseURL: server.origin, viewport: { width: 1366, height: 768 } })).newPage();
		await mc.goto('/setup');
		await hydrated(mc);
		await mc.getByLabel('Họ và tên').fill('Người dùng thử');
		await mc.getByLabel('Tên đăng nhập').fill('dung.thu');
		await mc.getByLabel('Mật khẩu').fill('mat-khau-dung-thu-2024');
		await mc.getByRole('button', { name: 'Tạo tài khoản' }).click();
		await mc.getByRole('link', { name: 'Diễn đàn trẻ em huyện Văn Quan năm 2024' }).first().click();
		await expect(mc.getByRole('heading', { level: 1 })).toHaveText('Diễn đàn trẻ em huyện Văn Quan năm 2024');
		await mc.getByRole('link', { name: 'Mở bàn điều phối' }).click();
		await expect(mc.getByTestId('connection')).toHaveAttribute('data-state', 'online');

		// A child's item waits for the MC: the demo is moderated.
		const phone = await (await browser.newContext({ baseURL: server.origin, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
		await joinForum(phone, 'Xã Vĩnh Lại');
		const text = `Sân chơi của xã em khi nào có đèn? ${Date.now().toString(36)}`;
		await submitItem(phone, { text });
		await expect(mc.getByText(text)).toBeVisible();
		await expect(phone.getByTestId('feed').getByText(text)).toHaveCount(0);
		await phone.context().close();
		await mc.context().close();
	} finally {
		await server.close();
	}
});
