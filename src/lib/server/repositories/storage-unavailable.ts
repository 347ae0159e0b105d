/**
 * What any storage engine throws when it cannot store anything right now: the database stayed
 * locked by another process for too long ('busy'), or the disk refused the write ('failing', a full
 * disk). Nothing was stored. A service turns it into a sentence where a person is waiting for one.
 */
export class StorageUnavailable extends Error {
	constructor(
		readonly reason: 'busy' | 'failing',
		options?: { cause?: unknown }
	) {
		super(`storage unavailable (${reason})`, options);
		this.name = 'StorageUnavailable';
	}
}

/** Whether writes go through now; for /healthz. */
export type DatabaseHealth = 'ok' | 'busy' | 'failing';
