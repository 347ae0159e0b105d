/**
 * A forum's results as one package, for a higher-level forum on another installation (a district
 * laptop in the hall → the province's server). The format, its validation and its checksum; pure:
 * no I/O, the zip and the clock live in the service.
 *
 * What never goes in: children's sessions, participant ids (children are opaque per-forum refs),
 * nicknames (only an item's author name, which the child chose to show on screen), seat codes,
 * items that were never shown (pending, rejected, withdrawn, merged) and safeguarding items.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { z } from 'zod';
import { EVENT_LEVELS } from './event';
import { FOLLOW_UP_STATUSES } from './follow-up';
import { AGE_BANDS, GENDERS } from './participant';
import { POLL_KINDS } from './poll';
import { fail, ok, type Result } from './result';

export const PACKAGE_FORMAT = 'dien-dan-tre-em/forum-package';
/** Raised when the content's shape changes; a package of another version is refused, not guessed at. */
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_MANIFEST_FILE = 'manifest.json';
export const PACKAGE_CONTENT_FILE = 'content.json';
/** A district forum's package is a few hundred kilobytes; anything far larger is not one. */
export const PACKAGE_MAX_BYTES = 20 * 1024 * 1024;

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max);
const millis = z.number().int().nonnegative();

const named = z.object({ id, name: text(500) });

const followUpState = {
	status: z.enum(FOLLOW_UP_STATUSES),
	agencyId: id.nullable(),
	dueAt: millis,
	response: text(5000),
	reason: text(5000),
	wayForward: text(5000)
};

const pollAnswerSchema = z.union([
	z.object({ optionId: id }).strict(),
	z.object({ optionIds: z.array(id).max(100) }).strict(),
	z.object({ value: z.number() }).strict(),
	z.object({ text: text(1000), itemId: id.optional() }).strict()
]);

export const packageContentSchema = z
	.object({
		event: z
			.object({
				title: text(300).min(1),
				theme: text(1000),
				level: z.enum(EVENT_LEVELS),
				organisingUnit: text(300),
				venue: text(300),
				startsAt: millis.nullable(),
				followUpDays: z.number().int().positive().max(3650),
				/** Which balance questions were asked, and when the legal representatives' consent was recorded. */
				askAgeBand: z.boolean(),
				askGender: z.boolean(),
				personalDataConsentAt: millis.nullable()
			})
			.strict(),
		delegations: z.array(named).max(500),
		agencies: z.array(named).max(500),
		topics: z.array(named.extend({ agencyId: id.nullable() })).max(500),
		/** One entry per child who joined: a ref that means nothing outside this package. */
		children: z
			.array(z.object({ ref: id, delegationId: id, ageBand: z.enum(AGE_BANDS).nullable(), gender: z.enum(GENDERS).nullable() }).strict())
			.max(100_000),
		submissions: z
			.array(
				z
					.object({
						id,
						kind: z.enum(['question', 'recommendation', 'message']),
						delegationId: id,
						topicId: id,
						agencyId: id.nullable(),
						text: text(5000).min(1),
						authorName: text(100).nullable(),
						status: z.enum(['approved', 'answered', 'follow_up']),
						answerSummary: text(5000).nullable(),
						answeredBy: text(300).nullable(),
						votes: z.number().int().nonnegative(),
						createdAt: millis,
						originLabel: text(300).nullable()
					})
					.strict()
			)
			.max(100_000),
		followUps: z
			.array(
				z
					.object({
						id,
						submissionId: id,
						...followUpState,
						createdAt: millis,
						updatedAt: millis,
						history: z.array(z.object({ at: millis, byName: text(300), note: text(5000), ...followUpState }).strict()).max(1000)
					})
					.strict()
			)
			.max(100_000),
		polls: z
			.array(
				z
					.object({
						id,
						kind: z.enum(POLL_KINDS),
						question: text(1000).min(1),
						options: z.array(named.pick({ id: true }).extend({ label: text(500) })).max(100),
						scale: z.object({ min: z.number().int(), max: z.number().int() }).strict(),
						status: z.enum(['draft', 'open', 'closed']),
						resultsShown: z.boolean(),
						answers: z.array(z.object({ child: id, answer: pollAnswerSchema, at: millis }).strict()).max(100_000)
					})
					.strict()
			)
			.max(1000),
		/** Recommendations and messages the organiser sends upward with the package: the higher forum's inbox. */
		forwarded: z.array(id).max(10_000)
	})
	.strict()
	.superRefine((content, context) => {
		// Every reference points inside the package: a package never names rows it does not carry.
		const ids = (list: { id: string }[]) => new Set(list.map((entry) => entry.id));
		const [delegations, agencies, topics, items, children] = [
			ids(content.delegations),
			ids(content.agencies),
			ids(content.topics),
			ids(content.submissions),
			new Set(content.children.map((c) => c.ref))
		];
		const broken = (message: string) => context.addIssue({ code: 'custom', message });
		const agencyOk = (agencyId: string | null) => agencyId === null || agencies.has(agencyId);
		if (content.topics.some((t) => !agencyOk(t.agencyId))) broken('topic agency');
		if (content.children.some((c) => !delegations.has(c.delegationId))) broken('child delegation');
		for (const s of content.submissions)
			if (!delegations.has(s.delegationId) || !topics.has(s.topicId) || !agencyOk(s.agencyId)) broken(`item ${s.id}`);
		for (const f of content.followUps)
			if (!items.has(f.submissionId) || !agencyOk(f.agencyId) || f.history.some((h) => !agencyOk(h.agencyId))) broken(`follow-up ${f.id}`);
		for (const p of content.polls) if (p.answers.some((a) => !children.has(a.child))) broken(`poll ${p.id}`);
		const forwardable = new Set(content.submissions.filter((s) => s.kind !== 'question').map((s) => s.id));
		if (content.forwarded.some((f) => !forwardable.has(f))) broken('forwarded');
		for (const list of [content.delegations, content.agencies, content.topics, content.submissions, content.followUps, content.polls])
			if (ids(list).size !== list.length) broken('duplicate id');
	});

