import { expect, test } from '@playwright/test';
import { auditRowsAfter, lastAuditId } from '../db-snapshot';
import { E2E_DATABASE_PATH } from './env';
import { LAPTOP, signInOrganiser } from './staff-helpers';

/**
 * Over the production build: cross-site form posts and made-up staff cookies, from nobody signed
 * in, are counted and sampled in the audit log instead of adding one row each.
 */
test('refusals from nobody signed in add a few rows with a count, not one row each', async ({ browser, playwright, baseURL }) => {
	const organiser = await (await browser.newContext(LAPTOP)).newPage();
	await signInOrganiser(organiser);
	const before = lastAuditId(E2E_DATABASE_PATH);

	const stranger = await playwright.request.newContext({ baseURL });
	for (let i = 0; i < 60; i++) {
		const forged = await stranger.post(`/staff/events/new?n=${i}`, {
			form: { title: `Bị sửa trộm ${i}` },
			headers: { origin: 'http://evil.example' },
			maxRedirects: 0
		});
		expect(forged.status()).toBe(403);
		const cookie = Array.from({ length: 32 }, () => 'abcdefghijklmnopqrstuvwxyz234567'[Math.floor(Math.random() * 32)]).join('');
		const page = await stranger.get(`/staff/follow-ups?n=${i}`, { headers: { cookie: `dd_staff=${cookie}` }, maxRedirects: 0 });
		expect(page.status()).toBe(303);
	}
	await stranger.dispose();

	const rows = auditRowsAfter(E2E_DATABASE_PATH, before);
	// Two kinds, each three samples and one count per minute; the run may straddle a minute.
	expect(rows.length).toBeLessThanOrEqual(16);
	const counted = (kind: string) => rows.filter((r) => r.action.startsWith(`${kind} `)).reduce((n, r) => n + (Number(/ ×(\d+)$/.exec(r.action)?.[1] ?? 0) || 0), 0);
	expect(counted('form')).toBeGreaterThanOrEqual(60 - 6);

	await organiser.goto('/staff/log');
	await expect(organiser.getByTestId('audit-log').getByRole('row').filter({ hasText: /form ×\d+/ }).first()).toContainText('gửi từ một trang khác');
	await expect(organiser.getByTestId('audit-log').getByRole('row').filter({ hasText: /session ×\d+/ }).first()).toContainText('Phiên đăng nhập không hợp lệ');
});
