/**
 * The building blocks of an administrative report in Word: Times New Roman at 13 pt, justified
 * paragraphs, bold numbered headings, bordered tables with a repeated header row. Shared by the
 * forum's report and the province's roll-up, so both are filed in the same layout.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export const FONT = 'Times New Roman';
export const text = (value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
	new TextRun({ text: value, font: FONT, size: options.size ?? 26, bold: options.bold, italics: options.italics });
export const para = (value: string, options: { bold?: boolean; italics?: boolean; center?: boolean; size?: number } = {}) =>
	new Paragraph({
		alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
		spacing: { after: 120 },
		children: [text(value, options)]
	});
export const heading = (value: string) => new Paragraph({ spacing: { before: 240, after: 120 }, children: [text(value, { bold: true })] });

export const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const cell = (children: Paragraph[], width: number, borders = true) =>
	new TableCell({
		width: { size: width, type: WidthType.PERCENTAGE },
		children,
		...(borders ? {} : { borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER } })
	});

export const percent = (count: number, of: number) => (of ? `${Math.round((100 * count) / of)}%` : '');

export function table(header: string[], rows: (string | number)[][], widths: number[]) {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({ tableHeader: true, children: header.map((h, i) => cell([para(h, { bold: true, center: true, size: 24 })], widths[i])) }),
			...rows.map((row) => new TableRow({ children: row.map((value, i) => cell([para(String(value), { size: 24 })], widths[i])) }))
		]
	});
}

/** Decree 30/2020's margins: 2 cm top and bottom, 3 cm left, 1.5 cm right (in twips). */
export const REPORT_MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 850 };

/** The issuing body on the left, the national name and motto on the right, without borders. */
export function issuerAndMotto(organisingUnit: string) {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({
				children: [
					cell([para((organisingUnit || 'Ban Tổ chức').toUpperCase(), { bold: true, center: true, size: 24 })], 40, false),
					cell(
						[
							para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true, size: 24 }),
							para('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true, size: 26 })
						],
						60,
						false
					)
				]
			})
		]
	});
}
