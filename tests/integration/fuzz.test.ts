/**
 * Property-based fuzzing of the live channel (fast-check): every command a phone, a projection
 * screen and a staff console can send gets thousands of malformed, oversized and hostile payloads,
 * written straight onto real socket.io-client connections as Socket.IO packets (so nesting deeper
 * than JSON.stringify can go, exact byte sizes, binary attachments and broken packets are possible).
 *
 * What must hold: the server stays up (fresh clients connect and valid commands succeed after),
 * every packet that asks for an ack gets `{ ok: false, error: { code } }` with a known code (never
 * `server_error`), messages over the size limit close that connection and nothing else, no
 * prototype of the server process is polluted, and no table changes except the organiser's log of
 * refusals.
 *
 * What each payload key accepts is written out below from docs/realtime.md, not read from the
 * server's zod schemas, so a schema that lets a wrong payload through fails here. The command list
 * is complete by type (a map over ClientToServerEvents) and checked at run time against the
 * handlers the server really registered for each kind of connection.
 *
 * FUZZ_RUNS scales the number of runs (default 1); the seed is printed by fast-check on failure.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode, type ErrorCode } from '$lib/domain/result';
import { ANSWER_SUMMARY_MAX, REJECTION_REASONS, SUBMISSION_KINDS, SUBMISSION_TEXT_MAX } from '$lib/domain/submission';
import { MAX_PAYLOAD_BYTES, STAFF_COMMANDS, type ClientToServerEvents } from '$lib/realtime/protocol';
import { auditRowsAfter, lastAuditId, snapshotDatabase, type DatabaseSnapshot } from '../db-snapshot';
import { blankString, hostileKey, hostileString, longString } from '../fuzz-material';
import { DISPLAY_KEY, sleep, startTestServer, type TestServer, type TestSocket } from './harness';

type Command = keyof ClientToServerEvents;
type Role = 'phone' | 'screen' | 'staff';

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const ACK_TIMEOUT_MS = 4000;

// ---------------------------------------------------------------------------------------------
// Hostile material
// ---------------------------------------------------------------------------------------------

const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notUuid = fc
	.oneof(
		hostileString,
		fc.uuid().chain((u) =>
			fc.constantFrom(u.slice(1), `${u}0`, ` ${u}`, `${u}\u0000`, `{${u}}`, `urn:uuid:${u}`, u.replaceAll('-', ''), `${u.slice(0, 8)}\u200B${u.slice(8)}`, u.replace(/[0-9a-f]/, 'g'))
		)
	)
	.filter((s) => !UUID_LIKE.test(s));
const badId = fc.oneof(fc.constant(''), longString(65, 400));
const shortHostile = hostileString.filter((s) => s.length >= 1 && s.length <= 64);

/** Key/value pairs that would pollute a prototype if anything merged them carelessly. */
const POLLUTERS: [string, unknown][] = [
	['__proto__', { polluted: 'yes', isAdmin: true, toString: 'x' }],
	['constructor', { prototype: { polluted: 'yes' } }],
	['prototype', { polluted: 'yes' }],
	['__proto__', { __proto__: { polluted: 'yes' } }]
];

/** Nesting deeper than JSON.stringify or a recursive validator can take, written as JSON text. */
class Deep {
	constructor(
		readonly depth: number,
		readonly shape: 'array' | 'object'
	) {}
	toJson() {
		return this.shape === 'array' ? '['.repeat(this.depth) + ']'.repeat(this.depth) : '{"a":'.repeat(this.depth) + '0' + '}'.repeat(this.depth);
	}
}
const deep = fc
	.record({
		depth: fc.oneof(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 300, max: 10_000 }), fc.constantFrom(1300, 4000, 4090, 10_000)),
		shape: fc.constantFrom('array' as const, 'object' as const)
	})
	.map(({ depth, shape }) => new Deep(depth, shape));
const smallDeep = fc.integer({ min: 2, max: 1000 }).chain((depth) => fc.constantFrom(new Deep(depth, 'array'), new Deep(depth, 'object')));

/** Sent as Socket.IO binary attachments. */
const binary = fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 6000, max: 12_000 }).map((n) => new Uint8Array(n)));

const hugeString = fc.tuple(fc.constantFrom('a', 'ệ', '\u0000', '\uD800', '\u202E', '𝕏', '"'), fc.integer({ min: 1000, max: 12_000 })).map(([c, n]) => c.repeat(n));

const withOwnKey = (object: Record<string, unknown>, key: string, value: unknown) => {
	// defineProperty, not assignment: `o.__proto__ = x` would set the prototype, not send the key.
	Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
	return object;
};

