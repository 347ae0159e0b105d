import JSZip from 'jszip';
import { readSheet } from 'read-excel-file/node';
import { expect, test, type Browser, type BrowserContext, type Locator, type Page, type Response } from '@playwright/test';
import { hydrated, PHONE, SCREEN } from './helpers';
import { createForum, invite, LAPTOP, signInOrganiser } from './staff-helpers';

/**
 * Script injection, end to end: hostile strings typed wherever someone can type (a child's item
 * and nickname, the organiser's delegation, topic and agency names and event title, poll
 * questions and options, a chaperone's item sent ahead, a leader's answer, a follow-up's response)
 * must come back as plain text on every surface that shows them, never as markup, and must reach
 * the Word, Excel and CSV files as text (never a formula). Everything runs in one forum of its own.
 */

const RLO = '\u202E';
/** What the app keeps of a string: bidi controls are dropped on the way in (normaliseText), so an RTL override cannot reverse what the hall reads. */
const shown = (raw: string) => raw.replaceAll(RLO, '');

/** One string per way out of text: each is a child's item, a delegation, an agency and (without a "|") a topic. */
const PAYLOADS = [
	'<script>window.__xss=1</script>',
	'<img src=x onerror="window.__xss=1">',
	'"><svg onload=window.__xss=1>',
	'javascript:window.__xss=1',
	"{@html '<b>x</b>'}",
	'</textarea><script>window.__xss=1</script>',
	'<iframe srcdoc="<script>parent.__xss=1</script>">',
	`Ảnh lớp em ${RLO}gpj.exe`,
	'${window.__xss=1}',
	'`${alert(document.domain)}`',
	"=cmd|' /C calc'!A0",
	`'"></script><script>window.__xss=1</script>`,
	'&lt;img src=x onerror=window.__xss=1&gt; &amp;'
];
const SHOWN = PAYLOADS.map(shown);
const DELEGATIONS = PAYLOADS;
const AGENCIES = PAYLOADS;
/** "Topic | Agency" is the topics list's format: a topic's name cannot hold a "|". */
const TOPICS = PAYLOADS.filter((p) => !p.includes('|'));

const stamp = Date.now().toString(36);
const TITLE = `Diễn đàn XSS <script>window.__xss=1</script> ${stamp}`;
const THEME = '"><img src=x onerror="window.__xss=1">';
const NICK_A = '<img src=x onerror=__xss=1>'; // nicknames: 30 characters at most
const NICK_B = '"><svg onload=alert(1)>';
const SUMMARY = '=1+2 <img src=x onerror="window.__xss=1"></textarea><script>window.__xss=1</script>';
const ANSWERED_BY = '-1+1 <b>x</b><svg onload=window.__xss=1>';
const NOTE = '@SUM(1) <iframe srcdoc="<script>parent.__xss=1</script>">';
const RESPONSE = "+cmd|' /C calc'!A0 </textarea><script>window.__xss=1</script><img src=x onerror=window.__xss=1>";
const REASON = '<svg onload=window.__xss=1> ${window.__xss=1}';
const WAY = "javascript:window.__xss=1 {@html '<b>x</b>'}";
const LEADER_NAME = 'Lãnh đạo <img src=x onerror=window.__xss=1>';
const POLL_QUESTION = PAYLOADS[0];
const POLL_OPTIONS = SHOWN.slice(1); // twelve, the most a poll takes
/** Sent ahead by a chaperone; the first goes to the leader's agency and is left open. */
const AHEAD = [
	'Gửi trước </textarea><img src=x onerror="window.__xss=1">',
	`Gửi trước '"></script><script>window.__xss=1</script>`,
	'=HYPERLINK("javascript:window.__xss=1","bấm") gửi trước'
];

/** Children's items: text, topic, agency; phone A sends the first seven, phone B the rest (10 a minute per child). */
const ITEMS = SHOWN.map((text, i) => ({ text, topic: TOPICS[i % TOPICS.length], agency: i < 12 ? AGENCIES[i] : AGENCIES[0] }));
const DEL_A = DELEGATIONS[0];
const DEL_B = DELEGATIONS[6];
const DEL_CHAPERONE = DELEGATIONS[5];
const ANSWERED = ITEMS[0]; // the leader answers it (agency 0)
const FOLLOWED = ITEMS[12]; // the leader hands it over (agency 0); from phone B

