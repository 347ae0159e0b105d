export const STAFF_COOKIE = 'dd_staff';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Staff sign in on shared laptops at the venue: shorter than a child's session. */
export const STAFF_SESSION_LIFETIME_MS = 14 * DAY_MS;
export const STAFF_SESSION_RENEW_WITHIN_MS = 7 * DAY_MS;

/**
 * A browser that signed in before: its own wait after failed sign-ins, so strangers guessing the
 * account from elsewhere never slow the real user down there (staff-auth-service.ts).
 */
export const STAFF_DEVICE_COOKIE = 'dd_staff_device';
export const STAFF_DEVICE_LIFETIME_MS = 90 * DAY_MS;