const pollution = fc.constantFrom(...POLLUTERS).map(([key, value]) => withOwnKey({}, key, value));

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(null, true, false, 0, -1, 1.5, -0, '', 'true', '{}', '[]', Number.MAX_SAFE_INTEGER + 2, -Number.MAX_VALUE),
	fc.double({ noNaN: true, noDefaultInfinity: true }),
	fc.integer(),
	hostileString,
	fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
	fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
	pollution,
	smallDeep,
	fc.uint8Array({ maxLength: 16 })
);

// ---------------------------------------------------------------------------------------------
// What each command accepts (from docs/realtime.md)
// ---------------------------------------------------------------------------------------------

interface Key {
	/** The JSON type the key takes (besides null when nullable). */
	type: 'string' | 'boolean' | 'integer' | 'array' | 'object';
	nullable?: boolean;
	/** May be left out: the server fills in a default or does without. */
	optional?: boolean;
	/** Values of the right type that must still be refused. */
	bad?: fc.Arbitrary<unknown>;
	/** Well-formed values that name nothing in the database. */
	dangling: fc.Arbitrary<unknown>;
}

interface Variant {
	keys: Record<string, Key>;
	valid: Record<string, unknown>;
}

interface Spec {
	variants: Variant[];
	/** Every well-formed payload whose ids name nothing is refused by the service (so no change). */
	refusesDangling: boolean;
}

const SOME_UUID = '6f1c1f6e-0a8f-4c53-9d8e-0b8b7e6c2a11';

const uuidKey = (extra: Partial<Key> = {}): Key => ({ type: 'string', bad: notUuid, dangling: fc.uuid({ version: 4 }), ...extra });
const idKey = (extra: Partial<Key> = {}): Key => ({ type: 'string', bad: badId, dangling: shortHostile, ...extra });
/** Item text: 1–max characters after normalising, raw length capped at 4 × max. */
const textKey = (max: number, extra: Partial<Key> = {}): Key => ({
	type: 'string',
	bad: fc.oneof(blankString, longString(max + 1, max * 4 + 600)),
	dangling: hostileString,
	...extra
});
const maxString = (max: number, extra: Partial<Key> = {}): Key => ({ type: 'string', bad: longString(max + 1, max + 600), dangling: hostileString, ...extra });
const enumKey = (values: readonly string[], extra: Partial<Key> = {}): Key => ({
	type: 'string',
	bad: hostileString.filter((s) => !values.includes(s)),
	dangling: fc.constantFrom(...values),
	...extra
});
const boolKey = (extra: Partial<Key> = {}): Key => ({ type: 'boolean', dangling: fc.boolean(), ...extra });
const intKey = (min: number, max: number, extra: Partial<Key> = {}): Key => ({
	type: 'integer',
	bad: fc.oneof(fc.integer({ max: min - 1 }), fc.integer({ min: max + 1 }), fc.constantFrom(min - 1, max + 1, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_VALUE)),
	dangling: fc.integer({ min, max }),
	...extra
});
const empty: Spec = { variants: [{ keys: {}, valid: {} }], refusesDangling: false };

const submitKeys = {
	id: uuidKey(),
	kind: enumKey(SUBMISSION_KINDS),
	topicId: idKey(),
	agencyId: idKey({ nullable: true, optional: true }),
	text: textKey(SUBMISSION_TEXT_MAX)
};
const submitValid = { id: SOME_UUID, kind: 'question', topicId: 'topic', agencyId: null, text: 'Vì sao xã em chưa có thư viện?' };
const badAnswer = fc.oneof(
	fc.constant({}),
	badId.map((optionId) => ({ optionId })),
	fc.oneof(fc.constant([]), fc.array(fc.constant('a'), { minLength: 13, maxLength: 30 }), fc.array(badId, { minLength: 1, maxLength: 3 })).map((optionIds) => ({ optionIds })),
	fc.oneof(fc.integer({ min: 101 }), fc.integer({ max: -101 }), fc.double({ min: -99, max: 99, noNaN: true }).filter((v) => !Number.isInteger(v))).map((value) => ({ value })),
	longString(2001, 2600).map((text) => ({ text })),
	fc.constant({ optionId: 'a', value: 1 }),
	fc.constant({ optionId: 'a', extra: 1 })
);

