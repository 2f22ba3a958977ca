import type { Lang } from '../core/types.js';
import { LANGS } from '../core/types.js';
import { csvField } from '../io/csv.js';
import type { MappingRow } from './mapping.js';
import type { NetworkCodeRow } from './network.js';
import type { StateRow } from './state.js';

export const EXPORT_FORMATS = ['json', 'csv', 'sql', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const DIALECTS = ['duckdb', 'postgres', 'sqlite', 'bigquery'] as const;
export type Dialect = (typeof DIALECTS)[number];

type ColumnType = 'text' | 'int' | 'bool';
interface Column {
  name: string;
  type: ColumnType;
  get: (r: MappingRow) => string | number | boolean;
}

const LANG_SUFFIX: Record<Lang, string> = { en: 'en', 'zh-Hant': 'zh_hant', 'zh-Hans': 'zh_hans' };

/** The flat columns of the mapping; with a language, one message column each instead of three. */
export function columns(lang?: Lang): Column[] {
  const langs = lang ? [lang] : [...LANGS];
  const suffix = (l: Lang) => (lang ? '' : `_${LANG_SUFFIX[l]}`);
  const cols: Column[] = [
    { name: 'provider', type: 'text', get: (r) => r.provider },
    { name: 'code', type: 'text', get: (r) => r.code },
    { name: 'flow', type: 'text', get: (r) => r.flow },
    { name: 'reading', type: 'int', get: (r) => r.reading },
    { name: 'is_default', type: 'bool', get: (r) => r.is_default },
    { name: 'is_default_for_flow_any', type: 'bool', get: (r) => r.is_default_for_flow_any },
    { name: 'unified', type: 'text', get: (r) => r.unified },
    { name: 'category', type: 'text', get: (r) => r.category },
    { name: 'outcome', type: 'text', get: (r) => r.outcome },
    { name: 'next', type: 'text', get: (r) => r.next },
    { name: 'party', type: 'text', get: (r) => r.party },
    { name: 'disclosure', type: 'text', get: (r) => r.disclosure },
  ];
  for (const l of langs) cols.push({ name: `customer_message${suffix(l)}`, type: 'text', get: (r) => r.customer_message[l] });
  for (const l of langs) cols.push({ name: `merchant_message${suffix(l)}`, type: 'text', get: (r) => r.merchant_message[l] });
  // The provider's own words stay in every language it wrote them in: they are evidence, not UI text.
  for (const l of LANGS) cols.push({ name: `provider_text_${LANG_SUFFIX[l]}`, type: 'text', get: (r) => r.provider_text[l] });
  cols.push(
    { name: 'reason', type: 'text', get: (r) => r.reason },
    { name: 'scene', type: 'text', get: (r) => r.scene },
    { name: 'source_document', type: 'text', get: (r) => r.source_document },
    { name: 'source_line', type: 'int', get: (r) => r.source_line },
  );
  return cols;
}

export function toJson(rows: readonly MappingRow[], lang?: Lang): string {
  const cols = columns(lang);
  const objs = rows.map((r) => Object.fromEntries(cols.map((c) => [c.name, c.get(r)])));
  return `${JSON.stringify(objs, null, 2)}\n`;
}

function csvCell(v: string | number | boolean): string {
  return csvField(String(v));
}

/** RFC 4180: CRLF line ends, fields quoted only when they need it. */
export function toCsv(rows: readonly MappingRow[], lang?: Lang): string {
  const cols = columns(lang);
  const lines = [cols.map((c) => c.name).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(c.get(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function mdCell(v: string | number | boolean): string {
  return String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A readable table: the decision and the messages in one language (English unless asked). */
export function toMarkdown(rows: readonly MappingRow[], lang: Lang = 'en'): string {
  const head = [
    'provider',
    'code',
    'flow',
    'default',
    'unified',
    'outcome',
    'next',
    'party',
    'disclosure',
    'customer message',
    'merchant guidance',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const flags = [r.is_default ? 'flow' : '', r.is_default_for_flow_any ? 'any' : ''].filter(Boolean).join(', ');
    const cells = [
      r.provider,
      `\`${r.code}\``,
      r.flow,
      flags,
      r.unified,
      r.outcome,
      r.next,
      r.party,
      r.disclosure,
      r.customer_message[lang],
      r.merchant_message[lang],
    ];
    lines.push(`| ${cells.map(mdCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

const TYPES: Record<Dialect, Record<ColumnType, string>> = {
  duckdb: { text: 'VARCHAR', int: 'INTEGER', bool: 'BOOLEAN' },
  postgres: { text: 'TEXT', int: 'INTEGER', bool: 'BOOLEAN' },
  sqlite: { text: 'TEXT', int: 'INTEGER', bool: 'INTEGER' },
  bigquery: { text: 'STRING', int: 'INT64', bool: 'BOOL' },
};

/** Quotes one identifier part: backticks for BigQuery, double quotes elsewhere. */
export function quoteIdent(dialect: Dialect, name: string): string {
  if (dialect === 'bigquery') return `\`${name.replace(/[`\\]/g, (c) => `\\${c}`)}\``;
  return `"${name.replace(/"/g, '""')}"`;
}

/** A dotted table name (`dataset.table`), each part quoted. */
export function quoteTable(dialect: Dialect, table: string): string {
  return table
    .split('.')
    .map((p) => quoteIdent(dialect, p))
    .join('.');
}

/**
 * A string literal. Standard SQL doubles the quote and takes backslashes literally (DuckDB, SQLite,
 * PostgreSQL with standard_conforming_strings on, the default since 9.1); BigQuery treats the
 * backslash as an escape, so it and control characters are escaped there.
 */
export function quoteString(dialect: Dialect, s: string): string {
  // No engine stores NUL in a text (PostgreSQL refuses it, SQLite and DuckDB cut or fail): refuse it here.
  if (s.includes('\u0000'))
    throw new RangeError(`a text holds a NUL character, which SQL text cannot carry: ${JSON.stringify(s.slice(0, 60))}`);
  if (dialect === 'bigquery') {
    return `'${s.replace(/[\\'\n\r\t]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`))}'`;
  }
  return `'${s.replace(/'/g, "''")}'`;
}

function literal(dialect: Dialect, type: ColumnType, v: string | number | boolean | null): string {
  if (v === null) return 'NULL';
  if (type === 'bool') return dialect === 'sqlite' ? (v ? '1' : '0') : v ? 'TRUE' : 'FALSE';
  if (type === 'int') return String(Math.trunc(Number(v)));
  return quoteString(dialect, String(v));
}

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_-]*){0,2}$/;

