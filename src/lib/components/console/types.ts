import type { ConsoleRoom } from '$lib/client/console-room.svelte';
import type { Result } from '$lib/domain/result';

/** How the console's panels send commands and show their outcome, shared by all of them. */
export type Send = ConsoleRoom['send'];
export type Run = <T>(pending: Promise<Result<T>>, done?: string) => Promise<Result<T>>;