/** Complete by type: a command added to the protocol must be described here. */
const SPECS: { [C in Command]: Spec } = {
	'submission:submit': { variants: [{ keys: submitKeys, valid: submitValid }], refusesDangling: true },
	'vote:set': { variants: [{ keys: { submissionId: uuidKey(), voted: boolKey() }, valid: { submissionId: SOME_UUID, voted: true } }], refusesDangling: true },
	'participant:sync': empty,
	'display:sync': empty,
	'staff:sync': empty,
	'moderation:decide': {
		variants: [
			{
				keys: { submissionId: uuidKey(), decision: enumKey(['approve', 'reject'], { dangling: fc.constant('approve') }), text: textKey(SUBMISSION_TEXT_MAX, { optional: true }) },
				valid: { submissionId: SOME_UUID, decision: 'approve' }
			},
			{
				keys: { submissionId: uuidKey(), decision: enumKey(['approve', 'reject'], { dangling: fc.constant('reject') }), reason: enumKey(REJECTION_REASONS) },
				valid: { submissionId: SOME_UUID, decision: 'reject', reason: 'off_topic' }
			}
		],
		refusesDangling: true
	},
	'submission:answer': {
		variants: [
			{
				keys: { submissionId: uuidKey(), summary: textKey(ANSWER_SUMMARY_MAX), answeredBy: textKey(80, { nullable: true, optional: true }) },
				valid: { submissionId: SOME_UUID, summary: 'Năm sau xã sẽ xây.', answeredBy: null }
			}
		],
		refusesDangling: true
	},
	'submission:merge': {
		variants: [
			{
				keys: {
					targetId: uuidKey(),
					sourceIds: {
						type: 'array',
						bad: fc.oneof(fc.constant([]), fc.array(fc.uuid({ version: 4 }), { minLength: 21, maxLength: 40 }), fc.array(fc.oneof(notUuid, anyValue.filter((v) => typeof v !== 'string')), { minLength: 1, maxLength: 20 })),
						dangling: fc.array(fc.uuid({ version: 4 }), { minLength: 1, maxLength: 20 })
					}
				},
				valid: { targetId: SOME_UUID, sourceIds: [SOME_UUID] }
			}
		],
		refusesDangling: true
	},
	'submission:intake': { variants: [{ keys: { ...submitKeys, delegationId: idKey() }, valid: { ...submitValid, delegationId: 'delegation' } }], refusesDangling: true },
	'queue:set': {
		variants: [{ keys: { submissionId: uuidKey(), position: intKey(0, 10_000, { nullable: true }) }, valid: { submissionId: SOME_UUID, position: 0 } }],
		refusesDangling: true
	},
	// null clears the screen, a real change: dangling values never use it.
	'stage:show': { variants: [{ keys: { submissionId: uuidKey({ nullable: true }) }, valid: { submissionId: SOME_UUID } }], refusesDangling: true },
	'stage:next': empty,
	'agenda:start': { variants: [{ keys: { agendaItemId: idKey({ nullable: true }) }, valid: { agendaItemId: 'agenda' } }], refusesDangling: true },
	'safeguarding:release': { variants: [{ keys: { submissionId: uuidKey() }, valid: { submissionId: SOME_UUID } }], refusesDangling: true },
	'safeguarding:handled': { variants: [{ keys: { submissionId: uuidKey() }, valid: { submissionId: SOME_UUID } }], refusesDangling: true },
	'submission:followUp': {
		variants: [
			{
				keys: { submissionId: uuidKey(), agencyId: idKey({ nullable: true, optional: true }), dueDate: maxString(10, { optional: true }), note: maxString(1000, { optional: true }) },
				valid: { submissionId: SOME_UUID, agencyId: null, dueDate: '', note: '' }
			}
		],
		refusesDangling: true
	},
	'session:close': empty,
	'stage:review': { variants: [{ keys: { on: boolKey() }, valid: { on: false } }], refusesDangling: false },
	'poll:create': {
		variants: [
			{
				keys: { kind: maxString(20), question: maxString(1200), options: maxString(4000, { optional: true }), scaleMax: intKey(0, 100, { optional: true }) },
				valid: { kind: 'single', question: 'Em thích gì nhất?', options: 'Sân chơi\nThư viện', scaleMax: 5 }
			}
		],
		refusesDangling: false
	},
	'poll:set': {
		variants: [
			{
				keys: { pollId: uuidKey(), status: enumKey(['open', 'closed'], { optional: true }), resultsShown: boolKey({ optional: true }) },
				valid: { pollId: SOME_UUID, status: 'open' }
			}
		],
		refusesDangling: true
	},
	'poll:answer': {
		variants: [
			{
				keys: {
					pollId: uuidKey(),
					answer: {
						type: 'object',
						bad: badAnswer,
						dangling: fc.oneof(
							shortHostile.map((optionId) => ({ optionId })),
							fc.array(shortHostile, { minLength: 1, maxLength: 12 }).map((optionIds) => ({ optionIds })),
							fc.integer({ min: -100, max: 100 }).map((value) => ({ value })),
							hostileString.map((text) => ({ text }))
						)
					}
				},
				valid: { pollId: SOME_UUID, answer: { optionId: 'a' } }
			}
		],
		refusesDangling: true
	},
	'submission:withdraw': { variants: [{ keys: { submissionId: uuidKey() }, valid: { submissionId: SOME_UUID } }], refusesDangling: true }
};

