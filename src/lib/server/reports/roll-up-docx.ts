/**
 * The province's roll-up as a Word document, in the administrative layout of each forum's own
 * report (docx-layout.ts): every linked lower-level forum's figures and the totals, with the
 * charts as SVG images (PNG at 2× as the fallback). Always in Vietnamese: it is filed upwards.
 * Never a child's name and never a safeguarding item: only their number.
 */
import { Document, ImageRun, Packer, Paragraph, AlignmentType } from 'docx';
import { FOLLOW_UP_STATUSES } from '$lib/domain/follow-up';
import type { ForumFigures } from '$lib/domain/roll-up';
import { followUpStatusLabel } from '$lib/i18n-follow-up';
import { kindLabel } from '$lib/i18n';
import { levelLabel } from '$lib/i18n-staff';
import type { RollUp } from '../services/roll-up-service';
import { heading, issuerAndMotto, para, REPORT_MARGINS, table } from './docx-layout';
import { GENDER_WORDS } from './docx-report';
import { chartPng, rollUpCharts, type ChartWords } from './roll-up-charts';
import { inVietnamese } from './vietnamese';

const TOTAL = 'Tổng cộng';
const UNASSIGNED = 'Chưa giao cơ quan';
/** Page width between the margins is about 16 cm: a 640-pixel chart drawn 15 cm wide. */
const CHART_WIDTH_PX = 570;

const day = (at: number | null) => (at === null ? '—' : new Date(at).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }));

export function vietnameseChartWords(): ChartWords {
	return inVietnamese(() => ({
		titles: { topics: 'Số ý kiến theo chủ đề', outcomes: 'Kết quả theo dõi theo cơ quan', overdue: 'Ý kiến quá hạn trả lời theo cơ quan' },
		status: Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, followUpStatusLabel(s)])) as ChartWords['status'],
		unassigned: UNASSIGNED
	}));
}

const genderLine = (gender: ForumFigures['gender']) =>
	gender ? Object.entries(gender).map(([k, n]) => `${GENDER_WORDS[k] ?? k} ${n} em`).join('; ') : 'không thu thập';

