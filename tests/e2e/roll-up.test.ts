import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { readSheet } from 'read-excel-file/node';
import { expect, test, type Page } from '@playwright/test';
import { AGENCY, forumWithFollowUp } from './follow-up-helpers';
import { accept, createForum, invite } from './staff-helpers';

async function axeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return results.violations.map((v) => `${page.url()}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

async function download(page: Page, link: ReturnType<Page['getByRole']>) {
	const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
	return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

test('the province links a district, downloads the roll-up; the agency’s officer sees it across forums and exports it', async ({ browser }) => {
	test.setTimeout(180_000);
	const { organiser, forum: district, text } = await forumWithFollowUp(browser);
	const stamp = Date.now().toString(36);
	const province = await createForum(organiser, { title: `Diễn đàn trẻ em tỉnh ${stamp}`, level: 'province', delegations: ['Huyện Văn Quan'], agencies: [AGENCY], topics: [`Vui chơi | ${AGENCY}`] });

	// From the province's page to its roll-up; the district (organised by the same person) is linked there.
	await organiser.getByTestId('rollup-link').click();
	await organiser.waitForURL(/\/roll-up$/);
	await expect(organiser.getByTestId('rollup-empty')).toBeVisible();
	await organiser.getByLabel('Diễn đàn cấp dưới do bạn tổ chức').selectOption(district.eventId);
	await organiser.getByRole('button', { name: 'Liên kết vào bản tổng hợp' }).click();
	await expect(organiser.getByRole('status')).toHaveText('Đã liên kết diễn đàn.');
	const rows = organiser.getByTestId('rollup-forums').getByTestId('rollup-row');
	await expect(rows).toHaveCount(2);
	// One child, one item, one follow-up: the district's row and the total say so.
	for (const row of [rows.first(), rows.last()]) await expect(row.getByRole('cell').nth(3)).toHaveText('1');
	await expect(rows.last()).toContainText('Tổng cộng');
	// The charts are images drawn on the server, each with its words as the alternative text.
	const chart = organiser.getByRole('img', { name: 'Số ý kiến theo chủ đề' });
	await expect(chart).toBeVisible();
	await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
	expect(await axeViolations(organiser)).toEqual([]);

	const docx = await download(organiser, organiser.getByRole('link', { name: 'Tải báo cáo tổng hợp (Word)' }));
	expect(docx.name).toBe(`bao-cao-tong-hop-${province.code}.docx`);
	const zip = await JSZip.loadAsync(docx.body);
	const body = await zip.file('word/document.xml')!.async('string');
	expect(body).toContain('BÁO CÁO TỔNG HỢP');
	// Figures, not the list of items: the district by name, its one follow-up counted.
	expect(body).toContain('Diễn đàn theo dõi ');
	expect(body).toContain('Số diễn đàn cấp dưới được tổng hợp: 1.');
	expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/') && name.endsWith('.svg'))).toBe(true);
	const xlsx = await download(organiser, organiser.getByRole('link', { name: 'Tải bảng tổng hợp (Excel)' }));
	const summary = await readSheet(xlsx.body, 'Tổng hợp');
	expect(summary.map((r) => r[0])).toEqual(['Diễn đàn', expect.stringMatching(/^Diễn đàn theo dõi /), 'Tổng cộng']);

	// An officer of the district's agency: the agency view lists the follow-up, and exports it.
	await organiser.goto(district.eventUrl);
	const officer = await accept(browser, await invite(organiser, 'Cán bộ theo dõi', AGENCY), `cq-${stamp}`, `Cán bộ cơ quan ${stamp}`);
	await officer.getByTestId('agency-view-link').click();
	await officer.waitForURL(/\/staff\/agency$/);
	await expect(officer.getByTestId('agency-names')).toContainText(AGENCY);
	await expect(officer.getByTestId('tracking-row').filter({ hasText: text })).toBeVisible();
	expect(await axeViolations(officer)).toEqual([]);
	// The filters stay in the URL, so the link can be shared.
	await officer.getByLabel('Diễn đàn').selectOption({ value: district.eventId });
	await officer.getByRole('button', { name: 'Lọc' }).click();
	await officer.waitForURL(new RegExp(`event=${district.eventId}`));
	await expect(officer.getByTestId('tracking-row')).toHaveCount(1);
	const list = await download(officer, officer.getByRole('link', { name: 'Tải danh sách (Excel)' }));
	expect(list.name).toBe('co-quan-theo-doi.xlsx');
	const sheet = await readSheet(list.body);
	expect(sheet.slice(1).map((r) => r[3])).toEqual([text]);

	// The roll-up is the organiser's: the officer is shown nothing.
	expect((await officer.goto(`${province.eventUrl}/roll-up`))?.status()).toBe(404);
	expect((await officer.goto(`${province.eventUrl}/roll-up/docx`))?.status()).toBe(404);
	await officer.context().close();
	await organiser.context().close();
});