export type PackageContent = z.infer<typeof packageContentSchema>;

export const packageCountsSchema = z
	.object({
		delegations: z.number().int().nonnegative(),
		topics: z.number().int().nonnegative(),
		agencies: z.number().int().nonnegative(),
		children: z.number().int().nonnegative(),
		submissions: z.number().int().nonnegative(),
		followUps: z.number().int().nonnegative(),
		polls: z.number().int().nonnegative(),
		forwarded: z.number().int().nonnegative()
	})
	.strict();

export type PackageCounts = z.infer<typeof packageCountsSchema>;

/** Read first: the version is checked before anything else in the manifest is trusted. */
const versionOnly = z.object({ format: z.literal(PACKAGE_FORMAT), formatVersion: z.number() });

export const packageManifestSchema = z
	.object({
		format: z.literal(PACKAGE_FORMAT),
		formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
		installationId: id,
		sourceEventId: id,
		exportedAt: millis,
		counts: packageCountsSchema,
		/** SHA-256 (hex) of content.json's bytes exactly as stored in the package. */
		checksum: z.string().regex(/^[0-9a-f]{64}$/)
	})
	.strict();

export type PackageManifest = z.infer<typeof packageManifestSchema>;

export function countsOf(content: PackageContent): PackageCounts {
	return {
		delegations: content.delegations.length,
		topics: content.topics.length,
		agencies: content.agencies.length,
		children: content.children.length,
		submissions: content.submissions.length,
		followUps: content.followUps.length,
		polls: content.polls.length,
		forwarded: content.forwarded.length
	};
}

export function checksumOf(bytes: Uint8Array): string {
	return encodeHexLowerCase(sha256(bytes));
}

/** The two files of a package, as bytes: the manifest names the content's checksum and counts. */
export function packageFiles(
	content: PackageContent,
	origin: { installationId: string; sourceEventId: string; exportedAt: number }
): { manifest: PackageManifest; files: Record<string, Uint8Array> } {
	const contentBytes = new TextEncoder().encode(JSON.stringify(content));
	const manifest: PackageManifest = {
		format: PACKAGE_FORMAT,
		formatVersion: PACKAGE_FORMAT_VERSION,
		...origin,
		counts: countsOf(content),
		checksum: checksumOf(contentBytes)
	};
	return {
		manifest,
		files: {
			[PACKAGE_MANIFEST_FILE]: new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
			[PACKAGE_CONTENT_FILE]: contentBytes
		}
	};
}

const parseJson = (bytes: Uint8Array): unknown => {
	try {
		return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return undefined;
	}
};

/**
 * Checks a package's two files, in the order that gives the clearest refusal: a damaged manifest,
 * then another format version, then content altered after export (checksum or counts), then
 * content that does not hold together. Nothing is trusted before all of it passes.
 */
export function readPackage(
	manifestBytes: Uint8Array | null,
	contentBytes: Uint8Array | null
): Result<{ manifest: PackageManifest; content: PackageContent }> {
	if (!manifestBytes || !contentBytes) return fail('package_damaged');
	const rawManifest = parseJson(manifestBytes);
	const version = versionOnly.safeParse(rawManifest);
	if (!version.success) return fail('package_damaged');
	if (version.data.formatVersion !== PACKAGE_FORMAT_VERSION) return fail('package_version');
	const manifest = packageManifestSchema.safeParse(rawManifest);
	if (!manifest.success) return fail('package_damaged');
	if (checksumOf(contentBytes) !== manifest.data.checksum) return fail('package_altered');
	const content = packageContentSchema.safeParse(parseJson(contentBytes));
	if (!content.success) return fail('package_damaged');
	if (JSON.stringify(countsOf(content.data)) !== JSON.stringify(manifest.data.counts)) return fail('package_altered');
	return ok({ manifest: manifest.data, content: content.data });
}

/**
 * The id a row of an imported forum gets here: the same for every import of that forum's packages,
 * so a second import updates the rows the first one stored instead of adding copies. A UUID's shape,
 * from SHA-256 of where it came from.
 */
export function importedId(installationId: string, sourceEventId: string, kind: string, sourceId: string): string {
	const hex = encodeHexLowerCase(sha256(new TextEncoder().encode(`${installationId}\u0000${sourceEventId}\u0000${kind}\u0000${sourceId}`)));
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A child's ref in a package: stable across exports of one forum, meaningless without the database. */
export function childRef(installationId: string, eventId: string, participantId: string): string {
	return importedId(installationId, eventId, 'child', participantId).replace(/-/g, '').slice(0, 20);
}