const ALL_COMMANDS = Object.keys(SPECS) as Command[];
const isStaffCommand = (command: string) => (STAFF_COMMANDS as readonly string[]).includes(command);
/** What each kind of connection is answered on: phones and screens hear `forbidden` for staff commands. */
const EXPECTED_HANDLERS: Record<Role, Command[]> = {
	staff: [...STAFF_COMMANDS],
	screen: [...STAFF_COMMANDS, 'display:sync'],
	phone: ALL_COMMANDS.filter((c) => c !== 'display:sync')
};
const PROBE: Record<Role, Command> = { phone: 'participant:sync', screen: 'display:sync', staff: 'staff:sync' };

function accepts(key: Key, value: unknown): boolean {
	if (value === null) return key.nullable === true;
	if (value instanceof Deep || value instanceof Uint8Array) return false;
	switch (key.type) {
		case 'string':
			return typeof value === 'string';
		case 'boolean':
			return typeof value === 'boolean';
		case 'integer':
			return Number.isInteger(value);
		case 'array':
			return Array.isArray(value);
		case 'object':
			return typeof value === 'object' && !Array.isArray(value);
	}
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

/** schema: the command's validation refuses it; shape: wrong argument count; refused: the service does. */
type Expect = 'schema' | 'shape' | 'refused' | 'silent';

interface Case {
	kind: string;
	args: unknown[];
	ack: boolean;
	expect: Expect;
	/** Pads the packet (through a string in args[0]) to exactly this many bytes on the wire. */
	padTo?: number;
	/** An event name other than the command (unknown names, numbers). */
	eventName?: string | number;
}

const copy = (valid: Record<string, unknown>) => ({ ...valid });

function caseFor(command: Command): fc.Arbitrary<Case> {
	const { variants, refusesDangling } = SPECS[command];
	const variant = fc.constantFrom(...variants);
	const allKeys = new Set(variants.flatMap((v) => Object.keys(v.keys)));
	const options: fc.WeightedArbitrary<Case>[] = [];
	const add = (weight: number, arbitrary: fc.Arbitrary<Case>) => options.push({ weight, arbitrary });

	// Anything but a plain object, or an object with a key the command does not have.
	const topLevel = fc.oneof(
		anyValue.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Deep || v instanceof Uint8Array || Object.keys(v).some((k) => !allKeys.has(k))),
		fc.dictionary(hostileKey, anyValue, { minKeys: 1, maxKeys: 6 }).filter((v) => Object.keys(v).some((k) => !allKeys.has(k))),
		pollution,
		deep,
		hugeString,
		binary
	);
	add(3, topLevel.map((value) => ({ kind: 'top-level', args: [value], ack: true, expect: 'schema' })));

	const extraKey = variant.chain((v) =>
		fc
			.oneof(
				fc.tuple(hostileKey.filter((k) => !Object.hasOwn(v.keys, k)), fc.oneof(anyValue, hugeString)),
				fc.constantFrom(...POLLUTERS)
			)
			.map(([key, value]) => ({ kind: 'extra key', args: [withOwnKey(copy(v.valid), key, value)], ack: true, expect: 'schema' as const }))
	);
	add(3, extraKey);

	const withRequired = variants.filter((v) => Object.values(v.keys).some((k) => !k.optional));
	if (withRequired.length)
		add(
			2,
			fc.constantFrom(...withRequired).chain((v) =>
				fc.constantFrom(...Object.keys(v.keys).filter((k) => !v.keys[k].optional)).map((key) => {
					const payload = copy(v.valid);
					delete payload[key];
					return { kind: 'missing key', args: [payload], ack: true, expect: 'schema' as const };
				})
			)
		);

	const withKeys = variants.filter((v) => Object.keys(v.keys).length > 0);
	if (withKeys.length) {
		add(
			3,
			fc.constantFrom(...withKeys).chain((v) =>
				fc.constantFrom(...Object.keys(v.keys)).chain((key) =>
					fc.oneof(anyValue, deep, hugeString, binary)
						.filter((value) => !accepts(v.keys[key], value))
						.map((value) => ({ kind: 'wrong type', args: [{ ...v.valid, [key]: value }], ack: true, expect: 'schema' as const }))
				)
			)
		);
		const withBad = withKeys.filter((v) => Object.values(v.keys).some((k) => k.bad));
		if (withBad.length)
			add(
				3,
				fc.constantFrom(...withBad).chain((v) =>
					fc.constantFrom(...Object.keys(v.keys).filter((k) => v.keys[k].bad)).chain((key) =>
						(v.keys[key].bad as fc.Arbitrary<unknown>).map((value) => ({ kind: 'bad value', args: [{ ...v.valid, [key]: value }], ack: true, expect: 'schema' as const }))
					)
				)
			);
	}

	// Right at and around the size limit, and far beyond it.
	add(
		1,
		fc
			.tuple(variant, fc.oneof(fc.integer({ min: MAX_PAYLOAD_BYTES - 40, max: MAX_PAYLOAD_BYTES + 40 }), fc.integer({ min: MAX_PAYLOAD_BYTES, max: 4 * MAX_PAYLOAD_BYTES })), fc.boolean())
			.map(([v, padTo, inKey]) => ({ kind: 'padded to size', args: [inKey ? { ...v.valid, zzPadding: '' } : ''], ack: true, expect: 'schema' as const, padTo }))
	);

	// Argument shapes: only an ack, extra arguments, no ack, a "callback" that is data.
	add(1, fc.constant({ kind: 'ack only', args: [], ack: true, expect: 'shape' as const }));
	add(
		1,
		fc.tuple(variant, fc.array(anyValue, { minLength: 1, maxLength: 3 })).map(([v, extra]) => ({ kind: 'extra arguments', args: [copy(v.valid), ...extra], ack: true, expect: 'shape' as const }))
	);
	add(
		1,
		fc
			.tuple(variant, fc.boolean(), anyValue)
			.map(([v, withData, notAFunction]) => ({
				kind: withData ? 'non-function ack' : 'no ack',
				args: withData ? [copy(v.valid), notAFunction] : [copy(v.valid)],
				ack: false,
				expect: 'silent' as const
			}))
	);

	if (refusesDangling)
		add(
			2,
			variant.chain((v) => {
				const record: Record<string, fc.Arbitrary<unknown>> = {};
				for (const [key, spec] of Object.entries(v.keys)) record[key] = spec.dangling;
				return fc.record(record).map((payload) => ({ kind: 'well-formed, names nothing', args: [payload], ack: true, expect: 'refused' as const }));
			})
		);

	return fc.oneof(...options);
}

