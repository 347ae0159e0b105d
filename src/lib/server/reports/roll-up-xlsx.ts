/**
 * The province's roll-up as an Excel workbook (write-excel-file): one sheet per table of the Word
 * document, a row per forum and a total row, so officials can sort and add up further. Values are
 * text or numbers, never formulas. No child's name, no safeguarding item (only their number).
 */
import writeXlsxFile from 'write-excel-file/node';
import { FOLLOW_UP_STATUSES } from '$lib/domain/follow-up';
import type { ForumFigures } from '$lib/domain/roll-up';
import { followUpStatusLabel } from '$lib/i18n-follow-up';
import { kindLabel } from '$lib/i18n';
import { levelLabel } from '$lib/i18n-staff';
import type { RollUp } from '../services/roll-up-service';
import { GENDER_WORDS } from './docx-report';
import { inVietnamese } from './vietnamese';

const TOTAL = 'Tổng cộng';
const UNASSIGNED = 'Chưa giao cơ quan';

type Value = string | number;
interface Sheet {
	sheet: string;
	rows: Value[][];
	widths: number[];
}

const genderKeys = Object.keys(GENDER_WORDS);

function sheets(rollUp: RollUp): Sheet[] {
	const { forums, totals } = rollUp;
	const rows: { title: string; level: string; figures: ForumFigures }[] = [
		...forums.map((f) => ({ title: f.title, level: levelLabel(f.level), figures: f.figures })),
		{ title: TOTAL, level: '', figures: totals }
	];
	const statuses = FOLLOW_UP_STATUSES.map(followUpStatusLabel);
	return [
		{
			sheet: 'Tổng hợp',
			rows: [
				['Diễn đàn', 'Cấp', 'Số đoàn', 'Số trẻ em', 'Số ý kiến', kindLabel('question'), kindLabel('recommendation'), kindLabel('message'), 'Trả lời tại diễn đàn', 'Chuyển theo dõi', ...statuses, 'Quá hạn', 'Chuyển lên cấp trên', 'Chuyển riêng để bảo vệ trẻ em (số lượng)'],
				...rows.map(({ title, level, figures: f }) => [
					title,
					level,
					f.byDelegation.length,
					f.participants,
					f.received,
					f.byKind.question,
					f.byKind.recommendation,
					f.byKind.message,
					f.answeredOnTheDay,
					f.followedUp,
					...FOLLOW_UP_STATUSES.map((s) => f.outcomes[s]),
					f.overdue,
					f.forwardedUpwards.length,
					f.safeguarding
				])
			],
			widths: [36, 12, 9, 10, 10, 10, 10, 10, 12, 12, 12, 14, 12, 14, 10, 12, 16]
		},
		{
			sheet: 'Theo đoàn',
			rows: [['Diễn đàn', 'Đoàn', 'Số trẻ em', 'Số ý kiến'], ...forums.flatMap((f) => f.figures.byDelegation.map((d) => [f.title, d.delegation, d.participants, d.items]))],
			widths: [36, 30, 10, 10]
		},
		{
			sheet: 'Theo giới tính',
			rows: [
				['Diễn đàn', ...genderKeys.map((k) => GENDER_WORDS[k])],
				...rows.filter((r) => r.figures.gender).map((r) => [r.title, ...genderKeys.map((k) => r.figures.gender?.[k as keyof NonNullable<ForumFigures['gender']>] ?? 0)])
			],
			widths: [36, 10, 10, 10, 14, 14]
		},
		{
			sheet: 'Theo chủ đề',
			rows: [['Diễn đàn', 'Chủ đề', 'Số ý kiến'], ...rows.flatMap((r) => r.figures.byTopic.map((t) => [r.title, t.topic || '—', t.items]))],
			widths: [36, 36, 10]
		},
		{
			sheet: 'Theo cơ quan',
			rows: [
				['Diễn đàn', 'Cơ quan', 'Số ý kiến', ...statuses, 'Quá hạn'],
				...rows.flatMap((r) => r.figures.byAgency.map((a) => [r.title, a.agency || UNASSIGNED, a.items, ...FOLLOW_UP_STATUSES.map((s) => a.outcomes[s]), a.overdue]))
			],
			widths: [36, 36, 10, 12, 14, 12, 14, 10]
		},
		{
			sheet: 'Chưa thực hiện được',
			rows: [['Diễn đàn', 'Cơ quan', 'Ý kiến', 'Lý do', 'Hướng tiếp theo'], ...forums.flatMap((f) => f.figures.cannotYet.map((c) => [f.title, c.agency || UNASSIGNED, c.text, c.reason, c.wayForward]))],
			widths: [30, 30, 60, 40, 40]
		},
		{
			sheet: 'Chuyển lên cấp trên',
			rows: [['Diễn đàn', 'Loại', 'Nội dung'], ...forums.flatMap((f) => f.figures.forwardedUpwards.map((x) => [f.title, kindLabel(x.kind), x.text]))],
			widths: [30, 14, 80]
		}
	];
}

export async function rollUpXlsx(rollUp: RollUp): Promise<Buffer> {
	const all = inVietnamese(() => sheets(rollUp));
	return writeXlsxFile(
		all.map(({ sheet, rows, widths }) => ({
			sheet,
			stickyRowsCount: 1,
			columns: widths.map((width) => ({ width })),
			data: rows.map((row, i) => row.map((value) => (i === 0 ? { value: String(value), fontWeight: 'bold' as const } : { value })))
		}))
	).toBuffer();
}
