/**
 * A drizzle query built on first use and kept, then run again with new placeholder values.
 * drizzle otherwise rebuilds a query's SQL from its objects on every call, which was a large part
 * of a join's and a vote's cost in the server's profile (`npm run bench`). Only the hot paths use
 * it (a join, a phone's sync, a vote); the rest stays plain drizzle, easier to read.
 */
export function preparedOnce<T>(build: () => T): () => T {
	let query: T | undefined;
	return () => (query ??= build());
}

/** One prepared query per distinct key, for queries whose shape depends on an argument (a list of statuses). */
export function preparedPer<K, T>(build: (key: K) => T): (key: K) => T {
	const queries = new Map<K, T>();
	return (key) => {
		let query = queries.get(key);
		if (!query) queries.set(key, (query = build(key)));
		return query;
	};
}
