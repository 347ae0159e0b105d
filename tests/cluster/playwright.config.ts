import { defineConfig } from '@playwright/test';

/**
 * The multi-process tests (`npm run test:cluster`, part of `npm test`, after `vite build`): each test
 * starts its own cluster (tests/cluster/cluster.ts: PostgreSQL, Redis, two `node server.js`, nginx),
 * so there is no shared web server here. One at a time: three app processes and a browser already
 * fill a 2-core machine.
 */
export default defineConfig({
	testDir: '.',
	testMatch: '**/*.test.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: Boolean(process.env.CI),
	retries: process.env.CI ? 1 : 0,
	timeout: 120_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: '../../playwright-report-cluster' }]] : [['list']],
	outputDir: '../../test-results/cluster',
	use: {
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [{ name: 'cluster', use: { browserName: 'chromium' } }]
});
