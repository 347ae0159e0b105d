/**
 * Rooms across processes (REDIS_URL): the Socket.IO Redis Streams adapter. Broadcasts, evictions
 * (disconnectSockets) and room joins of one process reach the sockets of every other; fetchSockets
 * asks them all.
 *
 * Why the Streams adapter rather than the plain Redis (pub/sub) one: a process whose link to Redis
 * blips reads the stream on from where it stopped, so the broadcasts published meanwhile still
 * reach its phones (pub/sub would drop them), and the stream keeps the order of one namespace's
 * messages. Its connection state recovery stays off (see server.ts).
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Cluster } from '../cluster/cluster';

/**
 * About 10 s of broadcasts at 1,000 a second: enough for a process's blip; a longer outage is
 * covered by the phones' own resync on reconnect, not by the stream.
 */
const STREAM_LENGTH = 10_000;

export function redisAdapter(cluster: Pick<Cluster, 'broadcasts' | 'prefix'>) {
	return createAdapter(cluster.broadcasts, {
		streamName: `${cluster.prefix}socket.io`,
		channelPrefix: `${cluster.prefix}socket.io`,
		sessionKeyPrefix: `${cluster.prefix}socket.io:session:`,
		maxLen: STREAM_LENGTH,
		// The protocol sends JSON only (protocol.ts): skip the search for binary in every broadcast.
		onlyPlaintext: true
	});
}
