/**
 * The live channel's heartbeat. The server pings every `pingIntervalMs` and drops a connection whose
 * pong has not come back within `pingTimeoutMs`; the client drops the server when no ping has come
 * for `pingIntervalMs + pingTimeoutMs`. So a phone whose Wi-Fi silently vanished, or a frozen server,
 * is noticed by the other side within 15 s (Socket.IO's default is 45 s). Plain constants, no
 * imports: the end-to-end tests read them too (tests/e2e/crash-recovery.test.ts).
 */
export const HEARTBEAT = { pingIntervalMs: 10_000, pingTimeoutMs: 5_000 } as const;

/** The longest either side takes to notice that the other went silent. */
export const SILENCE_NOTICED_WITHIN_MS = HEARTBEAT.pingIntervalMs + HEARTBEAT.pingTimeoutMs;
