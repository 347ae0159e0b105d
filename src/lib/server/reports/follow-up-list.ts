/**
 * The tracking list as a file (.xlsx with write-excel-file, and CSV): the rows the dashboard shows
 * with its filters, for the organiser to send on to agencies. Values are text or numbers, never
 * formulas; dates in dd/mm/yyyy as on the pages.
 */
import writeXlsxFile from 'write-excel-file/node';
import { daysBetween, vnDay } from '$lib/dates';
import { toCsv } from '$lib/domain/report';
import { followUpStatusLabel } from '$lib/i18n-follow-up';
import { kindLabel } from '$lib/i18n';
import type { TrackingRow } from '../services/follow-up-service';
import { inVietnamese } from './vietnamese';

const HEADER = ['STT', 'Diễn đàn', 'Loại', 'Nội dung', 'Chủ đề', 'Đoàn', 'Cơ quan', 'Người phụ trách', 'Tình trạng', 'Mở từ ngày', 'Hạn trả lời', 'Quá hạn (ngày)', 'Trả lời của cơ quan'];

function row(r: TrackingRow, index: number, now: number): (string | number)[] {
	return [
		index + 1,
		r.eventTitle,
		kindLabel(r.kind),
		r.text,
		r.topic,
		r.delegation,
		r.agency || 'Chưa giao',
		r.responsible.join(', '),
		followUpStatusLabel(r.status),
		vnDay(r.openedAt),
		vnDay(r.dueAt),
		r.overdue ? Math.max(1, daysBetween(r.dueAt, now)) : '',
		r.response
	];
}

export async function trackingXlsx(rows: TrackingRow[], now: number): Promise<Buffer> {
	const header = HEADER.map((value) => ({ value, fontWeight: 'bold' as const }));
	const data = [header, ...inVietnamese(() => rows.map((r, i) => row(r, i, now).map((value) => ({ value }))))];
	return writeXlsxFile(data, {
		sheet: 'Theo dõi',
		stickyRowsCount: 1,
		columns: [6, 30, 12, 60, 24, 20, 24, 24, 18, 12, 12, 10, 40].map((width) => ({ width }))
	}).toBuffer();
}

export function trackingCsv(rows: TrackingRow[], now: number): string {
	return toCsv([HEADER, ...inVietnamese(() => rows.map((r, i) => row(r, i, now)))]);
}