/** Every ASCII sign as \xHH: Playwright's selector for a regex holding both ' and " does not parse (1.65). */
const esc = (s: string) => s.replace(/[^A-Za-z0-9 \u0080-\uffff]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const exactly = (s: string) => new RegExp(`^\\s*${esc(s)}\\s*$`);
/** The card (by test id) whose `p.text` is exactly this text. */
const card = (scope: Locator, testId: string, text: string) =>
	scope.getByTestId(testId).filter({ has: scope.page().locator('p.text').filter({ hasText: exactly(text) }) });

// ---------------------------------------------------------------------------------------------
// Watching every browser: dialogs, CSP violations, requests an <img src=x> would make, CSP headers.

const dialogs: string[] = [];
const strayRequests: string[] = [];
const missingCsp: string[] = [];
const watched: { page: Page; name: string }[] = [];

async function watchedContext(browser: Browser, name: string, options: Parameters<Browser['newContext']>[0]): Promise<Page> {
	const context = await browser.newContext(options);
	await context.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
	});
	context.on('dialog', (dialog) => {
		dialogs.push(`${name}: ${dialog.type()} ${dialog.message()}`);
		void dialog.dismiss();
	});
	context.on('request', (request) => {
		if (new URL(request.url()).pathname.endsWith('/x')) strayRequests.push(`${name}: ${request.url()}`);
	});
	context.on('response', (response) => checkCspPresent(response, name));
	const page = await context.newPage();
	watched.push({ page, name });
	return page;
}

function checkCspPresent(response: Response, name: string) {
	const request = response.request();
	if (request.resourceType() !== 'document' || !(response.headers()['content-type'] ?? '').includes('text/html')) return;
	if (!response.headers()['content-security-policy']) missingCsp.push(`${name}: ${request.method()} ${response.url()}`);
}

/** The policy svelte.config.js sets (kit.csp, mode auto: a fresh nonce per server-rendered page). */
function expectStrictCsp(response: Response | null, label: string) {
	const header = response?.headers()['content-security-policy'];
	expect(header, `${label}: Content-Security-Policy header`).toBeTruthy();
	const directives = new Map(
		header!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter(([k]) => k)
			.map(([k, ...v]) => [k, v])
	);
	const script = directives.get('script-src') ?? [];
	expect(script, `${label}: script-src`).toContain("'self'");
	expect(script.filter((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v)), `${label}: one nonce`).toHaveLength(1);
	// Inline scripts and handlers (onerror=, onload=) run only with 'unsafe-inline'/'unsafe-hashes'; eval only with 'unsafe-eval'.
	for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'data:', 'http:', 'https:'])
		expect(script, `${label}: script-src without ${loose}`).not.toContain(loose);
	expect(directives.has('script-src-attr') || directives.has('script-src-elem'), `${label}: no looser per-kind script rule`).toBe(false);
	expect(directives.get('default-src'), `${label}: default-src`).toEqual(["'self'"]);
	expect(directives.get('object-src'), `${label}: object-src`).toEqual(["'none'"]);
	expect(directives.get('base-uri'), `${label}: base-uri`).toEqual(["'self'"]);
	expect(directives.get('frame-ancestors'), `${label}: frame-ancestors`).toEqual(["'none'"]);
	expect(directives.get('connect-src'), `${label}: connect-src`).toEqual(["'self'"]);
	return script.find((v) => v.startsWith("'nonce-"))!.slice(7, -1);
}

/** The page's inline scripts are the server's own: each carries the nonce its response announced. */
async function expectNonced(page: Page, nonce: string, label: string) {
	const nonces = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.nonce));
	expect(nonces.length, `${label}: inline scripts`).toBeGreaterThan(0);
	expect(nonces, `${label}: every inline script has the header's nonce`).toEqual(nonces.map(() => nonce));
}

/**
 * Nothing from a payload became markup or ran in this page: no element a payload could make, no
 * event-handler attribute, no javascript: URL, no inline script without the server's nonce, no
 * CSP violation, window.__xss never set, no RTL override in the text.
 */
async function expectClean(page: Page, name: string) {
	const found = await page.evaluate((rlo) => {
		const bad: string[] = [];
		for (const el of document.querySelectorAll('*')) {
			const tag = el.tagName.toLowerCase();
			if (['iframe', 'frame', 'object', 'embed'].includes(tag)) bad.push(`<${tag}>`);
			if (tag === 'img' && el.getAttribute('src') === 'x') bad.push('<img src=x>');
			if (tag === 'b' && el.textContent === 'x') bad.push('<b>x</b>');
			if (tag === 'script') {
				const script = el as HTMLScriptElement;
				if (/^\s*(window|parent)\.__xss/.test(script.textContent ?? '')) bad.push(`<script>${script.textContent}</script>`);
				if (!script.src && !script.nonce) bad.push('an inline <script> without the nonce');
			}
			for (const attr of el.getAttributeNames()) {
				const value = el.getAttribute(attr) ?? '';
				if (/^on/i.test(attr)) bad.push(`<${tag} ${attr}="${value}">`);
				if (attr === 'srcdoc') bad.push(`<${tag} srcdoc>`);
				if (/^\s*javascript:/i.test(value) && /href|src|action|data/i.test(attr)) bad.push(`<${tag} ${attr}="${value}">`);
			}
		}
		const w = window as unknown as { __xss?: unknown; __csp?: string[] };
		return { bad, xss: w.__xss, csp: w.__csp ?? [], rlo: document.body.innerText.includes(rlo) };
	}, RLO);
	expect(found.bad, `${name}: elements or attributes made from a payload`).toEqual([]);
	expect(found.xss, `${name}: window.__xss`).toBeUndefined();
	expect(found.csp, `${name}: CSP violations`).toEqual([]);
	expect(found.rlo, `${name}: an RTL override in the page's text`).toBe(false);
}

