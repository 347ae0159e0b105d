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
		const floor = [];
		for (let run = 0; run < RUNS; run++) {
			// The floor: a page of ours with text and styles but no scripts (the chaperone page's
			// "link not valid"), in a tab as cold and as slow. What is above it is the scripts' cost.
			const bare = await slowPhone(browser, storageState);
			let started = Date.now();
			await bare.page.goto(`${origin}/gui-truoc/0`, { waitUntil: 'load' });
			floor.push(Date.now() - started);
			await bare.context.close();

			const { context, page } = await slowPhone(browser, storageState);
			started = Date.now();
			await page.goto(`${origin}/j/${code}`);
			await page.locator('body[data-ready]').waitFor({ state: 'attached', timeout: 30_000 });
			usable.push(Date.now() - started);
			await page.locator('[data-testid=connection][data-state=online]').waitFor({ timeout: 30_000 });
			live.push(Date.now() - started);
			await context.close();
		}
		const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
		return { usableMs: median(usable), liveMs: median(live), floorMs: median(floor), runs: RUNS };
	} finally {
		await browser.close();
	}
}

/** A new tab with nothing cached, on slow 4G with a CPU four times slower. */
async function slowPhone(browser, storageState) {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 150,
		downloadThroughput: (1.6 * 1024 * 1024) / 8,
		uploadThroughput: (750 * 1024) / 8
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	return { context, page };
}