export function checkTableName(name: string): string {
  if (!TABLE_NAME.test(name) || name.length > 200) {
    throw new RangeError(
      `table name must be letters, digits and underscores, optionally dataset-qualified; got ${JSON.stringify(name.slice(0, 60))}`,
    );
  }
  return name;
}

/** One table's shape: its columns and how to read each from a row. */
export interface TableSpec<R> {
  table: string;
  columns: Array<{ name: string; type: ColumnType; nullable?: boolean; get: (r: R) => string | number | boolean | null }>;
}

/** Rows per INSERT: large enough that the engines parse few statements, small enough for BigQuery's statement limit. */
const BATCH = 500;

/** DROP, CREATE and batched multi-row INSERTs for one table in one dialect. */
export function tableSql<R>(dialect: Dialect, spec: TableSpec<R>, rows: readonly R[]): string[] {
  const table = quoteTable(dialect, checkTableName(spec.table));
  const types = TYPES[dialect];
  const out: string[] = [`DROP TABLE IF EXISTS ${table};`];
  const defs = spec.columns.map((c) => `  ${quoteIdent(dialect, c.name)} ${types[c.type]}${c.nullable ? '' : ' NOT NULL'}`);
  out.push(`CREATE TABLE ${table} (\n${defs.join(',\n')}\n);`);
  const names = spec.columns.map((c) => quoteIdent(dialect, c.name)).join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((r) => `  (${spec.columns.map((c) => literal(dialect, c.type, c.get(r))).join(', ')})`);
    out.push(`INSERT INTO ${table} (${names}) VALUES\n${values.join(',\n')};`);
  }
  return out;
}