export async function rollUpDocx(rollUp: RollUp): Promise<Buffer> {
	const { event, forums, totals } = rollUp;
	const rows = [...forums.map((f) => ({ title: f.title, figures: f.figures })), { title: TOTAL, figures: totals }];
	const charts = rollUpCharts(totals, vietnameseChartWords()).map((chart) => ({ chart, png: chartPng(chart) }));
	const chartOf = (name: string) =>
		charts
			.filter((c) => c.chart.name === name)
			.flatMap(({ chart, png }) => {
				const size = { width: CHART_WIDTH_PX, height: Math.round((chart.height * CHART_WIDTH_PX) / chart.width) };
				return [
					new Paragraph({
						alignment: AlignmentType.CENTER,
						children: [
							new ImageRun({
								type: 'svg',
								data: Buffer.from(chart.svg),
								transformation: size,
								fallback: { type: 'png', data: png },
								altText: { name: chart.title, title: chart.title, description: chart.title }
							})
						]
					}),
					para(`Biểu đồ: ${chart.title}`, { italics: true, center: true, size: 22 })
				];
			});

	const doc = inVietnamese(
		() =>
			new Document({
				creator: 'Diễn đàn trẻ em',
				title: `Báo cáo tổng hợp ${event.title}`,
				sections: [
					{
						properties: { page: { margin: REPORT_MARGINS } },
						children: [
							issuerAndMotto(event.organisingUnit),
							para(`Ngày ${day(rollUp.generatedAt)}`, { italics: true, center: true }),
							para('BÁO CÁO TỔNG HỢP', { bold: true, center: true, size: 28 }),
							para(`Kết quả tổ chức diễn đàn trẻ em cấp dưới, tổng hợp cho ${event.title}`, { bold: true, center: true }),

							heading('I. CÁC DIỄN ĐÀN ĐƯỢC TỔNG HỢP'),
							para(`Số diễn đàn cấp dưới được tổng hợp: ${forums.length}.`),
							table(
								['Diễn đàn', 'Cấp', 'Đơn vị tổ chức', 'Thời gian'],
								forums.map((f) => [f.title, levelLabel(f.level), f.organisingUnit || '—', day(f.startsAt)]),
								[40, 15, 30, 15]
							),

							heading('II. SỰ THAM GIA CỦA TRẺ EM'),
							table(
								['Diễn đàn', 'Số đoàn', 'Số trẻ em tham gia', 'Số ý kiến'],
								rows.map((r) => [r.title, r.figures.byDelegation.length, r.figures.participants, r.figures.received]),
								[46, 18, 18, 18]
							),
							para('Theo đoàn:', { bold: true }),
							table(
								['Diễn đàn', 'Đoàn', 'Số trẻ em', 'Số ý kiến'],
								forums.flatMap((f) => f.figures.byDelegation.map((d) => [f.title, d.delegation, d.participants, d.items])),
								[36, 34, 15, 15]
							),
							para(
								'Theo giới tính (chỉ ở diễn đàn có hỏi, các em tự khai, không bắt buộc, có ghi nhận sự đồng ý của cha mẹ hoặc người giám hộ):',
								{ bold: true }
							),
							...rows.map((r) => para(`${r.title}: ${genderLine(r.figures.gender)}.`)),

							heading('III. Ý KIẾN CỦA TRẺ EM'),
							table(
								['Diễn đàn', kindLabel('question'), kindLabel('recommendation'), kindLabel('message'), 'Tổng số'],
								rows.map((r) => [r.title, r.figures.byKind.question, r.figures.byKind.recommendation, r.figures.byKind.message, r.figures.received]),
								[40, 15, 15, 15, 15]
							),
							...(totals.safeguarding
								? [para(`${totals.safeguarding} ý kiến được chuyển riêng cho Ban Tổ chức các diễn đàn để bảo vệ trẻ em (không nêu trong báo cáo này).`, { italics: true })]
								: []),
							para('Theo chủ đề (tổng hợp):', { bold: true }),
							table(['Chủ đề', 'Số ý kiến'], totals.byTopic.map((t) => [t.topic || '—', t.items]), [75, 25]),
							...chartOf('topics'),
							para('Theo cơ quan được gửi ý kiến (tổng hợp):', { bold: true }),
							table(['Cơ quan', 'Số ý kiến'], totals.byAgency.map((a) => [a.agency || UNASSIGNED, a.items]), [75, 25]),

							heading('IV. KẾT QUẢ TRẢ LỜI VÀ THEO DÕI'),
							table(
								['Diễn đàn', 'Trả lời tại diễn đàn', 'Chuyển theo dõi', ...FOLLOW_UP_STATUSES.map(followUpStatusLabel), 'Quá hạn'],
								rows.map((r) => [r.title, r.figures.answeredOnTheDay, r.figures.followedUp, ...FOLLOW_UP_STATUSES.map((s) => r.figures.outcomes[s]), r.figures.overdue]),
								[23, 11, 11, 11, 11, 11, 11, 11]
							),
							para('Theo cơ quan (tổng hợp):', { bold: true }),
							table(
								['Cơ quan', ...FOLLOW_UP_STATUSES.map(followUpStatusLabel), 'Quá hạn'],
								totals.byAgency.map((a) => [a.agency || UNASSIGNED, ...FOLLOW_UP_STATUSES.map((s) => a.outcomes[s]), a.overdue]),
								[30, 14, 14, 14, 14, 14]
							),
							...chartOf('outcomes'),
							...chartOf('overdue'),

							heading('V. Ý KIẾN CHƯA THỰC HIỆN ĐƯỢC: LÝ DO VÀ HƯỚNG TIẾP THEO'),
							...(forums.some((f) => f.figures.cannotYet.length)
								? [
										table(
											['Diễn đàn', 'Cơ quan', 'Ý kiến', 'Lý do', 'Hướng tiếp theo'],
											forums.flatMap((f) => f.figures.cannotYet.map((c) => [f.title, c.agency || UNASSIGNED, c.text, c.reason, c.wayForward])),
											[18, 17, 25, 20, 20]
										)
									]
								: [para('Không có.')]),

							heading('VI. Ý KIẾN ĐÃ CHUYỂN LÊN CẤP TRÊN'),
							table(['Diễn đàn', 'Số ý kiến chuyển lên'], rows.map((r) => [r.title, r.figures.forwardedUpwards.length]), [75, 25]),
							...(totals.forwardedUpwards.length
								? [
										table(
											['Diễn đàn', 'Loại', 'Nội dung'],
											forums.flatMap((f) => f.figures.forwardedUpwards.map((x) => [f.title, kindLabel(x.kind), x.text])),
											[30, 15, 55]
										)
									]
								: []),

							heading('VII. SỐ LIỆU TỪNG DIỄN ĐÀN'),
							...forums.flatMap((f, i) => [
								para(`${i + 1}. ${f.title}`, { bold: true }),
								table(['Chủ đề', 'Số ý kiến'], f.figures.byTopic.map((t) => [t.topic || '—', t.items]), [75, 25]),
								table(
									['Cơ quan', 'Số ý kiến', ...FOLLOW_UP_STATUSES.map(followUpStatusLabel), 'Quá hạn'],
									f.figures.byAgency.map((a) => [a.agency || UNASSIGNED, a.items, ...FOLLOW_UP_STATUSES.map((s) => a.outcomes[s]), a.overdue]),
									[28, 12, 12, 12, 12, 12, 12]
								)
							]),
							para('Báo cáo được lập từ hệ thống Diễn đàn trẻ em.', { italics: true })
						]
					}
				]
			})
	);
	return Packer.toBuffer(doc);
}
