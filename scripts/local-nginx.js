// deploy/nginx.conf made runnable in a directory of its own, for the multi-process tests
// (tests/cluster/) and `BENCH_TOPOLOGY=multi npm run bench`: the shipped file with only its ports
// changed, wrapped in a main configuration that keeps every file nginx writes in `dir`.
// Start it with `nginx -p <dir> -c <dir>/nginx.conf -e <dir>/error.log`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SHIPPED = new URL('../deploy/nginx.conf', import.meta.url);
const TEMPS = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

/**
 * Writes `dir`/nginx.conf and `dir`/dien-dan.conf; returns the main file's path. `extraHttp` adds
 * lines to the http block (the tests add a header naming the process that answered).
 * @param {string} dir
 * @param {number} listenPort
 * @param {number[]} appPorts
 * @param {string[]} [extraHttp]
 * @returns {string}
 */
export function writeLocalNginx(dir, listenPort, appPorts, extraHttp = []) {
	const servers = appPorts.map((port) => `\tserver 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join('\n');
	const site = readFileSync(SHIPPED, 'utf8')
		.replace(/(upstream \w+ \{[^}]*?)((?:\n\tserver 127\.0\.0\.1:\d+[^\n]*)+)/g, (/** @type {string} */ _, /** @type {string} */ head) => `${head}\n${servers}`)
		.replace(/\n\tlisten 80;/, `\n\tlisten 127.0.0.1:${listenPort};`)
		.replace(/\n\tlisten \[::\]:80;/, '');
	if (!site.includes(`127.0.0.1:${appPorts.at(-1)}`) || site.includes(':3001;') || !site.includes(`listen 127.0.0.1:${listenPort};`))
		throw new Error('deploy/nginx.conf changed shape: update scripts/local-nginx.js');
	writeFileSync(join(dir, 'dien-dan.conf'), site);
	for (const temp of TEMPS) mkdirSync(join(dir, temp), { recursive: true });
	const main = [
		'daemon off;',
		'worker_processes 1;',
		// As root nginx would hand its workers to `nobody`, who may not write `dir`.
		process.getuid?.() === 0 ? 'user root;' : '',
		`pid ${dir}/nginx.pid;`,
		`error_log ${dir}/error.log warn;`,
		'events { worker_connections 16384; }',
		'http {',
		`\taccess_log off;`,
		...TEMPS.map((temp) => `\t${temp}_temp_path ${dir}/${temp};`),
		...extraHttp.map((line) => `\t${line}`),
		`\tinclude ${dir}/dien-dan.conf;`,
		'}',
		''
	].join('\n');
	const path = join(dir, 'nginx.conf');
	writeFileSync(path, main);
	return path;
}
