/**
 * A fresh PostgreSQL database per test on the machine's real server (never a mock), dropped
 * afterwards. Migrating costs seconds per database, so the migrations are applied once to a
 * template database (named by a hash of drizzle/postgres, so a new migration makes a new one) and
 * each test's database is a copy of it, which PostgreSQL makes in milliseconds.
 * TEST_POSTGRES_URL points at another server.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MIGRATIONS = 'drizzle/postgres';

export interface FreshPostgres {
	url: string;
	drop(): Promise<void>;
}

const urlOf = (name: string) => {
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return url.toString();
};

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: ADMIN_URL });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

function migrationsHash() {
	const hash = createHash('sha256');
	for (const name of readdirSync(MIGRATIONS).filter((n) => n.endsWith('.sql')).sort()) hash.update(name).update(readFileSync(join(MIGRATIONS, name)));
	return hash.digest('hex').slice(0, 12);
}

let template: Promise<string> | undefined;

/** The migrated template, made once by whichever test worker comes first (an advisory lock). */
function migratedTemplate(): Promise<string> {
	return (template ??= asAdmin(async (admin) => {
		const name = `t_template_${migrationsHash()}`;
		await admin.query('select pg_advisory_lock(20291201)');
		try {
			const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
			if (!rowCount) {
				await admin.query(`create database ${name}_partial`).catch(() => undefined);
				const pool = new pg.Pool({ connectionString: urlOf(`${name}_partial`), max: 1 });
				try {
					await migrate(drizzle(pool), { migrationsFolder: MIGRATIONS });
				} finally {
					await pool.end();
				}
				// Renamed only once complete: a worker killed mid-migration never leaves a half template.
				await admin.query(`alter database ${name}_partial rename to ${name}`);
			}
			return name;
		} finally {
			await admin.query('select pg_advisory_unlock(20291201)');
		}
	}));
}

/** An empty database; `migrated` copies the migrated template instead. */
export async function freshPostgres(options: { migrated?: boolean } = {}): Promise<FreshPostgres> {
	const name = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
	const from = options.migrated ? await migratedTemplate() : null;
	await asAdmin((admin) => admin.query(from ? `create database ${name} template ${from}` : `create database ${name}`));
	return {
		url: urlOf(name),
		drop: () => asAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`)).then(() => undefined)
	};
}
