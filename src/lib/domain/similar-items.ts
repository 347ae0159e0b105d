/**
 * Ranking items by how alike they are to a new one: cosine similarity of TF-IDF-weighted term
 * vectors. The terms of a text (words, word pairs, concepts) come from the caller; here they are
 * weighed against the candidate pool, so terms most candidates share ("trẻ em", "trường", "xã")
 * count little and a rare term shared by two items counts much. Each text's terms are worked out
 * once and kept, in a bounded cache keyed by the text, so suggesting for every waiting item
 * against the same 2,000 is cheap. Pure; no dependencies.
 */

/** A text's terms, each with its own weight (a concept or a word pair may count less than a word). */
export type Terms = ReadonlyMap<string, number>;

type Vector = { ids: Int32Array; weights: Float64Array };

export function createRanker(termsOf: (text: string) => Terms, maxTexts = 5_000) {
	let vocabulary = new Map<string, number>();
	let vectors = new Map<string, Vector>();
	let df = new Float64Array(4096);
	let queryWeights = new Float64Array(4096);

	function vectorOf(text: string): Vector {
		const known = vectors.get(text);
		if (known) return known;
		const terms = termsOf(text);
		const vector: Vector = { ids: new Int32Array(terms.size), weights: new Float64Array(terms.size) };
		let i = 0;
		for (const [term, weight] of terms) {
			let id = vocabulary.get(term);
			if (id === undefined) vocabulary.set(term, (id = vocabulary.size));
			vector.ids[i] = id;
			vector.weights[i++] = weight;
		}
		vectors.set(text, vector);
		return vector;
	}

	/**
	 * The vectors of `texts`, from the cache where it has them. Term ids are only valid with the
	 * vocabulary that made them, so when the new texts would overflow the cache, both start afresh.
	 */
	function vectorsOf(texts: readonly string[]): Vector[] {
		let missing = 0;
		for (const text of texts) if (!vectors.has(text)) missing++;
		if (missing && vectors.size + missing > maxTexts) {
			vocabulary = new Map();
			vectors = new Map();
		}
		return texts.map(vectorOf);
	}

	function grow(size: number) {
		if (df.length >= size) return;
		df = new Float64Array(size * 2);
		queryWeights = new Float64Array(size * 2);
	}

	/** Cosine of two texts with every term weighed by its own weight only: there is no pool to weigh against. */
	function similarity(a: string, b: string): number {
		const [x, y] = vectorsOf([a, b]);
		let dot = 0;
		for (let i = 0; i < x.ids.length; i++) {
			for (let j = 0; j < y.ids.length; j++) if (x.ids[i] === y.ids[j]) dot += x.weights[i] * y.weights[j];
		}
		const norm = (v: Vector) => Math.sqrt(v.weights.reduce((sum, w) => sum + w * w, 0));
		return dot ? dot / (norm(x) * norm(y)) : 0;
	}

	/** Every candidate scoring at least `threshold`, best first (ties in the candidates' order), at most `limit`. */
	function rank<T extends { text: string }>(text: string, candidates: readonly T[], limit: number, threshold: number): (T & { score: number })[] {
		if (limit <= 0 || !candidates.length) return [];
		const [query, ...pool] = vectorsOf([text, ...candidates.map((candidate) => candidate.text)]);
		if (!query.ids.length) return [];
		grow(vocabulary.size);
		for (const vector of pool) for (const id of vector.ids) df[id]++;
		for (const id of query.ids) df[id]++;
		const n = pool.length + 1;
		const idf = (id: number) => Math.log((n + 1) / (df[id] + 1)) + 1;
		let queryNorm = 0;
		for (let i = 0; i < query.ids.length; i++) {
			const weight = query.weights[i] * idf(query.ids[i]);
			queryWeights[query.ids[i]] = weight;
			queryNorm += weight * weight;
		}
		queryNorm = Math.sqrt(queryNorm);
		const scored: (T & { score: number })[] = [];
		pool.forEach((vector, index) => {
			let dot = 0;
			for (let i = 0; i < vector.ids.length; i++) {
				const q = queryWeights[vector.ids[i]];
				if (q) dot += q * vector.weights[i] * idf(vector.ids[i]);
			}
			if (!dot) return;
			let norm = 0;
			for (let i = 0; i < vector.ids.length; i++) norm += (vector.weights[i] * idf(vector.ids[i])) ** 2;
			const score = dot / (queryNorm * Math.sqrt(norm));
			if (score >= threshold) scored.push({ ...candidates[index], score });
		});
		for (const vector of pool) for (const id of vector.ids) df[id] = 0;
		for (const id of query.ids) {
			df[id] = 0;
			queryWeights[id] = 0;
		}
		return scored.sort((a, b) => b.score - a.score).slice(0, limit);
	}

	return { similarity, rank };
}
