// The child's phone on a poor connection, measured rather than asserted: Lighthouse's "slow 4G"
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and a CPU four times slower, through
// Chromium's own emulation. A joined child opens the room with nothing cached; we time until the
// app runs the composer (usable) and until the room is live. Medians of several runs.
import { chromium } from '@playwright/test';

const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5);

export async function measurePhoneLoad(origin, code, delegationName) {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
	});
	try {
		const joined = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const page = await joined.newPage();
		await page.goto(`${origin}/j/${code}`);
		await page.getByRole('radio', { name: delegationName, exact: true }).check();
		await page.getByRole('button', { name: 'Vào diễn đàn' }).click();
		await page.locator('body[data-ready]').waitFor({ state: 'attached' });
		const storageState = await joined.storageState();
		const usable = [];
		const live = [];
		for (let run = 0; run < RUNS; run++) {
			const cold = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState });
			const phone = await cold.newPage();
			const cdp = await cold.newCDPSession(phone);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: 150,
				downloadThroughput: (1.6 * 1024 * 1024) / 8,
				uploadThroughput: (750 * 1024) / 8
			});
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			const started = Date.now();
			await phone.goto(`${origin}/j/${code}`);
			await phone.locator('body[data-ready]').waitFor({ state: 'attached', timeout: 30_000 });
			usable.push(Date.now() - started);
			await phone.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 30_000 });
			live.push(Date.now() - started);
			await cold.close();
		}
		const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		return { usableMs: median(usable), liveMs: median(live), runs: RUNS };
	} finally {
		await browser.close();
	}
}
