/**
 * Runs `announce(key)` once, `tickMs` after the first call of `soon(key)`, however many calls
 * arrive meanwhile: a burst of changes becomes one broadcast of the latest state. 200 children
 * scanning the QR code at once give the screen a few join counts, not 200.
 */
export function coalescer(tickMs: number, announce: (key: string) => unknown) {
	const pending = new Map<string, ReturnType<typeof setTimeout>>();
	return {
		soon(key: string) {
			if (pending.has(key)) return;
			const timer = setTimeout(async () => {
				pending.delete(key);
				try {
					await announce(key);
				} catch (error) {
					// A broadcast that fails is missed by nobody for long: the next change or sync repairs it.
					console.error('announcement failed', error);
				}
			}, tickMs);
			timer.unref?.();
			pending.set(key, timer);
		},
		/** Pending announcements are dropped when the app closes. */
		close() {
			for (const timer of pending.values()) clearTimeout(timer);
			pending.clear();
		}
	};
}

/**
 * A coalescer that also gathers what changed: `announce(group, keys)` runs once per tick per group
 * with every key marked meanwhile (e.g. the items of one event whose counts changed).
 */
export function gatherer(tickMs: number, announce: (group: string, keys: string[]) => unknown) {
	const marked = new Map<string, Set<string>>();
	const ticks = coalescer(tickMs, async (group) => {
		const keys = marked.get(group);
		marked.delete(group);
		if (keys?.size) await announce(group, [...keys]);
	});
	return {
		soon(group: string, key: string) {
			(marked.get(group) ?? marked.set(group, new Set()).get(group)!).add(key);
			ticks.soon(group);
		},
		close() {
			ticks.close();
			marked.clear();
		}
	};
}
