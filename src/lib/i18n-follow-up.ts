/**
 * Follow-up words shared by staff pages, the public outcome page and the phone's lazily loaded
 * outcome card: kept apart so that the phone's first load carries none of them.
 */
import type { FollowUpStatus } from '$lib/domain/follow-up';
import { m } from '$lib/paraglide/messages.js';

const FOLLOW_UP_LABELS: Record<FollowUpStatus, () => string> = {
	open: m.followup_open,
	in_progress: m.followup_in_progress,
	fulfilled: m.followup_fulfilled,
	cannot_yet: m.followup_cannot_yet
};

export const followUpStatusLabel = (status: FollowUpStatus) => FOLLOW_UP_LABELS[status]();
