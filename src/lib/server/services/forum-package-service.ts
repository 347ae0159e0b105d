import { randomInt } from 'node:crypto';
import JSZip from 'jszip';
import { isHigherLevel } from '$lib/domain/event';
import { generateJoinCode } from '$lib/domain/event-setup';
import {
	childRef,
	importedId,
	packageFiles,
	readPackage,
	PACKAGE_CONTENT_FILE,
	PACKAGE_MANIFEST_FILE,
	PACKAGE_MAX_BYTES,
	type PackageContent,
	type PackageManifest
} from '$lib/domain/forum-package';
import type { PollAnswer } from '$lib/domain/poll';
import { fail, ok, type Result } from '$lib/domain/result';
import { authorise, type StaffActor } from '$lib/domain/staff';
import { foldVietnamese } from '$lib/domain/vietnamese-text';
import type { ImportedForum } from '../repositories';
import { auditTrail } from './audit-trail';
import { NEW_SUBMISSION, type ServiceDeps } from './deps';
import { newDisplayKey } from './event-setup-service';
import { forwardedCopy } from './forwarding-service';

const EXPORTED_STATUSES = ['approved', 'answered', 'follow_up'] as const;

export interface ImportSummary {
	eventId: string;
	title: string;
	/** False when the package updated a forum imported before. */
	created: boolean;
	submissions: number;
	followUps: number;
	/** Forwarded recommendations that arrived in the inbox now (0 on a repeated import). */
	forwarded: number;
}

/**
 * A forum's results as one file, for a higher-level forum on another installation (issue 20).
 * The organiser exports; the higher forum's organiser imports it as a read-only lower-level forum
 * linked to theirs, and its forwarded recommendations into their inbox, waiting for moderation.
 */
