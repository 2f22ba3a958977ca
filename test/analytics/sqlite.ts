import { createRequire } from 'node:module';

/** The slice of better-sqlite3 these tests use; the package ships no types and @types is not installed. */
export interface SqliteStatement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
export interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}

const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => SqliteDatabase;

export function openSqlite(file = ':memory:'): SqliteDatabase {
  return new Database(file);
}
