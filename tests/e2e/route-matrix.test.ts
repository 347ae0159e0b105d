import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { joinForum, newPhone } from './helpers';
import { accept, invite, organiserPage } from './staff-helpers';

/**
 * Every protected staff route × every kind of visitor, over real HTTP against the production
 * build: no session, a child's session, the organiser account, and one invited account per role.
 * 'ok' = served; 'login' = sent to sign in; 'refused' = 403 or 404 (not theirs looks like absent);
 * 'invalid' = past the role check, stopped by validation (400), so nothing changes either way.
 * A refused post without a staff session ends on the sign-in page ('login'), as a page would.
 */
type Visitor = 'anonymous' | 'child' | 'organiser' | 'moderator' | 'leader' | 'follow_up_officer';
type Outcome = 'ok' | 'login' | 'refused' | 'invalid';
const VISITORS: Visitor[] = ['anonymous', 'child', 'organiser', 'moderator', 'leader', 'follow_up_officer'];

interface RouteCase {
	/** The route file it exercises, relative to src/routes. */
	file: string;
	method: 'GET' | 'POST';
	path: (eventId: string) => string;
	form?: Record<string, string>;
	expect: Record<Visitor, Outcome>;
}

const staffOnly = (outcome: Outcome): Record<Visitor, Outcome> => ({
	anonymous: 'login',
	child: 'login',
	organiser: outcome,
	moderator: outcome,
	leader: outcome,
	follow_up_officer: outcome
});

