/**
 * The demo event, drawn from the Văn Quan district plan for its 2024 children's forum
 * (shared/seeds): its theme, its topics, its invited agencies and a handful of its communes.
 */
import type { NewEvent } from './repositories';

export const DEMO_JOIN_CODE = 'VQ24';

/**
 * How `DEMO_EVENT` switches demo mode: `on` (what `npm start` sets) seeds the demo event, moderated
 * as a real forum is; `unmoderated` seeds it with items going straight to the screen, for the test
 * suite and the load bench, which play children without an MC; anything else, or nothing (what
 * `npm run serve` and a production start see), seeds nothing.
 */
export type DemoMode = { moderation: boolean } | null;

export function demoMode(value: string | undefined): DemoMode {
	if (value === 'on') return { moderation: true };
	if (value === 'unmoderated') return { moderation: false };
	return null;
}

const TOPICS = [
	'Quyền tham gia của trẻ em trong gia đình, nhà trường và xã hội',
	'Phòng, chống tai nạn thương tích, tai nạn giao thông, đuối nước',
	'Quyền được học tập, vui chơi, giải trí',
	'Chăm sóc sức khỏe, an toàn vệ sinh thực phẩm',
	'Bảo vệ trẻ em trên môi trường mạng',
	'Phòng, chống xâm hại tình dục, bạo lực học đường',
	'Phòng, chống lao động trẻ em trái quy định'
];

const DELEGATIONS = [
	'Thị trấn Văn Quan',
	'Xã Vĩnh Lại',
	'Xã Tràng Các',
	'Xã Tân Đoàn',
	'Xã Tú Xuyên',
	'Xã Điềm He',
	'Xã Yên Phúc',
	'Xã Tri Lễ'
];

const AGENCIES = [
	'UBND huyện',
	'Phòng Lao động, Thương binh, Xã hội - Dân tộc',
	'Phòng Giáo dục và Đào tạo',
	'Phòng Văn hóa và Thông tin',
	'Trung tâm Y tế',
	'Hội Liên hiệp Phụ nữ',
	'Huyện đoàn',
	'Công an huyện'
];

/** Who answers each topic by default: topic index → agency index. */
const TOPIC_AGENCY = [1, 6, 2, 4, 3, 7, 1];

/** The run of show, in the order the plans give it. */
const AGENDA: [title: string, minutes: number, presenter: string][] = [
	['Văn nghệ chào mừng', 10, 'Đội văn nghệ thiếu nhi'],
	['Tuyên bố lý do, giới thiệu đại biểu', 5, 'MC'],
	['Phát biểu khai mạc', 10, 'Lãnh đạo UBND huyện'],
	['Báo cáo kết quả công tác trẻ em năm 2023', 10, 'Phòng Lao động, Thương binh, Xã hội - Dân tộc'],
	['Trẻ em trình bày ý kiến, kiến nghị', 20, 'Các đoàn trẻ em'],
	['Đối thoại: lãnh đạo trả lời trẻ em', 40, 'MC'],
	['Phát biểu kết luận', 10, 'Lãnh đạo UBND huyện']
];

export function demoEvent(newId: () => string, displayKey: string, { moderation = true } = {}): NewEvent {
	const entries = (names: string[]) => names.map((name) => ({ id: newId(), name }));
	const agencies = entries(AGENCIES);
	return {
		id: newId(),
		code: DEMO_JOIN_CODE,
		title: 'Diễn đàn trẻ em huyện Văn Quan năm 2024',
		theme: 'Hành động thiết thực, ưu tiên nguồn lực cho trẻ em',
		level: 'district',
		organisingUnit: 'UBND huyện Văn Quan',
		venue: 'Hội trường UBND huyện Văn Quan',
		startsAt: Date.UTC(2024, 8, 15, 1, 0),
		// Moderated, as the setup form proposes for every real forum: the demo shows the MC's console.
		moderation,
		allowNicknames: true,
		joinOpen: true,
		displayKey,
		followUpDays: 30,
		predecessorId: null,
		wordFilter: '',
		topics: entries(TOPICS).map((topic, i) => ({ ...topic, agencyId: agencies[TOPIC_AGENCY[i]].id })),
		delegations: entries(DELEGATIONS),
		agencies,
		agenda: AGENDA.map(([title, plannedMinutes, presenter]) => ({ id: newId(), title, plannedMinutes, presenter }))
	};
}
