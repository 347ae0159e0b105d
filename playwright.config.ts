import { defineConfig } from '@playwright/test';
import { E2E_BASE_URL, E2E_DATABASE_PATH, E2E_PORT } from './tests/e2e/env';

/**
 * End-to-end tests against the production build (`vite build` runs before this, see `npm run test:e2e`).
 * One server on a fresh SQLite file for the whole run; tests share it and stay independent by using
 * unique texts. The projection screen's secret key is read from that database in global setup.
 */
export default defineConfig({
	testDir: './tests/e2e',
	testMatch: '**/*.test.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: Boolean(process.env.CI),
	retries: process.env.CI ? 1 : 0,
	timeout: 45_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
	globalSetup: './tests/e2e/global-setup.ts',
	use: {
		baseURL: E2E_BASE_URL,
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
	projects: [
		{
			name: 'chromium',
			// The default `page` is a phone; tests that need more open their own contexts.
			use: { browserName: 'chromium', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
		}
	],
	webServer: {
		// Deletes the test database, then runs server.js (the real production entry) on it.
		command: 'node tests/e2e/serve.js',
		url: `${E2E_BASE_URL}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
		env: {
			PORT: String(E2E_PORT),
			HOST: '127.0.0.1',
			DATABASE_PATH: E2E_DATABASE_PATH,
			DEMO_EVENT: 'unmoderated',
			// The suite guesses codes from many loopback addresses (join-throttle, fuzz-http): lift the
			// server-wide failure budget so one test cannot stop the next; join-guard.test.ts tests it.
			JOIN_FAILURES_GLOBAL_PER_MINUTE: '1000000'
		}
	}
});