const ROUTES: RouteCase[] = [
	{ file: '(staff)/staff/+page.server.ts', method: 'GET', path: () => '/staff', expect: staffOnly('ok') },
	{
		file: '(staff)/staff/log/+page.server.ts',
		method: 'GET',
		path: () => '/staff/log',
		expect: { ...staffOnly('refused'), organiser: 'ok' }
	},
	{
		file: '(staff)/staff/events/new/+page.server.ts',
		method: 'GET',
		path: () => '/staff/events/new',
		expect: { ...staffOnly('refused'), organiser: 'ok' }
	},
	{
		file: '(staff)/staff/events/new/+page.server.ts',
		method: 'POST',
		path: () => '/staff/events/new',
		form: { title: '', level: 'district', topics: '', delegations: '' },
		expect: { ...staffOnly('refused'), organiser: 'invalid' }
	},
	{ file: '(staff)/staff/events/[id]/+page.server.ts', method: 'GET', path: (id) => `/staff/events/${id}`, expect: staffOnly('ok') },
	{
		file: '(staff)/staff/events/[id]/+page.server.ts',
		method: 'POST',
		path: (id) => `/staff/events/${id}?/invite`,
		form: { role: 'nobody', agencyId: '' },
		expect: { ...staffOnly('refused'), organiser: 'invalid' }
	},
	{
		file: '(staff)/staff/events/[id]/+page.server.ts',
		method: 'POST',
		path: (id) => `/staff/events/${id}?/resetAccess`,
		form: { username: 'nobody-in-this-forum' },
		expect: { ...staffOnly('refused'), organiser: 'invalid' }
	},
	{ file: '(staff)/staff/account/+page.server.ts', method: 'GET', path: () => '/staff/account', expect: staffOnly('ok') },
	{
		// A wrong current password changes nothing (one failure on the account's sign-in wait).
		file: '(staff)/staff/account/+page.server.ts',
		method: 'POST',
		path: () => '/staff/account?/password',
		form: { current: 'not-the-password', next: 'x', repeat: 'y' },
		expect: staffOnly('invalid')
	},
	{
		file: '(staff)/staff/events/[id]/edit/+page.server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/edit`,
		expect: { ...staffOnly('refused'), organiser: 'ok' }
	},
	{
		file: '(staff)/staff/events/[id]/edit/+page.server.ts',
		method: 'POST',
		path: (id) => `/staff/events/${id}/edit`,
		form: { title: '', level: 'district', topics: '', delegations: '' },
		expect: { ...staffOnly('refused'), organiser: 'invalid' }
	},
	{
		file: '(staff)/staff/events/[id]/console/+page.server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/console`,
		expect: { ...staffOnly('refused'), organiser: 'ok', moderator: 'ok' }
	},
	{
		// The event has no items yet: the organiser passes the role check and hears "nothing to report".
		file: '(staff)/staff/events/[id]/export/[format]/+server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/export/csv`,
		expect: { anonymous: 'refused', child: 'refused', organiser: 'invalid', moderator: 'refused', leader: 'refused', follow_up_officer: 'refused' }
	},
	{
		file: '(staff)/staff/events/[id]/leader/+page.server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/leader`,
		expect: { ...staffOnly('ok'), follow_up_officer: 'refused' }
	},
	{ file: '(staff)/staff/follow-ups/+page.server.ts', method: 'GET', path: () => '/staff/follow-ups', expect: staffOnly('ok') },
	// The export holds only the rows that person may see (the same service read as the page).
	{ file: '(staff)/staff/follow-ups/export/[format]/+server.ts', method: 'GET', path: () => '/staff/follow-ups/export/csv', expect: staffOnly('ok') },
	{
		// A follow-up that is not theirs (here: none at all) looks absent to everyone.
		file: '(staff)/staff/follow-ups/[id]/+page.server.ts',
		method: 'GET',
		path: () => `/staff/follow-ups/${crypto.randomUUID()}`,
		expect: staffOnly('refused')
	},
	{
		file: '(staff)/staff/follow-ups/[id]/+page.server.ts',
		method: 'POST',
		path: () => `/staff/follow-ups/${crypto.randomUUID()}?/update`,
		form: { status: 'fulfilled', response: 'x', reason: '', wayForward: '' },
		expect: staffOnly('refused')
	},
	{
		file: '(staff)/staff/events/[id]/log/+page.server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/log`,
		expect: { ...staffOnly('refused'), organiser: 'ok' }
	},
	{
		file: '(staff)/staff/events/[id]/seats/+page.server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/seats`,
		expect: { ...staffOnly('refused'), organiser: 'ok' }
	},
	{
		file: '(staff)/staff/events/[id]/seats/+page.server.ts',
		method: 'POST',
		path: (id) => `/staff/events/${id}/seats?/generate`,
		form: { delegationId: '', count: '0' },
		expect: { ...staffOnly('refused'), organiser: 'invalid' }
	},
	{
		file: '(staff)/staff/events/[id]/pre-event/+page.server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/pre-event`,
		expect: { ...staffOnly('refused'), organiser: 'ok' }
	},
	{
		file: '(staff)/staff/events/[id]/pre-event/+page.server.ts',
		method: 'POST',
		path: (id) => `/staff/events/${id}/pre-event?/settings`,
		form: { deadline: '', limit: '0' },
		expect: { ...staffOnly('refused'), organiser: 'invalid' }
	},
	{
		file: '(staff)/staff/events/[id]/pre-event/+page.server.ts',
		method: 'POST',
		path: (id) => `/staff/events/${id}/pre-event?/createLink`,
		form: { delegationId: 'no-such-delegation' },
		expect: { ...staffOnly('refused'), organiser: 'invalid' }
	},
	{
		file: '(staff)/staff/events/[id]/package/+page.server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/package`,
		expect: { ...staffOnly('refused'), organiser: 'ok' }
	},
	{
		// No file: an empty package, refused as damaged for the organiser; nothing is imported.
		file: '(staff)/staff/events/[id]/package/+page.server.ts',
		method: 'POST',
		path: (id) => `/staff/events/${id}/package?/import`,
		form: { inboxDelegationId: '' },
		expect: { ...staffOnly('refused'), organiser: 'invalid' }
	},
	{
		// A package of the forum with nothing sent upward: the organiser's download, nobody else's.
		file: '(staff)/staff/events/[id]/package/export/+server.ts',
		method: 'POST',
		path: (id) => `/staff/events/${id}/package/export`,
		form: {},
		expect: { anonymous: 'refused', child: 'refused', organiser: 'ok', moderator: 'refused', leader: 'refused', follow_up_officer: 'refused' }
	},
	{
		file: '(staff)/staff/events/[id]/roll-up/+page.server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/roll-up`,
		expect: { ...staffOnly('refused'), organiser: 'ok' }
	},
	{
		file: '(staff)/staff/events/[id]/roll-up/+page.server.ts',
		method: 'POST',
		path: (id) => `/staff/events/${id}/roll-up?/link`,
		form: { forum: 'no-such-forum' },
		expect: { ...staffOnly('refused'), organiser: 'invalid' }
	},
	{
		// Nothing linked to the matrix's forum: nothing to compile, for its organiser too.
		file: '(staff)/staff/events/[id]/roll-up/[format]/+server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/roll-up/xlsx`,
		expect: { anonymous: 'refused', child: 'refused', organiser: 'invalid', moderator: 'refused', leader: 'refused', follow_up_officer: 'refused' }
	},
	{
		file: '(staff)/staff/events/[id]/roll-up/chart/[name]/+server.ts',
		method: 'GET',
		path: (id) => `/staff/events/${id}/roll-up/chart/topics.svg`,
		expect: { anonymous: 'refused', child: 'refused', organiser: 'refused', moderator: 'refused', leader: 'refused', follow_up_officer: 'refused' }
	},
	{ file: '(staff)/staff/agency/+page.server.ts', method: 'GET', path: () => '/staff/agency', expect: staffOnly('ok') },
	{ file: '(staff)/staff/agency/export/[format]/+server.ts', method: 'GET', path: () => '/staff/agency/export/csv', expect: staffOnly('ok') }
];

