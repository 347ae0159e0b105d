/**
 * The forum's report as a Word document in the layout of a Vietnamese administrative report:
 * issuing body and national motto side by side, the title, then numbered sections. Always in
 * Vietnamese: it is filed with the authorities. Built with `docx` (well kept, no Word needed).
 */
import { Document, Packer } from 'docx';
import { heading, issuerAndMotto, para, percent, REPORT_MARGINS, table } from './docx-layout';
import type { ReportFigures } from '$lib/domain/report';
import { FOLLOW_UP_STATUSES } from '$lib/domain/follow-up';
import { followUpStatusLabel } from '$lib/i18n-follow-up';
import { kindLabel, statusLabel } from '$lib/i18n';
import { levelLabel } from '$lib/i18n-staff';
import type { ForumReport } from '../services/report-service';
import { inVietnamese } from './vietnamese';

export async function docxReport(report: ForumReport): Promise<Buffer> {
	const { event, figures } = report;
	const date = (at: number | null) => (at === null ? '' : new Date(at).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }));
	const doc = inVietnamese(
		() =>
			new Document({
				creator: 'Diễn đàn trẻ em',
				title: `Báo cáo ${event.title}`,
				sections: [
					{
						properties: { page: { margin: REPORT_MARGINS } },
						children: [
							issuerAndMotto(event.organisingUnit),
							para(`Ngày ${date(report.generatedAt)}`, { italics: true, center: true }),
							para('BÁO CÁO', { bold: true, center: true, size: 28 }),
							para(`Kết quả tổ chức ${event.title}`, { bold: true, center: true }),

							heading('I. THÔNG TIN CHUNG'),
							para(`Cấp tổ chức: ${levelLabel(event.level)}. Đơn vị tổ chức: ${event.organisingUnit || '—'}.`),
							para(`Thời gian: ${date(event.startsAt) || '—'}. Địa điểm: ${event.venue || '—'}.`),
							...(event.theme ? [para(`Chủ đề: “${event.theme}”.`)] : []),

							heading('II. SỰ THAM GIA CỦA TRẺ EM'),
							para(`Tổng số trẻ em tham gia trên hệ thống: ${figures.participants} em, thuộc ${figures.byDelegation.length} đoàn.`),
							table(
								['Đoàn', 'Số trẻ em tham gia', 'Số ý kiến'],
								figures.byDelegation.map((d) => [d.delegation, d.participants, d.items]),
								[50, 25, 25]
							),
							...profileLines(figures).map((line) => para(line)),

							heading('III. Ý KIẾN CỦA TRẺ EM'),
							para(
								`Tổng số ý kiến nhận được: ${figures.received}, gồm ${figures.byKind.question} câu hỏi, ${figures.byKind.recommendation} kiến nghị, ${figures.byKind.message} thông điệp. ` +
									`Đã trình chiếu, trao đổi: ${figures.shown}; không trình chiếu: ${figures.notShown}.`
							),
							...(figures.safeguarding
								? [para(`${figures.safeguarding} ý kiến được chuyển riêng cho Ban Tổ chức để bảo vệ trẻ em (không nêu trong báo cáo này).`, { italics: true })]
								: []),
							table(['Chủ đề', 'Số ý kiến'], figures.byTopic.map((t) => [t.topic, t.items]), [75, 25]),

							heading('IV. KẾT QUẢ TRẢ LỜI'),
							para(`Trả lời trực tiếp tại diễn đàn: ${figures.answeredOnTheDay} ý kiến. Chuyển các cơ quan tiếp tục xem xét, trả lời: ${figures.followedUp} ý kiến.`),
							...figures.byAgency.flatMap((group) => [
								para(group.agency || 'Chưa giao cơ quan', { bold: true }),
								table(
									['Ý kiến', 'Đoàn', 'Kết quả'],
									group.items.map((item) => [
										`${kindLabel(item.kind)}: ${item.text}`,
										item.delegation,
										item.followUpStatus
											? `${followUpStatusLabel(item.followUpStatus)}${item.followUpResponse ? `: ${item.followUpResponse}` : ''}${item.followUpReason ? ` (Lý do: ${item.followUpReason}; hướng tiếp theo: ${item.followUpWayForward})` : ''}`
											: `${statusLabel(item.status)}${item.answerSummary ? `: ${item.answerSummary}` : ''}`
									]),
									[50, 20, 30]
								)
							]),

							heading('V. TÌNH HÌNH THEO DÕI SAU DIỄN ĐÀN'),
							table(
								['Tình trạng', 'Số ý kiến'],
								FOLLOW_UP_STATUSES.map((s) => [followUpStatusLabel(s), figures.followUpStatus[s]]),
								[75, 25]
							),
							...(report.polls.length
								? [
										heading('VI. KẾT QUẢ THĂM DÒ Ý KIẾN TRẺ EM'),
										...report.polls.flatMap((poll, i) => [
											para(`${i + 1}. ${poll.question} (${poll.answered} em trả lời${poll.mean !== null ? `; điểm trung bình ${poll.mean}` : ''})`, { bold: true }),
											...(poll.rows.length
												? [table(['Lựa chọn', 'Số em', 'Tỉ lệ'], poll.rows.map((r) => [r.label, r.count, percent(r.count, poll.answered)]), [60, 20, 20])]
												: [])
										])
									]
								: []),
							para('Báo cáo được lập từ hệ thống Diễn đàn trẻ em.', { italics: true })
						]
					}
				]
			})
	);
	return Packer.toBuffer(doc);
}

const AGE_BAND_WORDS: Record<string, string> = { '12-13': '12–13 tuổi', '14-15': '14–15 tuổi', '16+': '16 tuổi trở lên', none: 'không trả lời' };
export const GENDER_WORDS: Record<string, string> = { male: 'nam', female: 'nữ', other: 'khác', undisclosed: 'không muốn nói', none: 'không trả lời' };

/** The balance statistics, when asked: "Theo giới tính: nam 40 em; nữ 42 em; …". */
export function profileLines(figures: ReportFigures): string[] {
	const line = (title: string, tally: Record<string, number> | null | undefined, words: Record<string, string>) =>
		tally ? [`${title}: ${Object.entries(tally).map(([k, n]) => `${words[k] ?? k} ${n} em`).join('; ')}.`] : [];
	return [
		...line('Theo độ tuổi (các em tự khai, không bắt buộc)', figures.profiles?.ageBand, AGE_BAND_WORDS),
		...line('Theo giới tính (các em tự khai, không bắt buộc)', figures.profiles?.gender, GENDER_WORDS)
	];
}