/** Long hostile names wrap: nothing pushes a phone's page wider than its screen. */
async function expectNoSidewaysScroll(page: Page, name: string) {
	const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
	expect(widths.page, `${name}: page width (screen ${widths.screen}px)`).toBeLessThanOrEqual(widths.screen);
}

/** Each string is in the scope's rendered text (innerText: text, not markup, not script content). One read per try. */
async function expectTexts(scope: Locator, texts: readonly string[], name: string) {
	await expect(async () => {
		const rendered = (await scope.innerText()).replace(/\s+/g, ' ');
		expect(texts.filter((t) => !rendered.includes(t)), `${name}: strings not shown as text`).toEqual([]);
	}).toPass({ timeout: 10_000 });
}

/** Each text is exactly the rendered text of one of the scope's elements matching the selector. */
async function expectEntries(scope: Locator, selector: string, texts: readonly string[], name: string) {
	await expect(async () => {
		const entries = (await scope.locator(selector).allInnerTexts()).map((t) => t.trim());
		expect(texts.filter((t) => !entries.includes(t)), `${name}: entries not shown`).toEqual([]);
	}).toPass({ timeout: 10_000 });
}

async function expectOptions(select: Locator, names: readonly string[], name: string) {
	const options = await select.locator('option').allTextContents();
	for (const n of names) expect(options.map((o) => o.trim()), `${name}: option ${JSON.stringify(n)}`).toContain(n);
}

// ---------------------------------------------------------------------------------------------
// Reading the exports back.

const decodeXml = (s: string) =>
	s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
		e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
	);

/** Word paragraphs as text: the runs of each <w:p> joined, entities decoded. */
const docxParagraphs = (xml: string) =>
	xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1])).join(''));

/** CSV as written by toCsv: every field quoted, "" for a quote, CRLF rows, a byte-order mark. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	while (i < text.length) {
		expect(text[i], `CSV field at ${i} is quoted`).toBe('"');
		let value = '';
		for (i++; ; ) {
			if (text[i] === '"' && text[i + 1] === '"') [value, i] = [value + '"', i + 2];
			else if (text[i] === '"') break;
			else value += text[i++];
		}
		row.push(value);
		i++;
		if (text[i] === ',') i++;
		else if (text.startsWith('\r\n', i)) {
			rows.push(row);
			row = [];
			i += 2;
		}
	}
	return rows;
}

/** How a cell that a spreadsheet could read as a formula is written to CSV. */
const csvSafe = (value: string) => (/^[=+\-@]/.test(value) ? `'${value}` : value);

// ---------------------------------------------------------------------------------------------

