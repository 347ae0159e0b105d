/**
 * The full item list as a spreadsheet (.xlsx, built with write-excel-file: small, maintained, no
 * native parts) and as CSV. Safeguarding items are never in them (the report service does not
 * gather them): an item list is the file most likely to be sent on to agencies.
 */
import writeXlsxFile from 'write-excel-file/node';
import { toCsv, type ReportItem } from '$lib/domain/report';
import { followUpStatusLabel } from '$lib/i18n-follow-up';
import { kindLabel, statusLabel } from '$lib/i18n';
import type { ForumReport } from '../services/report-service';
import { inVietnamese } from './vietnamese';

const HEADER = ['STT', 'Loại', 'Chủ đề', 'Đoàn', 'Cơ quan', 'Nội dung', 'Bình chọn', 'Tình trạng', 'Trả lời tại diễn đàn', 'Người trả lời', 'Theo dõi', 'Phản hồi của cơ quan', 'Lý do', 'Hướng tiếp theo'];

function row(item: ReportItem, index: number): (string | number)[] {
	return [
		index + 1,
		kindLabel(item.kind),
		item.topic,
		item.delegation,
		item.agency,
		item.text,
		item.votes,
		statusLabel(item.status),
		item.answerSummary ?? '',
		item.answeredBy ?? '',
		item.followUpStatus ? followUpStatusLabel(item.followUpStatus) : '',
		item.followUpResponse,
		item.followUpReason,
		item.followUpWayForward
	];
}

export async function xlsxReport(report: ForumReport): Promise<Buffer> {
	const header = HEADER.map((value) => ({ value, fontWeight: 'bold' as const }));
	// Every value is written as text or a number, never a formula: a child's "=..." stays text.
	const data = [header, ...inVietnamese(() => report.items.map((item, i) => row(item, i).map((value) => ({ value }))))];
	const items = {
		data,
		sheet: 'Ý kiến',
		stickyRowsCount: 1,
		columns: [6, 12, 24, 20, 24, 60, 9, 16, 40, 18, 18, 40, 30, 30].map((width) => ({ width }))
	};
	if (!report.polls.length) return writeXlsxFile(data, items).toBuffer();
	// One row per answer option (or phrase, or approved open answer) of every poll run.
	const polls = [
		['Câu hỏi thăm dò', 'Số em trả lời', 'Lựa chọn', 'Số em chọn'].map((value) => ({ value, fontWeight: 'bold' as const })),
		...report.polls.flatMap((poll) =>
			(poll.rows.length ? poll.rows : [{ label: '', count: 0 }]).map((row) => [{ value: poll.question }, { value: poll.answered }, { value: row.label }, { value: row.count }])
		)
	];
	return writeXlsxFile([items, { data: polls, sheet: 'Thăm dò', stickyRowsCount: 1, columns: [50, 14, 40, 12].map((width) => ({ width })) }]).toBuffer();
}

export function csvReport(report: ForumReport): string {
	return toCsv([HEADER, ...inVietnamese(() => report.items.map(row))]);
}