export function createForumPackageService(deps: ServiceDeps) {
	const { repos, now, newId } = deps;
	const audit = auditTrail(deps);
	const installationId = () => repos.forumPackages.installationId(newId());

	async function contentOf(eventId: string, origin: string, forward: readonly string[]): Promise<Result<PackageContent>> {
		const event = await repos.events.findById(eventId);
		if (!event) return fail('unknown_event');
		const [items, followUps, polls, children] = await Promise.all([
			repos.submissions.listByStatus(eventId, EXPORTED_STATUSES),
			repos.followUps.listForEvent(eventId),
			repos.polls.listByEvent(eventId),
			repos.forumPackages.children(eventId)
		]);
		const itemIds = new Set(items.map((i) => i.id));
		const consented = event.personalDataConsentAt != null;
		const forwardable = new Set(items.filter((i) => i.kind !== 'question').map((i) => i.id));
		if (forward.some((id) => !forwardable.has(id))) return fail('forward_invalid');
		const refOf = new Map(children.map((c) => [c.participantId, childRef(origin, eventId, c.participantId)]));
		const answerOf = (answer: PollAnswer): PollAnswer => {
			// An open answer is an item: its words travel only if the item was shown, i.e. is in the package.
			if ('itemId' in answer && answer.itemId !== undefined) return itemIds.has(answer.itemId) ? answer : { text: '' };
			return answer;
		};
		return ok({
			event: {
				title: event.title,
				theme: event.theme,
				level: event.level,
				organisingUnit: event.organisingUnit,
				venue: event.venue,
				startsAt: event.startsAt,
				followUpDays: event.followUpDays,
				askAgeBand: event.askAgeBand && consented,
				askGender: event.askGender && consented,
				personalDataConsentAt: consented ? (event.personalDataConsentAt ?? null) : null
			},
			delegations: event.delegations.map(({ id, name }) => ({ id, name })),
			agencies: event.agencies.map(({ id, name }) => ({ id, name })),
			topics: event.topics.map(({ id, name, agencyId }) => ({ id, name, agencyId })),
			// The balance answers travel only where they were asked with the consent recorded.
			children: children.map((c) => ({
				ref: refOf.get(c.participantId)!,
				delegationId: c.delegationId,
				ageBand: consented && event.askAgeBand ? c.ageBand : null,
				gender: consented && event.askGender ? c.gender : null
			})),
			submissions: items.map((i) => ({
				id: i.id,
				kind: i.kind,
				delegationId: i.delegationId,
				topicId: i.topicId,
				agencyId: i.agencyId,
				text: i.text,
				authorName: i.authorName,
				status: i.status as (typeof EXPORTED_STATUSES)[number],
				answerSummary: i.answerSummary,
				answeredBy: i.answeredBy,
				votes: i.votes,
				createdAt: i.createdAt,
				originLabel: i.originLabel
			})),
			followUps: await Promise.all(
				followUps
					.filter((f) => itemIds.has(f.submissionId))
					.map(async ({ eventId: _eventId, ...f }) => ({ ...f, history: await repos.followUps.history(f.id) }))
			),
			polls: await Promise.all(
				polls.map(async (p) => ({
					id: p.id,
					kind: p.kind,
					question: p.question,
					options: p.options,
					scale: p.scale,
					status: p.status,
					resultsShown: p.resultsShown,
					answers: (await repos.polls.listAnswers(p.id))
						.filter((a) => refOf.has(a.participantId))
						.map((a) => ({ child: refOf.get(a.participantId)!, answer: answerOf(a.answer), at: a.at }))
				}))
			),
			forwarded: [...forward]
		});
	}

	async function unusedJoinCode(): Promise<string> {
		for (;;) {
			const code = generateJoinCode(randomInt);
			if (!(await repos.events.findByCode(code))) return code;
		}
	}

	/** The package's rows with this installation's ids: the same ids on every import of that forum. */
	async function importedForum(parentId: string, manifest: PackageManifest, content: PackageContent) {
		const local = (kind: string, sourceId: string) => importedId(manifest.installationId, manifest.sourceEventId, kind, sourceId);
		const localOr = (kind: string, sourceId: string | null) => (sourceId === null ? null : local(kind, sourceId));
		const eventId = local('event', manifest.sourceEventId);
		const known = await repos.forumPackages.findImported(manifest.installationId, manifest.sourceEventId);
		const items = content.submissions.map((s) => ({
			...NEW_SUBMISSION,
			...s,
			id: local('item', s.id),
			eventId,
			participantId: null,
			delegationId: local('delegation', s.delegationId),
			topicId: local('topic', s.topicId),
			agencyId: localOr('agency', s.agencyId)
		}));
		const itemIds = new Set(content.submissions.map((s) => s.id));
		const answerHere = (answer: PollAnswer): PollAnswer =>
			'itemId' in answer && answer.itemId !== undefined
				? itemIds.has(answer.itemId)
					? { text: answer.text, itemId: local('item', answer.itemId) }
					: { text: '' }
				: answer;
		const forum: ImportedForum = {
			event: {
				...content.event,
				id: eventId,
				code: known?.code ?? (await unusedJoinCode()),
				displayKey: known?.displayKey ?? newDisplayKey(),
				parentEventId: parentId,
				importedFrom: manifest.installationId,
				importedSourceId: manifest.sourceEventId,
				importedExportedAt: manifest.exportedAt,
				importedChecksum: manifest.checksum
			},
			lists: {
				delegations: content.delegations.map((d) => ({ ...d, id: local('delegation', d.id) })),
				agencies: content.agencies.map((a) => ({ ...a, id: local('agency', a.id) })),
				topics: content.topics.map((t) => ({ ...t, id: local('topic', t.id), agencyId: localOr('agency', t.agencyId) }))
			},
			children: content.children.map((c) => ({
				id: local('child', c.ref),
				delegationId: local('delegation', c.delegationId),
				ageBand: c.ageBand,
				gender: c.gender
			})),
			submissions: items,
			followUps: content.followUps.map(({ history, ...f }) => ({
				followUp: { ...f, id: local('followUp', f.id), submissionId: local('item', f.submissionId), eventId, agencyId: localOr('agency', f.agencyId) },
				history: history.map((h) => ({ ...h, agencyId: localOr('agency', h.agencyId) }))
			})),
			polls: content.polls.map(({ answers, ...p }) => ({
				poll: { ...p, id: local('poll', p.id), eventId },
				answers: answers.map((a) => ({ participantId: local('child', a.child), answer: answerHere(a.answer), at: a.at }))
			})),
			inbox: []
		};
		return { forum, known, items };
	}

	return {
		/** Forums imported into this one, for its organiser: where to start next year's copy of one. */
		async importedInto(actor: StaffActor | null, parentEventId: string) {
			if (!authorise(actor, 'event:edit', { eventId: parentEventId })) return [];
			const children = await repos.events.listChildren(parentEventId);
			return children
				.filter((e) => e.importedFrom)
				.map((e) => ({ id: e.id, title: e.title, level: e.level, exportedAt: e.importedExportedAt ?? null }));
		},

		/**
		 * The forum's package: a zip of manifest.json and content.json. `forward` names the shown
		 * recommendations and messages the organiser sends upward with it.
		 */
		async exportPackage(
			actor: StaffActor | null,
			eventId: string,
			forward: readonly string[] = []
		): Promise<Result<{ fileName: string; bytes: Uint8Array; manifest: PackageManifest }>> {
			if (!actor || !authorise(actor, 'report:export', { eventId })) return audit.refused(actor, 'package:export', eventId, 'forbidden');
			const origin = await installationId();
			const content = await contentOf(eventId, origin, forward);
			if (!content.ok) return audit.refused(actor, 'package:export', eventId, content.error.code);
			const exportedAt = now();
			const { manifest, files } = packageFiles(content.data, { installationId: origin, sourceEventId: eventId, exportedAt });
			const zip = new JSZip();
			for (const [name, bytes] of Object.entries(files)) zip.file(name, bytes, { date: new Date(exportedAt) });
			const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
			const slug = foldVietnamese(content.data.event.title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'dien-dan';
			await audit.done(actor, 'package:export', eventId, `${manifest.counts.submissions} items, ${forward.length} forwarded`);
			return ok({ fileName: `${slug}-${new Date(exportedAt).toISOString().slice(0, 10)}.zip`, bytes, manifest });
		},

		/**
		 * Imports a lower-level forum's package into the organiser's forum `parentEventId`: all of it
		 * or nothing. A damaged zip, another format version, or content altered after export is
		 * refused before anything is written; the same package again stores nothing new; a later
		 * package of the same forum updates it (new outcomes, new history) in place.
		 */
		async importPackage(
			actor: StaffActor | null,
			parentEventId: string,
			bytes: Uint8Array,
			options: { inboxDelegationId?: string | null } = {}
		): Promise<Result<ImportSummary>> {
			if (!actor || !authorise(actor, 'event:edit', { eventId: parentEventId }))
				return audit.refused(actor, 'package:import', parentEventId, 'forbidden');
			const parent = await repos.events.findById(parentEventId);
			if (!parent) return audit.refused(actor, 'package:import', parentEventId, 'unknown_event');
			if (bytes.byteLength > PACKAGE_MAX_BYTES) return audit.refused(actor, 'package:import', parentEventId, 'package_too_large');
			const read = await unzip(bytes);
			if (!read.ok) return audit.refused(actor, 'package:import', parentEventId, read.error.code);
			const { manifest, content } = read.data;
			if (!isHigherLevel(content.event.level, parent.level)) return audit.refused(actor, 'package:import', parentEventId, 'forward_level');
			const inboxDelegationId = options.inboxDelegationId ?? '';
			if (content.forwarded.length && !parent.delegations.some((d) => d.id === inboxDelegationId))
				return audit.refused(actor, 'package:import', parentEventId, 'unknown_delegation');
			const { forum, known, items } = await importedForum(parent.id, manifest, content);
			// An older package of a forum already imported would turn new outcomes back into old ones.
			if (known && known.exportedAt > manifest.exportedAt) return audit.refused(actor, 'package:import', parentEventId, 'package_outdated');
			const source = { title: content.event.title, topics: forum.lists.topics, agencies: forum.lists.agencies };
			const forwarded = new Set(content.forwarded.map((id) => importedId(manifest.installationId, manifest.sourceEventId, 'item', id)));
			forum.inbox = items
				.filter((item) => forwarded.has(item.id))
				.map((item) => forwardedCopy(source, parent, inboxDelegationId, item, { id: newId(), at: now() }));
			const { inboxAdded } = await repos.forumPackages.store(forum);
			for (const submission of inboxAdded) await deps.announce({ type: 'submission:added', submission });
			await audit.done(
				actor,
				'package:import',
				parentEventId,
				`${known ? 'updated' : 'imported'} ${forum.event.id} from ${manifest.installationId}: ${items.length} items, ${inboxAdded.length} forwarded`
			);
			return ok({
				eventId: forum.event.id,
				title: forum.event.title,
				created: !known,
				submissions: items.length,
				followUps: forum.followUps.length,
				forwarded: inboxAdded.length
			});
		}
	};
}

/**
 * The two files out of the zip, then checked (domain/forum-package.ts): a broken zip is a damaged
 * package. Each file is read as a stream and given up past PACKAGE_MAX_BYTES, so a small upload
 * that inflates to gigabytes (a zip bomb) costs no more than that. The zip's own CRCs are not
 * checked: the manifest's SHA-256 of the content is the stronger check, and needs no second pass.
 */
async function unzip(bytes: Uint8Array): Promise<Result<{ manifest: PackageManifest; content: PackageContent }>> {
	try {
		const zip = await JSZip.loadAsync(bytes);
		const files = [];
		for (const name of [PACKAGE_MANIFEST_FILE, PACKAGE_CONTENT_FILE]) {
			const entry = zip.file(name);
			const read = entry ? await readAtMost(entry, PACKAGE_MAX_BYTES) : null;
			if (read === 'too_large') return fail('package_too_large');
			files.push(read);
		}
		return readPackage(files[0], files[1]);
	} catch {
		return fail('package_damaged');
	}
}

function readAtMost(entry: JSZip.JSZipObject, max: number): Promise<Uint8Array | 'too_large'> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const stream = entry.nodeStream('nodebuffer');
		stream.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= max) chunks.push(chunk);
			else {
				stream.pause();
				resolve('too_large');
			}
		});
		stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		stream.on('error', reject);
	});
}

export type ForumPackageService = ReturnType<typeof createForumPackageService>;