/** Routes anyone may open: sign-in, first-run setup (locks itself), sign-out, invitation links. */
const PUBLIC_STAFF_ROUTES = [
	'(staff)/+layout.server.ts',
	'(staff)/login/+page.server.ts',
	'(staff)/setup/+page.server.ts',
	'(staff)/logout/+page.server.ts',
	'(staff)/invite/[token]/+page.server.ts'
];

function staffRouteFiles(): string[] {
	const root = join(process.cwd(), 'src/routes');
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory() ? walk(join(dir, entry.name)) : /^\+(page|layout)\.server\.ts$|^\+server\.ts$/.test(entry.name) ? [relative(root, join(dir, entry.name))] : []
		);
	return walk(join(root, '(staff)')).sort();
}

test('every staff route is in the matrix', () => {
	const covered = new Set([...ROUTES.map((r) => r.file), ...PUBLIC_STAFF_ROUTES]);
	expect(staffRouteFiles().filter((file) => !covered.has(file))).toEqual([]);
});

function outcomeOf(status: number, location: string | undefined): Outcome {
	if (status === 303 && location?.startsWith('/login')) return 'login';
	if (status === 403 || status === 404) return 'refused';
	if (status === 400) return 'invalid';
	if (status === 200) return 'ok';
	return `unexpected ${status}` as Outcome;
}

test('each role reaches exactly the staff routes the table allows', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const organiser = await organiserPage(browser);
	await organiser.getByRole('link', { name: 'Tạo diễn đàn mới' }).click();
	await organiser.getByLabel('Tên diễn đàn').fill('Diễn đàn trẻ em xã Yên Phúc 2025');
	await organiser.getByLabel('Cơ quan trả lời (mỗi dòng một cơ quan)').fill('Trạm Y tế xã');
	await organiser.getByLabel('Các chủ đề thảo luận (mỗi dòng một chủ đề)').fill('Sức khỏe');
	await organiser.getByLabel('Các đoàn (mỗi dòng một đoàn)').fill('Thôn Bản Chu');
	await organiser.getByRole('button', { name: 'Tạo diễn đàn' }).click();
	await expect(organiser.getByRole('heading', { name: 'Diễn đàn trẻ em xã Yên Phúc 2025' })).toBeVisible();
	const eventId = new URL(organiser.url()).pathname.split('/').at(-1)!;

	const stamp = Date.now().toString(36);
	const requests: Record<Visitor, APIRequestContext> = {
		anonymous: (await browser.newContext()).request,
		child: await (async () => {
			const phone = await newPhone(browser);
			await joinForum(phone.page, 'Xã Vĩnh Lại');
			return phone.context.request;
		})(),
		organiser: organiser.context().request,
		moderator: (await accept(browser, await invite(organiser, 'Người dẫn chương trình / điều phối'), `mc-${stamp}`, 'MC Yên Phúc')).context().request,
		leader: (await accept(browser, await invite(organiser, 'Lãnh đạo, cơ quan trả lời', 'Trạm Y tế xã'), `ld-${stamp}`, 'Lãnh đạo Yên Phúc')).context().request,
		follow_up_officer: (await accept(browser, await invite(organiser, 'Cán bộ theo dõi', 'Trạm Y tế xã'), `td-${stamp}`, 'Theo dõi Yên Phúc')).context().request
	};

	const mismatches: string[] = [];
	for (const route of ROUTES) {
		for (const visitor of VISITORS) {
			const url = route.path(eventId);
			const response =
				route.method === 'GET'
					? await requests[visitor].get(url, { maxRedirects: 0 })
					: await requests[visitor].post(url, {
							form: route.form ?? {},
							headers: { origin: new URL(baseURL!).origin, accept: 'text/html' },
							maxRedirects: 0
						});
			const outcome = outcomeOf(response.status(), response.headers()['location']);
			if (outcome !== route.expect[visitor]) mismatches.push(`${visitor} ${route.method} ${url}: ${outcome}, expected ${route.expect[visitor]}`);
		}
	}
	expect(mismatches).toEqual([]);
});