/** The names of the companion tables, in the mapping table's dataset or schema when it has one. */
export function companionTables(mapping: string): { state: string; network: string } {
  const at = mapping.lastIndexOf('.');
  const prefix = at < 0 ? '' : mapping.slice(0, at + 1);
  return { state: `${prefix}paycodes_state`, network: `${prefix}paycodes_network_codes` };
}

export interface SqlTables {
  mapping: readonly MappingRow[];
  state?: readonly StateRow[];
  network?: readonly NetworkCodeRow[];
}

/**
 * DDL and INSERTs for one dialect: the mapping, and with them the state table (two-layer logs) and
 * the network code groups (card declines), all in one transaction where the engine has them.
 */
export function toSql(data: readonly MappingRow[] | SqlTables, dialect: Dialect, options: { lang?: Lang; table?: string } = {}): string {
  const tables: SqlTables = Array.isArray(data) ? { mapping: data as readonly MappingRow[] } : (data as SqlTables);
  const rows = tables.mapping;
  const mapping = checkTableName(options.table ?? 'paycodes_mapping');
  const names = companionTables(mapping);
  const out: string[] = [];
  out.push(`-- paycodes mapping: ${rows.length} readings. Generated by \`paycodes export --format sql --dialect ${dialect}\`.`);
  out.push('-- Join it to a log with the flow fallback: exact flow (is_default), then the `any` row (is_default),');
  out.push('-- then is_default_for_flow_any. See docs/analytics.md in paycodes (The flow fallback, in SQL) for the query.');
  if (tables.state) out.push(`-- ${names.state}: the transaction state read with an "accepted" request code (two-layer logs).`);
  if (tables.network) out.push(`-- ${names.network}: the card networks' decline code groups (retry rules).`);
  // Literals below are standard SQL: a backslash is an ordinary character only with this setting on.
  if (dialect === 'postgres') out.push('SET standard_conforming_strings = on;');
  const transactional = dialect !== 'bigquery';
  if (transactional) out.push('BEGIN;');
  const cols = columns(options.lang);
  out.push(...tableSql(dialect, { table: mapping, columns: cols }, rows));
  if (tables.state) out.push(...tableSql(dialect, { table: names.state, columns: STATE_COLUMNS }, tables.state));
  if (tables.network) out.push(...tableSql(dialect, { table: names.network, columns: NETWORK_COLUMNS }, tables.network));
  if (transactional) out.push('COMMIT;');
  return `${out.join('\n')}\n`;
}

const STATE_COLUMNS: TableSpec<StateRow>['columns'] = [
  { name: 'provider', type: 'text', get: (r) => r.provider },
  { name: 'code', type: 'text', get: (r) => r.code },
  { name: 'state', type: 'text', get: (r) => r.state },
  { name: 'flow', type: 'text', get: (r) => r.flow },
  { name: 'known', type: 'bool', get: (r) => r.known },
  { name: 'unified', type: 'text', get: (r) => r.unified },
  { name: 'category', type: 'text', get: (r) => r.category },
  { name: 'outcome', type: 'text', get: (r) => r.outcome },
  { name: 'next', type: 'text', get: (r) => r.next },
  { name: 'party', type: 'text', get: (r) => r.party },
  { name: 'disclosure', type: 'text', get: (r) => r.disclosure },
];

const NETWORK_COLUMNS: TableSpec<NetworkCodeRow>['columns'] = [
  { name: 'network', type: 'text', get: (r) => r.network },
  { name: 'kind', type: 'text', get: (r) => r.kind },
  { name: 'code', type: 'text', get: (r) => r.code },
  { name: 'group_id', type: 'text', get: (r) => r.group_id },
  { name: 'decline', type: 'text', nullable: true, get: (r) => r.decline },
  { name: 'retry', type: 'text', nullable: true, get: (r) => r.retry },
  { name: 'wait_seconds', type: 'int', nullable: true, get: (r) => r.wait_seconds },
  { name: 'recurring', type: 'text', nullable: true, get: (r) => r.recurring },
  { name: 'step_up', type: 'bool', get: (r) => r.step_up },
  { name: 'says', type: 'text', get: (r) => r.says },
  { name: 'source', type: 'text', get: (r) => r.source },
];