test('script-injection strings stay text on every surface, in the CSP and in the exports', async ({ browser }) => {
	test.setTimeout(180_000);

	// The organiser sets up an event whose every name is hostile.
	const organiser = await watchedContext(browser, 'organiser', LAPTOP);
	await signInOrganiser(organiser);
	const { eventUrl, eventId, code, screenHref } = await createForum(organiser, {
		title: TITLE,
		theme: THEME,
		agencies: AGENCIES,
		topics: TOPICS,
		delegations: DELEGATIONS
	});
	await expect(organiser).toHaveTitle(`${TITLE} · Ban Tổ chức`);
	const leaderLink = await invite(organiser, 'Lãnh đạo, cơ quan trả lời', shown(AGENCIES[0]));
	await expectClean(organiser, 'event page');

	await test.step('the event form gives every list back as typed', async () => {
		await organiser.goto(`${eventUrl}/edit`);
		await expect(organiser.locator('#title')).toHaveValue(TITLE);
		await expect(organiser.locator('#theme')).toHaveValue(THEME);
		await expect(organiser.locator('#agencies')).toHaveValue(AGENCIES.map(shown).join('\n'));
		await expect(organiser.locator('#topics')).toHaveValue(TOPICS.map(shown).join('\n'));
		await expect(organiser.locator('#delegations')).toHaveValue(DELEGATIONS.map(shown).join('\n'));
		await expectClean(organiser, 'event edit form');
	});

	// Before the day: a chaperone's private link.
	let chaperoneLink = '';
	await test.step('pre-event: the organiser makes a chaperone link', async () => {
		await organiser.goto(`${eventUrl}/pre-event`);
		const row = organiser.getByTestId('pre-delegation').filter({ has: organiser.getByRole('rowheader', { name: shown(DEL_CHAPERONE), exact: true }) });
		await row.getByRole('button', { name: 'Tạo đường dẫn' }).click();
		chaperoneLink = await organiser.getByTestId('chaperone-link').inputValue();
		expect(chaperoneLink).toMatch(/\/gui-truoc\/[a-z2-7]{32}$/);
	});

	const chaperone = await watchedContext(browser, 'chaperone', PHONE);
	await test.step('the chaperone sends three items ahead', async () => {
		await chaperone.goto(chaperoneLink);
		await expect(chaperone.getByRole('heading', { name: 'Gửi ý kiến trước diễn đàn' })).toBeVisible();
		for (const [i, text] of AHEAD.entries()) {
			const form = chaperone.locator('form[action="?/send"]');
			await form.getByLabel('Nội dung').fill(text);
			await form.getByLabel('Chủ đề').selectOption({ label: shown(TOPICS[i + 1]) });
			if (i === 0) await form.getByLabel('Gửi tới cơ quan (không bắt buộc)').selectOption({ label: shown(AGENCIES[0]) });
			await form.getByRole('button', { name: 'Gửi ý kiến' }).click();
			await expect(chaperone.getByTestId('pre-item')).toHaveCount(i + 1);
		}
		const items = chaperone.getByTestId('pre-items');
		await expectEntries(items, 'p.text', AHEAD, 'chaperone list');
		await expectTexts(items, [shown(TOPICS[1]), shown(TOPICS[2]), shown(TOPICS[3]), shown(AGENCIES[0])], 'chaperone list');
		await expectTexts(chaperone.locator('body'), [TITLE, shown(DEL_CHAPERONE)], 'chaperone page');
		await expectOptions(chaperone.locator('#new-topic'), TOPICS.map(shown), 'chaperone topic');
		await expectOptions(chaperone.locator('#new-agency'), AGENCIES.map(shown), 'chaperone agency');
		// The edit form holds the item in a <textarea>: "</textarea>" in it must not close it.
		const first = card(chaperone.locator('body'), 'pre-item', AHEAD[0]);
		await first.getByText('Sửa').click();
		await expect(first.getByLabel('Nội dung')).toHaveValue(AHEAD[0]);
		await expectNoSidewaysScroll(chaperone, 'chaperone page');
		await expectClean(chaperone, 'chaperone page');
	});

	await test.step('the organiser’s pre-event overview', async () => {
		await organiser.reload();
		await expectEntries(organiser.locator('body'), 'th[scope=row]', DELEGATIONS.map(shown), 'pre-event delegations');
		await expectEntries(organiser.locator('body'), '[data-testid=pre-overview-item] p', AHEAD, 'pre-event overview');
		await expectTexts(organiser.locator('body'), [TITLE, shown(TOPICS[1]), shown(TOPICS[2]), shown(TOPICS[3]), shown(AGENCIES[0])], 'pre-event overview');
		await expectClean(organiser, 'pre-event overview');
	});

	// On the day: the screen, two children, the MC's console.
	const screen = await watchedContext(browser, 'screen', SCREEN);
	const screenResponse = await screen.goto(screenHref);
	await expectNonced(screen, expectStrictCsp(screenResponse, 'screen'), 'screen');
	await expect(screen.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(screen.locator('.theme')).toHaveText(`“${THEME}”`);

	async function joinAs(name: string, delegation: string, nickname: string): Promise<Page> {
		const phone = await watchedContext(browser, name, PHONE);
		const response = await phone.goto(`/j/${code}`, { waitUntil: 'networkidle' });
		await expectNonced(phone, expectStrictCsp(response, `${name}: join page`), `${name}: join page`);
		await expectEntries(phone.locator('form'), '.choice', DELEGATIONS.map(shown), `${name}: delegations`);
		await expectTexts(phone.locator('body'), [TITLE, THEME], `${name}: join page`);
		await expectNoSidewaysScroll(phone, `${name}: join page`);
		await expectClean(phone, `${name}: join page`);
		await hydrated(phone);
		await phone.getByRole('radio', { name: shown(delegation), exact: true }).check();
		const show = phone.getByRole('checkbox', { name: 'Hiện biệt danh của em trên màn hình lớn' });
		await expect(async () => {
			await phone.getByLabel('Biệt danh (không bắt buộc)').fill(nickname);
			await show.check({ timeout: 1_000 });
		}).toPass({ timeout: 10_000 });
		await phone.getByRole('button', { name: 'Vào diễn đàn' }).click();
		await expect(phone.getByTestId('connection')).toHaveAttribute('data-state', 'online');
		return phone;
	}
	const phoneA = await joinAs('phone A', DEL_A, NICK_A);
	const phoneB = await joinAs('phone B', DEL_B, NICK_B);
	const roomResponse = await phoneA.reload();
	await expectNonced(phoneA, expectStrictCsp(roomResponse, 'phone room'), 'phone room');
	await expect(phoneA.getByTestId('connection')).toHaveAttribute('data-state', 'online');

	await test.step('children send the strings as items', async () => {
		for (const [i, item] of ITEMS.entries()) {
			const phone = i < 7 ? phoneA : phoneB;
			await phone.getByLabel('Chủ đề', { exact: true }).selectOption({ label: shown(item.topic) });
			await phone.getByLabel('Gửi tới cơ quan (không bắt buộc)').selectOption({ label: shown(item.agency) });
			await phone.getByLabel('Nội dung', { exact: true }).fill(PAYLOADS[i]);
			await phone.getByRole('button', { name: 'Gửi', exact: true }).click();
			await expect(card(phone.getByTestId('mine'), 'submission', item.text)).toBeVisible();
		}
		await expectOptions(phoneA.locator('#topic'), TOPICS.map(shown), 'phone topic');
		await expectOptions(phoneA.locator('#agency'), AGENCIES.map(shown), 'phone agency');
	});

	const consoleResponse = await organiser.goto(`${eventUrl}/console`);
	await expectNonced(organiser, expectStrictCsp(consoleResponse, 'console'), 'console');
	await expect(organiser.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	const incoming = organiser.getByTestId('console-incoming');
	const approved = organiser.getByTestId('console-approved');

	await test.step('the MC’s console shows them waiting, then approves them', async () => {
		const all = [...ITEMS.map((i) => i.text), ...AHEAD];
		await expect(incoming.getByTestId('console-item')).toHaveCount(all.length);
		await expectEntries(incoming, 'p.text', all, 'console incoming');
		const a = card(incoming, 'console-item', ITEMS[1].text);
		await expectTexts(a, [shown(ITEMS[1].topic), shown(ITEMS[1].agency), shown(DEL_A), NICK_A], 'console item');
		await expectTexts(card(incoming, 'console-item', ITEMS[8].text), [shown(ITEMS[8].topic), shown(ITEMS[8].agency), shown(DEL_B), NICK_B], 'console item');
		await expectTexts(card(incoming, 'console-item', AHEAD[0]), [shown(DEL_CHAPERONE)], 'console item sent ahead');
		await expectClean(organiser, 'console (incoming)');
		// A card's buttons open when it has focus (the console's compact rows).
		for (const text of all) {
			await card(incoming, 'console-item', text).focus();
			await card(incoming, 'console-item', text).getByRole('button', { name: 'Duyệt (A)' }).click();
		}
		await expect(incoming.getByTestId('console-item')).toHaveCount(0);
		await expectEntries(approved, 'p.text', all, 'console approved');
		await expectOptions(approved.getByRole('combobox').first(), TOPICS.map(shown), 'console topic filter');
		await expectOptions(approved.getByRole('combobox').nth(1), AGENCIES.map(shown), 'console agency filter');
		await expectTexts(organiser.locator('h1'), [TITLE], 'console heading');
		await expectClean(organiser, 'console (approved)');
	});

	await test.step('every phone shows them as text', async () => {
		for (const [phone, name] of [[phoneA, 'phone A'], [phoneB, 'phone B']] as const) {
			const feed = phone.getByTestId('feed');
			await expectEntries(feed, 'p.text', [...ITEMS.map((i) => i.text), ...AHEAD], `${name} feed`);
			for (const item of [ITEMS[2], ITEMS[9]]) await expectTexts(card(feed, 'submission', item.text), [shown(item.topic), shown(item.agency)], `${name} card`);
			await expectTexts(card(feed, 'submission', ITEMS[3].text), [shown(DEL_A), NICK_A], `${name} card`);
			await expectTexts(card(feed, 'submission', ITEMS[10].text), [shown(DEL_B), NICK_B], `${name} card`);
			await expectTexts(card(feed, 'submission', AHEAD[1]), [shown(DEL_CHAPERONE)], `${name} card sent ahead`);
			await expectNoSidewaysScroll(phone, name);
			await expectClean(phone, name);
		}
		await expectTexts(phoneA.locator('.where'), [shown(DEL_A)], 'phone A delegation');
		await expectTexts(phoneA.getByRole('heading', { level: 1 }), [TITLE], 'phone A heading');
	});

	await test.step('a poll with hostile question and options: console, screen, phones', async () => {
		const panel = organiser.getByTestId('console-polls');
		await panel.getByText('Tạo cuộc thăm dò').click();
		await panel.getByLabel('Câu hỏi').fill(POLL_QUESTION);
		await panel.getByLabel('Kiểu').selectOption({ label: 'Chọn một' });
		await panel.getByLabel('Các lựa chọn (mỗi dòng một lựa chọn)').fill(POLL_OPTIONS.join('\n'));
		await panel.getByRole('button', { name: 'Lưu cuộc thăm dò' }).click();
		const poll = panel.getByTestId('console-poll').filter({ has: organiser.locator('p.question').filter({ hasText: exactly(POLL_QUESTION) }) });
		await expect(poll).toHaveAttribute('data-status', 'draft');
		await poll.getByRole('button', { name: 'Mở', exact: true }).click();
		await poll.getByRole('button', { name: 'Chiếu kết quả' }).click();
		for (const [phone, option] of [[phoneA, POLL_OPTIONS[0]], [phoneB, POLL_OPTIONS[6]]] as const) {
			const pollCard = phone.getByTestId('phone-poll');
			await expect(pollCard.locator('p.question')).toHaveText(POLL_QUESTION);
			await expectEntries(pollCard, 'label.choice', POLL_OPTIONS, 'phone poll options');
			await pollCard.getByRole('radio', { name: option, exact: true }).check();
			await pollCard.getByRole('button', { name: /^(Gửi câu trả lời|Đổi câu trả lời)$/ }).click();
			await expect(pollCard.getByRole('status')).toContainText('Đã ghi nhận');
		}
		const onScreen = screen.getByTestId('screen-poll');
		await expect(onScreen.locator('.poll-question')).toHaveText(POLL_QUESTION);
		await expect(onScreen.getByTestId('poll-results')).toHaveAttribute('data-answered', '2');
		await expectEntries(onScreen, '[data-testid=poll-option] .label', POLL_OPTIONS, 'screen poll');
		await expect(poll.getByTestId('poll-results')).toHaveAttribute('data-answered', '2');
		await expectTexts(poll, POLL_OPTIONS, 'console poll results');
		await expectTexts(phoneA.getByTestId('phone-poll'), POLL_OPTIONS, 'phone poll');
		for (const [page, name] of [[screen, 'screen (poll)'], [organiser, 'console (poll)'], [phoneA, 'phone A (poll)'], [phoneB, 'phone B (poll)']] as const)
			await expectClean(page, name);
		await poll.getByRole('button', { name: 'Đóng', exact: true }).click();
		await expect(poll).toHaveAttribute('data-status', 'closed');
		await poll.getByRole('button', { name: 'Ẩn kết quả' }).click();
		await expect(screen.getByTestId('screen-poll')).toHaveCount(0);
	});

	await test.step('each item on the projection screen, and on the phones’ “on screen”', async () => {
		const names = new Map([...ITEMS.map((item, i) => [item.text, { ...item, delegation: i < 7 ? DEL_A : DEL_B, nick: i < 7 ? NICK_A : NICK_B }] as const)]);
		// The answered item last: it stays on screen while the leader answers it.
		for (const text of [...AHEAD, ...ITEMS.map((i) => i.text).reverse()]) {
			await card(approved, 'console-item', text).focus();
			await card(approved, 'console-item', text).getByRole('button', { name: 'Lên màn hình (S)' }).click();
			const current = screen.getByTestId('screen-current');
			await expect(current.locator('p.text')).toHaveText(text);
			await expect(phoneA.getByTestId('phone-on-screen').locator('p')).toHaveText(text);
			const item = names.get(text);
			if (item) await expectTexts(current, [shown(item.topic), shown(item.delegation), item.nick, shown(item.agency)], 'screen');
			else await expectTexts(current, [shown(DEL_CHAPERONE)], 'screen (sent ahead)');
		}
		await expect(organiser.getByTestId('console-stage').locator('.stage-text')).toHaveText(ANSWERED.text);
		await expectClean(screen, 'screen');
		await expectClean(phoneA, 'phone A (on screen)');
	});

	// The leader answers one item and hands another over.
	const leader = await watchedContext(browser, 'leader', LAPTOP);
	await test.step('the leader’s page', async () => {
		await leader.goto(leaderLink, { waitUntil: 'networkidle' });
		await leader.getByLabel('Tên đăng nhập').fill(`xss-${stamp}`);
		await leader.getByLabel('Họ và tên').fill(LEADER_NAME);
		await leader.getByLabel('Mật khẩu').fill('mat-khau-can-bo-2024');
		await leader.getByRole('button', { name: 'Nhận lời mời' }).click();
		await expect(leader.getByRole('heading', { name: `Xin chào, ${LEADER_NAME}` })).toBeVisible();
		await leader.goto(`${eventUrl}/leader`);
		const list = leader.getByTestId('leader-items');
		// The agency's own: the two children's items and the one sent ahead to it.
		await expect(list.getByTestId('leader-item')).toHaveCount(3);
		await expectEntries(list, 'p.text', [ANSWERED.text, FOLLOWED.text, AHEAD[0]], 'leader items');
		await expectTexts(card(list, 'leader-item', ANSWERED.text), [shown(ANSWERED.topic), shown(DEL_A)], 'leader item');
		await expectTexts(leader.locator('body'), [TITLE, shown(AGENCIES[0])], 'leader page');
		await expect(leader.getByTestId('leader-on-screen')).toHaveText(ANSWERED.text);

		const answer = card(list, 'leader-item', ANSWERED.text);
		await answer.getByRole('button', { name: 'Đã trả lời' }).click();
		await answer.getByLabel('Tóm tắt câu trả lời (một dòng)').fill(SUMMARY);
		await answer.getByLabel('Người trả lời').fill(ANSWERED_BY);
		await answer.getByRole('button', { name: 'Lưu: đã trả lời' }).click();
		await expect(leader.getByRole('status')).toContainText('Đã ghi: đã trả lời.');
		const handOver = card(list, 'leader-item', FOLLOWED.text);
		await handOver.getByRole('button', { name: 'Cần theo dõi, trả lời sau' }).click();
		await handOver.getByLabel('Ghi chú').fill(NOTE);
		await handOver.getByRole('button', { name: 'Chuyển thành việc theo dõi' }).click();
		await expect(leader.getByRole('status')).toContainText('Đã chuyển thành việc theo dõi.');
		await expectTexts(leader.locator('body'), [SUMMARY], 'leader page (done)');
		await expectClean(leader, 'leader page');

		await expect(screen.getByTestId('screen-current')).toContainText(SUMMARY, { useInnerText: true });
		await expectTexts(card(phoneA.getByTestId('mine'), 'submission', ANSWERED.text), [SUMMARY], 'phone A answer');
	});

	await test.step('the MC’s view of the leader page: every agency’s items', async () => {
		await organiser.goto(`${eventUrl}/leader`);
		const list = organiser.getByTestId('leader-items');
		const open = [...ITEMS.slice(1, 12).map((i) => i.text), ...AHEAD];
		await expect(list.getByTestId('leader-item')).toHaveCount(open.length);
		await expectEntries(list, 'p.text', open, 'leader page (MC)');
		await expectClean(organiser, 'leader page (MC)');
	});

	await test.step('follow-up: tracking list and detail, a response with "</textarea>" sent back', async () => {
		await organiser.goto(`/staff/follow-ups?event=${eventId}`);
		const list = organiser.getByTestId('tracking-list');
		await expect(list.getByRole('link')).toHaveCount(1);
		await expect(list.getByRole('link', { name: FOLLOWED.text, exact: true })).toBeVisible();
		await expectTexts(list, [shown(FOLLOWED.topic), shown(DEL_B), TITLE, shown(AGENCIES[0])], 'tracking list');
		await expectOptions(organiser.locator('select[name=agency]'), AGENCIES.map(shown), 'tracking agency filter');
		// Topics are per event: each is named with its event's title.
		await expectOptions(organiser.locator('select[name=topic]'), TOPICS.map((t) => `${shown(t)} (${TITLE})`), 'tracking topic filter');
		await expectOptions(organiser.locator('select[name=event]'), [TITLE], 'tracking event filter');
		await expectClean(organiser, 'tracking list');

		await list.getByRole('link', { name: FOLLOWED.text, exact: true }).click();
		await expect(organiser.locator('article p.text')).toHaveText(FOLLOWED.text);
		await expectTexts(organiser.getByTestId('followup-history'), [NOTE, LEADER_NAME], 'follow-up history (the leader’s note)');
		await organiser.getByLabel('Tình trạng').selectOption({ label: 'Chưa thực hiện được' });
		await organiser.getByLabel('Nội dung trả lời cho trẻ em').fill(RESPONSE);
		await organiser.getByRole('button', { name: 'Lưu cập nhật' }).click();
		// Refused (no reason): the form comes back from the server with what was typed, inside a <textarea>.
		await expect(organiser.getByRole('alert')).toContainText('cần ghi lý do');
		await expect(organiser.getByLabel('Nội dung trả lời cho trẻ em')).toHaveValue(RESPONSE);
		await expectClean(organiser, 'follow-up detail (refused)');
		await organiser.getByLabel('Lý do (khi chưa thực hiện được)').fill(REASON);
		await organiser.getByLabel('Hướng giải quyết tiếp theo').fill(WAY);
		await organiser.getByRole('button', { name: 'Lưu cập nhật' }).click();
		await expect(organiser.getByTestId('followup-status')).toHaveText('Chưa thực hiện được');
		await expectTexts(organiser.getByTestId('followup-history'), [RESPONSE, REASON, WAY, NOTE], 'follow-up history');
		await expectTexts(organiser.locator('article'), [shown(FOLLOWED.topic), shown(DEL_B), TITLE, shown(AGENCIES[0])], 'follow-up detail');
		await expectClean(organiser, 'follow-up detail');

		const outcome = card(phoneB.getByTestId('mine'), 'submission', FOLLOWED.text).getByTestId('outcome');
		await expectTexts(outcome, [RESPONSE, REASON, WAY], 'phone B outcome');
	});

	await test.step('the public outcome page', async () => {
		// Anyone, without an account: the chaperone's browser will do.
		const visitor = chaperone;
		await visitor.goto(`/ket-qua/${code}`);
		const list = visitor.getByTestId('outcome-list');
		await expectEntries(list, 'p.text', [...ITEMS.map((i) => i.text), ...AHEAD], 'outcome page');
		await expectTexts(list, [SUMMARY, RESPONSE, REASON, WAY, shown(DEL_A), shown(DEL_B), shown(DEL_CHAPERONE)], 'outcome page');
		await expectTexts(list, [...new Set(ITEMS.map((i) => shown(i.topic)))], 'outcome page topics');
		await expectTexts(list, [...new Set(ITEMS.map((i) => shown(i.agency)))], 'outcome page agencies');
		await expectTexts(visitor.locator('body'), [TITLE], 'outcome page');
		await expectNoSidewaysScroll(visitor, 'outcome page');
		await expectClean(visitor, 'outcome page');
	});

	await test.step('pages rendered again on the server, after everything: room, screen, staff home', async () => {
		await phoneA.reload();
		await expect(phoneA.getByTestId('connection')).toHaveAttribute('data-state', 'online');
		await expect(card(phoneA.getByTestId('feed'), 'submission', ITEMS[5].text)).toBeVisible();
		await expectClean(phoneA, 'phone A (reloaded)');
		await screen.reload();
		await expect(screen.getByTestId('screen-current').locator('p.text')).toHaveText(ANSWERED.text);
		await expectClean(screen, 'screen (reloaded)');
		await organiser.goto('/staff');
		await expect(organiser.getByRole('link', { name: TITLE })).toBeVisible();
		await expectClean(organiser, 'staff home');
	});

	await test.step('the Word report', async () => {
		const response = await organiser.request.get(`${eventUrl}/export/docx`);
		expect(response.ok()).toBe(true);
		const xml = await (await JSZip.loadAsync(await response.body())).file('word/document.xml')!.async('string');
		expect(xml).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
		expect(xml).toContain('&amp;lt;img src=x');
		expect(xml).not.toMatch(/<(script|img|svg|iframe|b)[\s>/]/i);
		expect(xml).not.toContain(RLO);
		const paragraphs = docxParagraphs(xml);
		const expected = [
			TITLE,
			THEME,
			...ITEMS.map((i) => i.text),
			...AHEAD,
			SUMMARY,
			RESPONSE,
			REASON,
			WAY,
			shown(DEL_A),
			shown(DEL_B),
			shown(DEL_CHAPERONE),
			...new Set([...ITEMS.map((i) => shown(i.topic)), ...ITEMS.map((i) => shown(i.agency))]),
			POLL_QUESTION,
			...POLL_OPTIONS
		];
		for (const text of expected) expect(paragraphs.some((p) => p.includes(text)), `docx has ${JSON.stringify(text)}`).toBe(true);
	});

	await test.step('the Excel list: every value is text, "=..." too', async () => {
		const response = await organiser.request.get(`${eventUrl}/export/xlsx`);
		expect(response.ok()).toBe(true);
		const body = await response.body();
		const zip = await JSZip.loadAsync(body);
		for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/') && n.endsWith('.xml')))
			expect(await zip.file(name)!.async('string'), `${name} has no formula`).not.toMatch(/<f[\s>]/);
		const rows = await readSheet(body);
		const rowOf = (text: string) => rows.find((r) => r[5] === text);
		for (const [i, item] of ITEMS.entries()) {
			const row = rowOf(item.text);
			expect(row, `xlsx row for ${JSON.stringify(item.text)}`).toBeDefined();
			expect(row!.slice(2, 6)).toEqual([shown(item.topic), shown(i < 7 ? DEL_A : DEL_B), shown(item.agency), item.text]);
		}
		for (const text of AHEAD) expect(rowOf(text)?.[3]).toBe(shown(DEL_CHAPERONE));
		expect(rowOf(ANSWERED.text)!.slice(8, 10)).toEqual([SUMMARY, ANSWERED_BY]);
		expect(rowOf(FOLLOWED.text)!.slice(11, 14)).toEqual([RESPONSE, REASON, WAY]);
		const polls = await readSheet(body, 'Thăm dò');
		expect(polls.slice(1).map((r) => [r[0], r[2]])).toEqual(POLL_OPTIONS.map((o) => [POLL_QUESTION, o]));
	});

	await test.step('the CSV list: formula-leading cells start with an apostrophe', async () => {
		const response = await organiser.request.get(`${eventUrl}/export/csv`);
		expect(response.ok()).toBe(true);
		const rows = parseCsv(await response.text());
		const rowOf = (text: string) => rows.find((r) => r[5] === csvSafe(text));
		for (const [i, item] of ITEMS.entries()) {
			const row = rowOf(item.text);
			expect(row, `csv row for ${JSON.stringify(item.text)}`).toBeDefined();
			expect(row!.slice(2, 6)).toEqual([shown(item.topic), shown(i < 7 ? DEL_A : DEL_B), shown(item.agency), item.text].map(csvSafe));
		}
		expect(rowOf("=cmd|' /C calc'!A0")![5]).toBe("'=cmd|' /C calc'!A0");
		expect(rowOf(AHEAD[2])![5]).toBe(`'${AHEAD[2]}`);
		expect(rowOf(ANSWERED.text)!.slice(8, 10)).toEqual([`'${SUMMARY}`, `'${ANSWERED_BY}`]);
		expect(rowOf(FOLLOWED.text)!.slice(11, 14)).toEqual([`'${RESPONSE}`, REASON, WAY]);
		// No cell a spreadsheet would evaluate.
		for (const row of rows) for (const cell of row) expect(cell, 'csv cell').not.toMatch(/^[=+\-@\t\r]/);
	});

	for (const { page, name } of watched) if (!page.isClosed()) await expectClean(page, `${name} (at the end)`);
	expect(dialogs, 'dialogs opened').toEqual([]);
	expect(strayRequests, 'requests made by an injected <img src=x>').toEqual([]);
	expect(missingCsp, 'HTML responses without a Content-Security-Policy').toEqual([]);
});
