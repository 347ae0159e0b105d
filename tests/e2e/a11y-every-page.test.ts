import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { JOIN_PATH } from './helpers';
import { createForum, organiserPage } from './staff-helpers';

/**
 * Every page type, in Vietnamese and English, with axe's WCAG 2.1 AA rules: no violation of any
 * impact. The pages with live state (room, console, screen, follow-ups) have their own tests in
 * a11y.test.ts; this one walks the rest as a signed-in organiser and as a visitor.
 */
for (const locale of ['vi', 'en'] as const)
	test(`every page, ${locale}: no axe violation`, async ({ browser, baseURL }) => {
		test.setTimeout(120_000);
		const organiser = await organiserPage(browser);
		const { eventUrl, code } = await createForum(organiser, { title: `Diễn đàn a11y ${locale} ${Date.now()}`, delegations: ['Xã A', 'Xã B'] });
		const visitor = await (await browser.newContext()).newPage();
		for (const page of [organiser, visitor]) await page.context().addCookies([{ name: 'dd_locale', value: locale, url: baseURL! }]);
		const pages: [typeof organiser, string][] = [
			[visitor, '/'],
			[visitor, JOIN_PATH],
			[visitor, '/login'],
			[visitor, `/ket-qua/${code}`],
			[organiser, '/staff'],
			[organiser, '/staff/events/new'],
			[organiser, eventUrl],
			[organiser, `${eventUrl}/edit`],
			[organiser, `${eventUrl}/seats`],
			[organiser, `${eventUrl}/leader`],
			[organiser, `${eventUrl}/pre-event`],
			[organiser, `${eventUrl}/log`],
			[organiser, `${eventUrl}/package`],
			[organiser, `${eventUrl}/roll-up`],
			[organiser, '/staff/agency'],
			[organiser, '/staff/log'],
			[organiser, '/staff/account']
		];
		const found: string[] = [];
		for (const [page, path] of pages) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBeLessThan(400);
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			for (const v of results.violations) found.push(`${path}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
		}
		await organiser.context().close();
		await visitor.context().close();
		expect(found).toEqual([]);
	});
