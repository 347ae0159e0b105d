import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { cards, joinAt, submitItem, uniqueText } from './helpers';
import { createForum, organiserPage } from './staff-helpers';

/**
 * Issue 20 in the browser: the district's organiser downloads the forum's results package with a
 * recommendation sent upward; the province's organiser imports it through the page (on the same
 * server here: the package does not know or care). A second import adds nothing; an altered one is
 * refused with the translated reason.
 */
test('a district forum exported and imported into the province forum through the pages', async ({ browser }, testInfo) => {
	test.setTimeout(120_000);
	const organiser = await organiserPage(browser);
	const stamp = Date.now().toString(36);
	const district = await createForum(organiser, {
		title: `Diễn đàn trẻ em huyện Bình Gia ${stamp}`,
		level: 'district',
		delegations: ['Xã Hoa Thám'],
		moderation: false
	});
	const phone = await joinAt(browser, district.code, 'Xã Hoa Thám');
	const text = uniqueText('Đề nghị xã có thư viện mở cửa cuối tuần');
	await submitItem(phone, { text, kind: 'Kiến nghị', topic: 'Sân chơi và thư viện' });
	await expect(cards(phone, 'mine', text)).toBeVisible();

	await organiser.goto(district.eventUrl);
	await organiser.getByTestId('package-link').click();
	await expect(organiser.getByRole('heading', { level: 1 })).toContainText('Gói kết quả diễn đàn');
	await organiser.getByRole('checkbox', { name: new RegExp(text) }).check();
	const [download] = await Promise.all([organiser.waitForEvent('download'), organiser.getByRole('button', { name: 'Tải gói kết quả' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^dien-dan-tre-em-huyen-binh-gia-[a-z0-9-]+\.zip$/);
	const packagePath = testInfo.outputPath('package.zip');
	await download.saveAs(packagePath);
	const zip = await JSZip.loadAsync(readFileSync(packagePath));
	expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toMatchObject({ formatVersion: 1, counts: { submissions: 1, forwarded: 1 } });

	const province = await createForum(organiser, { title: `Diễn đàn trẻ em tỉnh Lạng Sơn ${stamp}`, level: 'province', delegations: ['Huyện Bình Gia'] });
	await organiser.getByTestId('package-link').click();
	const importing = async (path: string) => {
		await organiser.getByLabel('Tệp gói (.zip)').setInputFiles(path);
		await organiser.getByLabel('Đoàn mang các kiến nghị được gửi kèm').selectOption({ label: 'Huyện Bình Gia' });
		await organiser.getByRole('button', { name: 'Nhập gói' }).click();
	};
	await importing(packagePath);
	await expect(organiser.getByTestId('package-imported')).toHaveText(
		`Đã nhập “Diễn đàn trẻ em huyện Bình Gia ${stamp}”: 1 ý kiến, 0 việc theo dõi, 1 kiến nghị mới chờ duyệt.`
	);
	await importing(packagePath);
	await expect(organiser.getByTestId('package-imported')).toHaveText(
		`Đã cập nhật “Diễn đàn trẻ em huyện Bình Gia ${stamp}”: 1 ý kiến, 0 việc theo dõi, 0 kiến nghị mới chờ duyệt.`
	);

	const content = await zip.file('content.json')!.async('string');
	zip.file('content.json', content.replace(text, `${text} (đã sửa)`));
	const alteredPath = testInfo.outputPath('altered.zip');
	writeFileSync(alteredPath, await zip.generateAsync({ type: 'uint8array' }));
	await importing(alteredPath);
	await expect(organiser.getByTestId('package-error')).toHaveText('Nội dung gói đã bị sửa sau khi xuất (mã kiểm tra không khớp). Không có gì thay đổi.');
	const damagedPath = testInfo.outputPath('damaged.zip');
	writeFileSync(damagedPath, 'không phải tệp zip');
	await importing(damagedPath);
	await expect(organiser.getByTestId('package-error')).toHaveText('Tệp này không phải gói kết quả diễn đàn, hoặc đã bị hỏng. Không có gì thay đổi.');

	// Next year's forum can start from the imported one, as from a local one.
	await organiser.getByTestId('package-imported-forums').getByRole('link', { name: 'Tạo diễn đàn năm sau từ diễn đàn này' }).click();
	await expect(organiser.getByLabel('Tên diễn đàn')).toHaveValue(`Diễn đàn trẻ em huyện Bình Gia ${stamp}`);
	await organiser.getByLabel('Tên diễn đàn').fill(`Diễn đàn trẻ em huyện Bình Gia ${stamp} (năm sau)`);
	await organiser.getByRole('button', { name: 'Tạo diễn đàn' }).click();
	await expect(organiser.getByRole('heading', { level: 1 })).toHaveText(`Diễn đàn trẻ em huyện Bình Gia ${stamp} (năm sau)`);

	// The forwarded recommendation waits in the province's console, once, with where it came from.
	await organiser.goto(`${province.eventUrl}/console`);
	await expect(organiser.getByText(text, { exact: true })).toHaveCount(1);
	// The imported forum compiles into the province's roll-up like a local one.
	await organiser.goto(`${province.eventUrl}/roll-up`);
	await expect(organiser.getByRole('main').getByText(`Diễn đàn trẻ em huyện Bình Gia ${stamp}`).first()).toBeVisible();
});
