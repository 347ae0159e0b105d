/**
 * A fresh PostgreSQL database per test file on the machine's real server (never a mock): created
 * from the maintenance database, dropped afterwards. TEST_POSTGRES_URL points at another server.
 */
import pg from 'pg';

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface FreshPostgres {
	url: string;
	drop(): Promise<void>;
}

export async function freshPostgres(): Promise<FreshPostgres> {
	const name = `t_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
	} finally {
		await admin.end();
	}
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const client = new pg.Client({ connectionString: ADMIN_URL });
			await client.connect();
			try {
				await client.query(`drop database if exists ${name} with (force)`);
			} finally {
				await client.end();
			}
		}
	};
}