/** Unknown event names, and commands the connection has no handler for: nothing answers. */
const strayEvent = (commands: Command[]) =>
	fc.tuple(
		fc.oneof(
			...(commands.length ? [fc.constantFrom<string | number>(...commands)] : []),
			fc.constantFrom<string | number>('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'emit', 'on', 'error', 'disconnecting', '', 0, 1, -1, 1e21),
			hostileString
		),
		anyValue
	);

/** Broken Socket.IO packets (the engine's "message" payload), sent raw. */
const BROKEN_PACKETS = [
	'2',
	'2[]',
	'2{}',
	'2"staff:sync"',
	'2["staff:sync",',
	'2[null]',
	'2[{}]',
	'2["disconnect"]',
	'2["connect"]',
	'2["newListener","x"]',
	'2["removeListener","x"]',
	'2["disconnecting"]',
	'299999999999999999999999["staff:sync",{}]',
	'2-1["staff:sync",{}]',
	'2/admin,["staff:sync",{}]',
	'2/admin,7["staff:sync",{}]',
	'0/admin,{}',
	'0',
	'1',
	'3999[]',
	'3["x"]',
	'4"boom"',
	'51-["staff:sync",{"_placeholder":true,"num":0}]',
	'51-7["staff:sync",{"_placeholder":true,"num":"__proto__"}]',
	'599-["staff:sync",{}]',
	'5x-["staff:sync",{}]',
	'50-["staff:sync",{}]',
	'6',
	'9[]',
	'',
	'\u0000',
	'2["staff:sync",{"__proto__":{"polluted":"yes"}}]'
];

// ---------------------------------------------------------------------------------------------
// Sending packets on a real connection
// ---------------------------------------------------------------------------------------------

function toJson(value: unknown, buffers: Uint8Array[]): string {
	if (value instanceof Deep) return value.toJson();
	if (value instanceof Uint8Array) {
		buffers.push(value);
		return `{"_placeholder":true,"num":${buffers.length - 1}}`;
	}
	if (Array.isArray(value)) return `[${value.map((v) => toJson(v, buffers)).join(',')}]`;
	if (value !== null && typeof value === 'object')
		return `{${Object.keys(value)
			.map((k) => `${JSON.stringify(k)}:${toJson((value as Record<string, unknown>)[k], buffers)}`)
			.join(',')}}`;
	return JSON.stringify(value) ?? 'null';
}

interface Packet {
	text: string;
	buffers: Uint8Array[];
	ackId: number | null;
	/** The largest websocket message it makes: the text with the engine's "4" prefix, or a buffer. */
	wireBytes: number;
}

const FIRST_ACK_ID = 1_000_000;
let nextAckId = FIRST_ACK_ID;

function encode(event: string | number, args: unknown[], ack: boolean): Packet {
	const buffers: Uint8Array[] = [];
	const body = `[${[JSON.stringify(event), ...args.map((a) => toJson(a, buffers))].join(',')}]`;
	const ackId = ack ? nextAckId++ : null;
	const text = `${buffers.length ? `5${buffers.length}-` : '2'}${ackId ?? ''}${body}`;
	const wireBytes = Math.max(1 + Buffer.byteLength(text), ...buffers.map((b) => b.byteLength));
	return { text, buffers, ackId, wireBytes };
}

/** Encodes with a string grown (in args[0] or its zzPadding key) until the packet is exactly `bytes` on the wire. */
function encodePadded(event: string, args: unknown[], ack: boolean, bytes: number): Packet {
	const pad = (n: number) => {
		const first = args[0];
		const padding = 'p'.repeat(n);
		return [typeof first === 'string' ? padding : { ...(first as object), zzPadding: padding }, ...args.slice(1)];
	};
	const base = encode(event, pad(0), false).wireBytes + (ack ? String(nextAckId).length : 0);
	return encode(event, pad(Math.max(0, bytes - base)), ack);
}

/** A socket.io-client connection whose engine we write raw packets to and read raw acks from. */
class Link {
	private waiting = new Map<number, (result: unknown[]) => void>();
	/** Acks nobody asked for: for stray events and packets sent without an ack id. */
	readonly unexpectedAcks: string[] = [];
	readonly closed: Promise<string>;
	isClosed = false;

	constructor(readonly socket: TestSocket) {
		this.closed = new Promise((resolve) =>
			socket.once('disconnect', (reason) => {
				this.isClosed = true;
				resolve(reason);
			})
		);
		socket.io.engine.on('message', (data) => {
			if (typeof data !== 'string') return;
			const match = /^3(\d+)(\[[\s\S]*)$/.exec(data);
			if (!match) return;
			const id = Number(match[1]);
			const resolve = this.waiting.get(id);
			if (!resolve) {
				// Only ids this test handed out count: broken packets may carry odd ones of their own.
				if (id >= FIRST_ACK_ID && id < nextAckId) this.unexpectedAcks.push(data.slice(0, 200));
				return;
			}
			this.waiting.delete(id);
			resolve(JSON.parse(match[2]));
		});
	}

	send(packet: Packet) {
		const engine = this.socket.io.engine;
		engine.send(packet.text);
		for (const buffer of packet.buffers) engine.send(buffer as never);
	}

	/** Sends and resolves with the ack, or with 'closed' if the server closes the connection first. */
	exchange(packet: Packet, timeoutMs = ACK_TIMEOUT_MS): Promise<unknown[] | 'closed' | 'timeout'> {
		if (packet.ackId === null) throw new Error('exchange needs an ack id');
		const id = packet.ackId;
		const acked = new Promise<unknown[]>((resolve) => this.waiting.set(id, resolve));
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
		this.send(packet);
		return Promise.race([acked, this.closed.then(() => 'closed' as const), timeout]).finally(() => {
			clearTimeout(timer);
			this.waiting.delete(id);
		});
	}
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

let server: TestServer;
let phoneToken: string;
let staffToken: string;
const links = {} as Record<Role, Link>;
let before: DatabaseSnapshot;
let auditBefore: number;
const sent = { payloads: 0, byKind: new Map<string, number>(), reconnects: 0, closedBySize: 0 };
const prototypes = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype];
const prototypesBefore = prototypes.map((p) => Object.getOwnPropertyDescriptors(p));

function count(kind: string) {
	sent.payloads += 1;
	sent.byKind.set(kind, (sent.byKind.get(kind) ?? 0) + 1);
}

async function connect(role: Role): Promise<Link> {
	const socket =
		role === 'phone'
			? await server.connected({ token: phoneToken })
			: role === 'screen'
				? await server.connected({ displayKey: DISPLAY_KEY })
				: await server.connected({ staff: { token: staffToken, eventId: server.event.id } });
	return new Link(socket);
}

async function reconnect(role: Role) {
	links[role].socket.disconnect();
	links[role] = await connect(role);
	sent.reconnects += 1;
}

/** Names (or values) on the built-in prototypes that were not there, as they were, at the start. */
function prototypeChanges(): string[] {
	const changes: string[] = [];
	prototypes.forEach((prototype, i) => {
		const was = prototypesBefore[i];
		const now = Object.getOwnPropertyDescriptors(prototype);
		for (const name of new Set([...Object.keys(was), ...Object.keys(now)]))
			if (!(name in was) || !(name in now) || was[name].value !== now[name].value || was[name].get !== now[name].get)
				changes.push(`${prototype.constructor.name}.prototype.${name}`);
	});
	const plain = {} as Record<string, unknown>;
	for (const key of ['polluted', 'isAdmin', 'a', 'x', 'zzPadding']) if (plain[key] !== undefined) changes.push(`({}).${key}`);
	return changes;
}

function expectPrototypesClean() {
	expect(prototypeChanges()).toEqual([]);
}

/** The connection answers its own read-only command: proves it is alive, or reconnects if the server closed it. */
async function probe(role: Role, mayBeClosed: boolean, after = '') {
	const link = links[role];
	// A client's own "disconnect" packet ends its socket on the server and leaves the transport
	// open: what follows on it is dropped, and the server closes the transport on the next packet.
	const dropped = () => !server.io.sockets.sockets.has(link.socket.id as string);
	if (mayBeClosed) await sleep(5);
	const result = link.isClosed || (mayBeClosed && dropped()) ? 'closed' : await link.exchange(encode(PROBE[role], [{}], true));
	if (result === 'closed') {
		expect(mayBeClosed, `${role} connection closed unexpectedly ${after}`).toBe(true);
		await reconnect(role);
		return;
	}
	expect(result, `${role} probe ${after}`).not.toBe('timeout');
	expect((result as unknown[])[0]).toMatchObject({ ok: true });
}

const SCHEMA_CODES: ErrorCode[] = ['invalid_payload', 'text_empty', 'text_too_long'];

function expectedCodes(role: Role, command: Command, expect_: Expect): readonly ErrorCode[] {
	if (expect_ === 'shape') return ['invalid_payload'];
	if (role !== 'staff' && isStaffCommand(command)) return ['forbidden'];
	if (expect_ === 'schema') return SCHEMA_CODES;
	return ERROR_CODES.filter((code) => code !== 'server_error');
}

async function runCase(role: Role, command: Command, c: Case) {
	const event = c.eventName ?? command;
	const packet = c.padTo === undefined ? encode(event, c.args, c.ack) : encodePadded(String(event), c.args, c.ack, c.padTo);
	if (c.padTo !== undefined) expect(packet.wireBytes).toBe(c.padTo);
	count(c.kind);
	const link = links[role];
	const label = `${role} ${command} ${c.kind} (${packet.wireBytes} bytes): ${packet.text.slice(0, 160)}`;

	if (packet.wireBytes > MAX_PAYLOAD_BYTES) {
		// Over the limit: the server closes this connection, and answers nothing.
		link.send(packet);
		const reason = await Promise.race([link.closed, new Promise((r) => setTimeout(() => r('still open'), ACK_TIMEOUT_MS))]);
		expect(reason, label).toBe('transport close');
		sent.closedBySize += 1;
		await reconnect(role);
		return;
	}
	if (!c.ack) {
		link.send(packet);
		return;
	}
	const result = await link.exchange(packet);
	expect(result, label).not.toBe('closed');
	expect(result, label).not.toBe('timeout');
	const [ack, ...rest] = result as unknown[];
	expect(rest, label).toEqual([]);
	expect(Object.keys(ack as object).sort(), label).toEqual(['error', 'ok']);
	const { ok, error } = ack as { ok: boolean; error: { code: string; by?: string } };
	expect(ok, label).toBe(false);
	expect(isErrorCode(error.code), label).toBe(true);
	expect(expectedCodes(role, command, c.expect), `${label} → ${error.code}`).toContain(error.code);
}

describe('fuzzing every socket command with hostile payloads', () => {
	beforeAll(async () => {
		server = await startTestServer({ moderation: true });
		phoneToken = (await server.join(0, 'Bé Na')).token;
		staffToken = (await server.staffMember('organiser')).token;
		for (const role of ['phone', 'screen', 'staff'] as const) links[role] = await connect(role);
		before = snapshotDatabase(server.databasePath, ['audit_log']);
		auditBefore = lastAuditId(server.databasePath);
	});
	afterAll(async () => {
		await server?.close();
	});

	it('covers exactly the commands the server answers on each kind of connection', async () => {
		for (const role of ['phone', 'screen', 'staff'] as const) {
			const serverSide = server.io.sockets.sockets.get(links[role].socket.id as string);
			const registered = (serverSide?.eventNames() ?? []).filter((name) => name !== 'error' && name !== 'disconnect').map(String);
			// Phones and screens answer staff commands with one packet filter, not a listener each.
			const answered = role === 'staff' ? registered : [...registered, ...STAFF_COMMANDS];
			expect(answered.sort(), role).toEqual([...EXPECTED_HANDLERS[role]].sort());
			for (const name of registered) expect(ALL_COMMANDS, `${name} has no fuzz spec`).toContain(name);
		}
	});

	for (const role of ['phone', 'screen', 'staff'] as const) {
		for (const command of EXPECTED_HANDLERS[role]) {
			// Phones and screens are refused staff commands before any parsing: fewer runs there.
			const numRuns = runs(role !== 'staff' && isStaffCommand(command) ? 40 : 300);
			it(`${role}: ${command}`, { timeout: 60_000 }, async () => {
				await fc.assert(
					fc.asyncProperty(caseFor(command), async (c) => {
						await runCase(role, command, c);
						expectPrototypesClean();
					}),
					{ numRuns }
				);
				await probe(role, false);
			});
		}

		it(`${role}: stray events and commands it has no handler for go unanswered`, { timeout: 60_000 }, async () => {
			const others = ALL_COMMANDS.filter((c) => !EXPECTED_HANDLERS[role].includes(c));
			await fc.assert(
				fc.asyncProperty(strayEvent(others), fc.boolean(), async ([event, payload], ack) => {
					const packet = encode(event, [payload], ack);
					if (packet.wireBytes > MAX_PAYLOAD_BYTES) return;
					count('stray event');
					links[role].send(packet);
					// Reserved names ("disconnect"...) are protocol errors: the server may close the connection.
					await probe(role, true);
				}),
				{ numRuns: runs(60) }
			);
			expect(links[role].unexpectedAcks).toEqual([]);
		});

		it(`${role}: broken packets close at most that connection`, { timeout: 60_000 }, async () => {
			for (const text of BROKEN_PACKETS) {
				count('broken packet');
				links[role].send({ text, buffers: [], ackId: null, wireBytes: text.length + 1 });
				await probe(role, true, `after ${JSON.stringify(text)}`);
			}
			expectPrototypesClean();
		});
	}

	it('keeps serving: fresh connections, valid commands, no prototype polluted, no table changed', async () => {
		expectPrototypesClean();
		for (const role of ['phone', 'screen', 'staff'] as const) expect(links[role].unexpectedAcks, role).toEqual([]);

		expect(snapshotDatabase(server.databasePath, ['audit_log'])).toEqual(before);
		const logged = auditRowsAfter(server.databasePath, auditBefore);
		// The organiser's log holds refusals only (staff commands from phones and screens, staff
		// commands naming items that do not exist), never anything done.
		for (const row of logged) {
			expect(row.outcome, JSON.stringify(row)).toBe('refused');
			expect(isErrorCode(row.detail), JSON.stringify(row)).toBe(true);
		}

		const phone = await server.connected({ token: (await server.join(1)).token });
		const submitted = await phone.emitWithAck('submission:submit', {
			id: crypto.randomUUID(),
			kind: 'question',
			topicId: server.event.topics[0].id,
			agencyId: null,
			text: 'Sau tất cả những thứ đó, em vẫn hỏi được chứ?'
		});
		expect(submitted).toMatchObject({ ok: true, data: { status: 'pending' } });
		const staff = await server.connected({ staff: { token: staffToken, eventId: server.event.id } });
		expect(await staff.emitWithAck('moderation:decide', { submissionId: (submitted as { data: { id: string } }).data.id, decision: 'approve' })).toMatchObject({
			ok: true
		});
		const screen = await server.connected({ displayKey: DISPLAY_KEY });
		expect(await screen.emitWithAck('display:sync', {})).toMatchObject({ ok: true, data: { submissions: [{ status: 'approved' }] } });

		const kinds = [...sent.byKind].map(([kind, n]) => `${kind} ${n}`).join(', ');
		console.log(
			`socket fuzz: ${sent.payloads} payloads sent (${kinds}); ${sent.closedBySize} over ${MAX_PAYLOAD_BYTES} bytes closed their connection; ${sent.reconnects} reconnects; ${logged.length} refusals logged`
		);
		expect(sent.payloads).toBeGreaterThan(runs(6000));
	});
});
