/**
 * deploy/nginx.conf is what a province's IT officer installs: Debian's nginx must accept it as
 * shipped (inside the http block Debian's nginx.conf opens), and as the cluster tests and the bench
 * run it (scripts/local-nginx.js, only the ports changed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeLocalNginx } from '../../scripts/local-nginx.js';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function nginxTest(dir: string, config: string) {
	const run = spawnSync(NGINX, ['-t', '-p', dir, '-c', config, '-e', join(dir, 'error.log')], { encoding: 'utf8' });
	return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

// Once, in the node project: nothing here touches the forum's storage.
describe.skipIf(!existsSync(NGINX) || process.env.TEST_STORAGE === 'postgres')('deploy/nginx.conf', () => {
	it('passes `nginx -t` as shipped, inside an http block', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dien-dan-nginx-'));
		dirs.push(dir);
		writeFileSync(
			join(dir, 'nginx.conf'),
			`pid ${dir}/nginx.pid;\nevents {}\nhttp {\n\taccess_log off;\n\tinclude ${join(process.cwd(), 'deploy/nginx.conf')};\n}\n`
		);
		const result = nginxTest(dir, join(dir, 'nginx.conf'));
		expect(result.output).toContain('syntax is ok');
		expect(result.ok, result.output).toBe(true);
	});

	it('keeps its ports in one place: the local copy lists exactly the given processes in both upstreams', () => {
		const dir = mkdtempSync(join(tmpdir(), 'dien-dan-nginx-'));
		dirs.push(dir);
		const config = writeLocalNginx(dir, 4431, [4432, 4433, 4434]);
		const site = readFileSync(join(dir, 'dien-dan.conf'), 'utf8');
		for (const upstream of ['dien_dan_live', 'dien_dan_pages']) {
			const block = new RegExp(`upstream ${upstream} \\{([^}]*)\\}`).exec(site)?.[1] ?? '';
			expect([...block.matchAll(/server 127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]))).toEqual([4432, 4433, 4434]);
		}
		expect(site).toContain('listen 127.0.0.1:4431;');
		expect(site).toMatch(/hash \$dien_dan_lane consistent;/);
		const result = nginxTest(dir, config);
		expect(result.ok, result.output).toBe(true);
	});
});
