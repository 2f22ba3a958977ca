import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml';
import { codeLike } from './cells.js';
import type { FoundGrid } from './document.js';
import type { GridRow } from './grid.js';

/**
 * Error lists written as JSON or YAML: arrays of `{code, message}` objects, `{CODE: message}`
 * maps, OpenAPI `enum`s (with `x-enum-descriptions` or `oneOf` items that carry a description).
 * Every node is visited once.
 */

const CODE_KEY =
  /^(code|err_?code|error_?code|errorcode|status_?code|result_?code|reason_?code|response_?code|return_?code|resp_?code|(error|err|result|reason)_?(name|id|key|type)|(event|status|decline|response)_?id|issue|key|id|name|value|type|c[oó]digo(_?(de_?)?(retorno|resposta|respuesta|erro|error))?|cod_?(retorno|resposta|erro)|codice(_?errore)?|kode(_?(respon|error))?|hata_?kodu|코드|결과_?코드|응답_?코드|コード|結果コード|代码|代碼|返回码|错误码|错误代码)$/i;

/** JSON Schema's type names: a `type` key holding one names a schema, not a code. */
/**
 * Lists of a request's parts, not of codes: an OpenAPI operation's `parameters`
 * (`{name: referenceId, in: path}`), a Postman request's headers, form fields, query parameters
 * and variables (`{key: Content-Type, value: …}`).
 */
const REQUEST_PARTS: ReadonlySet<string> = new Set([
  'parameters',
  'header',
  'headers',
  'urlencoded',
  'formdata',
  'query',
  'variable',
  'variables',
]);

const SCHEMA_TYPES = new Set(['object', 'string', 'integer', 'number', 'array', 'boolean', 'null']);

function scalarText(n: unknown): string | undefined {
  if (isScalar(n)) {
    const v = n.value;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String((n.source as string | undefined) ?? v);
  }
  return undefined;
}

/** Properties whose enums name no codes: a currency, a country, a language. */
const NOT_CODES =
  /^(currency|currencies|country|countries|locale|language|lang|timezone|time_?zone|format|unit|interval|scheme|sort|direction|gender)$/i;

/** A property whose values are codes or statuses: `error_code`, `status`, `decline_reason`, `result`. */
const CODE_PROPERTY = /code|status|state|result|reason|error|outcome|decline|event/i;

/** A key that holds a text: a message or description, or a language (`en`, `ms`, `zh-Hant`). */
const TEXT_KEY = /^(message|msg|description|desc|text|reason|detail|title|label|[a-z]{2}(?:[-_][A-Za-z]{2,4})?)$/;

/**
 * `{message: "…"}` or `{en: "…", ms: "…"}`: a code's own texts, by which a map keyed by plain
 * words (`unauthorized:`, `not_found:`) is a list of codes and not of settings.
 */
function textsOf(v: unknown): boolean {
  if (!isMap(v)) return false;
  // A schema's property (`{type: string, description: …}`) describes a field, not a code.
  if (v.items.some((q) => isScalar(q.key) && /^(type|\$ref|format|items|properties)$/.test(String(q.key.value)))) return false;
  return v.items.some((q) => isScalar(q.key) && TEXT_KEY.test(String(q.key.value)) && /\S\s\S/.test(scalarText(q.value) ?? ''));
}

/** A description that lists an enum's values as markdown bullets: `- \`PAID\`: The customer has paid.` */
function listedDescriptions(description: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (description === undefined) return out;
  // Read by hand: a pattern with spaces on both sides of the separator backtracks on long runs of them.
  for (const line of description.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('- ') && !t.startsWith('* ')) continue;
    const body = t.slice(2).trim();
    const code = /^`?([A-Za-z0-9_.-]{1,64})`?/.exec(body);
    if (!code) continue;
    const rest = body.slice(code[0].length).trimStart();
    if (!/^[:：–—-]/.test(rest)) continue;
    const text = rest.slice(1).trim();
    if (text !== '') out.set(code[1] as string, text);
  }
  return out;
}

/** A JSON or YAML document and its line counter, or undefined where the text is neither. */
function parseStructured(text: string): { doc: ReturnType<typeof parseDocument>; lc: LineCounter } | undefined {
  const head = text.replace(/^(\s*(#|\/\/)[^\n]*\n)*\s*/, '');
  const json = head.startsWith('{') || head.startsWith('[');
  if (!json && !/^(- )?[A-Za-z0-9_"'-]{1,80}:(\s|$)/m.test(head.slice(0, 2000))) return undefined;
  const lc = new LineCounter();
  // Comment lines over a JSON document (`// Source: …`) are no JSON: blanked, so lines keep their numbers.
  const body = json ? text.replace(/^(\s*\/\/[^\n]*\n)+/, (m) => m.replace(/[^\n]/g, '')) : text;
  try {
    const doc = parseDocument(body, { lineCounter: lc, uniqueKeys: false });
    return doc.errors.length > 0 ? undefined : { doc, lc };
  } catch {
    return undefined;
  }
}

export function findStructuredGrids(text: string): FoundGrid[] | undefined {
  const parsed = parseStructured(text);
  if (!parsed || !(isMap(parsed.doc.contents) || isSeq(parsed.doc.contents))) return undefined;
  const { doc, lc } = parsed;
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const endOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(Math.max(n.range[0], n.range[1] - 1)).line : 1);
  const grids: FoundGrid[] = [];
  // An enum's values without descriptions, and the maps of plain words to texts met on the way:
  // a map whose keys are an enum's values describes them (`x-payment-statuses: {paid: …}`).
  const undescribed = new Map<string, GridRow>();
  const bare: { rows: GridRow[]; section: string }[] = [];
  const wordMaps: [key: string, text: string][][] = [];
  const push = (rows: GridRow[], header: string[], section: string) => {
    if (rows.length === 0) return;
    grids.push({ kind: 'json', rows, header, section, from: rows[0]?.line ?? 1, to: rows[rows.length - 1]?.line ?? 1, codeColumn: 0 });
  };

  /** An array of objects: the code key is the first that looks like one in every object. */
  const objectRows = (maps: readonly YAMLMap[], section: string): boolean => {
    const keys = new Set<string>();
    for (const m of maps) for (const p of m.items) if (isScalar(p.key)) keys.add(String(p.key.value));
    const order = [...keys];
    // A list of statuses (`- state: paid` with its texts) keys on the status where nothing else is a code.
    const spaced = (k: string) => maps.filter((m) => /\S\s\S/.test(scalarText(m.get(k, true)) ?? '')).length * 2 >= maps.length;
    // A key most objects hold wins over one a few hold: a list keyed by `eventId` may give one entry
    // a `code` instead, and that entry keeps it.
    const held = (k: string) => maps.filter((m) => scalarText(m.get(k, true)) !== undefined).length * 2 >= maps.length;
    const candidates = order.filter((k) => CODE_KEY.test(k));
    const codeKey =
      candidates.find((k) => /code/i.test(k) && held(k)) ??
      candidates.find(held) ??
      candidates.find((k) => /code/i.test(k)) ??
      candidates[0] ??
      order.find((k) => /^(state|status)$/i.test(k) && order.some((t) => t !== k && spaced(t)));
    if (!codeKey) return false;
    // Other keys named as a code (`code` beside `eventId`) give the code of an object without the
    // list's key; only those that do so leave the text columns (a `name` or a `type` may hold a text,
    // a `status_code` beside `code` stays a note).
    const others = candidates.filter((k) => k !== codeKey && /code|id$/i.test(k));
    const fallbacks = new Set(
      maps.filter((m) => !m.has(codeKey)).flatMap((m) => others.filter((k) => scalarText(m.get(k, true)) !== undefined).slice(0, 1)),
    );
    const textKeys = order.filter((k) => k !== codeKey && !fallbacks.has(k) && maps.some((m) => scalarText(m.get(k, true)) !== undefined));
    const rows: GridRow[] = [];
    for (const m of maps) {
      const own = m.has(codeKey) ? codeKey : others.find((k) => scalarText(m.get(k, true)) !== undefined);
      const code = own === undefined ? undefined : scalarText(m.get(own, true));
      if (code === undefined || !codeLike(code.trim())) continue;
      const row: GridRow = {
        cells: [code.trim(), ...textKeys.map((k) => scalarText(m.get(k, true)) ?? '')],
        line: lineOf(m as Node),
      };
      const end = endOf(m as Node);
      if (end > row.line) row.end = end;
      rows.push(row);
    }
    push(rows, [codeKey, ...textKeys], section);
    return rows.length > 0;
  };

  const visit = (node: unknown, path: string[]) => {
    const section = path.join('/');
    if (isSeq(node)) {
      const maps = node.items.filter(isMap);
      if (maps.length > 0 && maps.length === node.items.length && !REQUEST_PARTS.has(path[path.length - 1] ?? '')) {
        // OpenAPI `oneOf` items that are schemas (`type: object`) each with an `example` object:
        // the examples hold the codes.
        const schemas = maps.every((m) => SCHEMA_TYPES.has(scalarText(m.get('type', true)) ?? ''));
        const objects: YAMLMap[] = [];
        for (const m of maps) {
          const example: unknown = schemas ? m.get('example', true) : m;
          if (isMap(example)) objects.push(example);
        }
        if (objectRows(objects, section)) return;
      }
      node.items.forEach((item, k) => {
        visit(item, [...path, String(k)]);
      });
      return;
    }
    if (!isMap(node)) return;
    // `enum` with descriptions alongside, or listed in the schema's description (`- \`PAID\`: …`);
    // an enum of currencies, countries or languages holds no codes.
    const en = node.get('enum', true);
    if (isSeq(en) && !NOT_CODES.test(path[path.length - 1] ?? '')) {
      const descs = node.get('x-enum-descriptions', true) ?? node.get('x-enumDescriptions', true);
      const names = node.get('x-enum-varnames', true) ?? node.get('x-enumNames', true);
      const listed = listedDescriptions(scalarText(node.get('description', true)));
      const rows: GridRow[] = [];
      en.items.forEach((item, k) => {
        const code = scalarText(item);
        if (code === undefined || !codeLike(code)) return;
        const desc = isSeq(descs) ? (scalarText(descs.items[k]) ?? '') : (listed.get(code) ?? '');
        const name = isSeq(names) ? (scalarText(names.items[k]) ?? '') : '';
        const row = { cells: [code, desc, name], line: lineOf(item as Node) };
        if (desc === '' && !undescribed.has(code)) undescribed.set(code, row);
        rows.push(row);
      });
      // An enum whose values nothing describes, under a property that names no code or status
      // (`intent: [buy, tokenize]`, `acquiring_channel`), is a request's choices: kept only where
      // the document gives no codes elsewhere or a map met later describes it.
      const owner = [...path].reverse().find((k) => !/^(\d+|items|schema|allOf|oneOf|anyOf|properties)$/.test(k)) ?? '';
      if (!isSeq(descs) && listed.size === 0 && !CODE_PROPERTY.test(owner)) bare.push({ rows, section });
      else push(rows, ['code', 'description', 'name'], section);
    }
    // `oneOf`/`anyOf` items that each name one value: `{const: X, description: …}`.
    for (const key of ['oneOf', 'anyOf']) {
      const list = node.get(key, true);
      if (!isSeq(list)) continue;
      const rows: GridRow[] = [];
      for (const item of list.items) {
        if (!isMap(item)) continue;
        const c = item.get('const', true);
        const e = item.get('enum', true);
        const code = scalarText(c) ?? (isSeq(e) && e.items.length === 1 ? scalarText(e.items[0]) : undefined);
        if (code === undefined || !codeLike(code)) continue;
        rows.push({
          cells: [code, scalarText(item.get('description', true)) ?? scalarText(item.get('title', true)) ?? ''],
          line: lineOf(item as Node),
        });
      }
      push(rows, ['code', 'description'], section);
    }
    // `{CODE: "message"}` or `{CODE: {message: …}}` maps; an OpenAPI operation's `responses` are
    // keyed by HTTP status.
    const entries = path[path.length - 1] === 'responses' ? [] : node.items.filter((p) => isScalar(p.key));
    const codeKeyed = entries.filter((p) => {
      const k = String((p.key as { value: unknown }).value);
      return codeLike(k) && (/\d/.test(k) || /^[A-Z0-9_.-]+$/.test(k) || textsOf(p.value));
    });
    // Keys that are all ranges written with placeholders (`1xxx`, `2xxx`) explain classes of codes.
    const ranges = codeKeyed.every((p) => /^\d{1,3}x{2,4}$/i.test(String((p.key as { value: unknown }).value)));
    if (codeKeyed.length >= 2 && codeKeyed.length >= 0.8 * entries.length && !ranges) {
      const rows: GridRow[] = [];
      for (const p of codeKeyed) {
        const k = String((p.key as { value: unknown }).value);
        const v = p.value;
        const t = scalarText(v);
        if (t !== undefined) rows.push({ cells: [k, t], line: lineOf(p.key as Node) });
        else if (isMap(v)) {
          const msg = v.items.map((q) => scalarText(q.value)).find((x) => x !== undefined && /\s/.test(x)) ?? '';
          rows.push({ cells: [k, msg], line: lineOf(p.key as Node) });
        }
      }
      if (rows.length >= 2) {
        push(rows, ['code', 'message'], section);
        return;
      }
    }
    const described: [string, string][] = [];
    for (const p of entries) {
      const t = scalarText(p.value);
      if (t !== undefined && /\s/.test(t.trim())) described.push([String((p.key as { value: unknown }).value), t.trim()]);
    }
    if (described.length >= 2) wordMaps.push(described);
    for (const p of node.items) {
      const k = isScalar(p.key) ? String(p.key.value) : '?';
      visit(p.value, [...path, k]);
    }
  };
  visit(doc.contents, []);
  for (const map of wordMaps) {
    const known = map.filter(([k]) => undescribed.has(k));
    if (known.length < 2 || known.length < 0.8 * map.length) continue;
    for (const [k, t] of known) {
      const row = undescribed.get(k) as GridRow;
      row.cells[1] = t;
      undescribed.delete(k);
    }
  }
  const others = grids.length > 0;
  for (const { rows, section } of bare) {
    if (!others || rows.some((r) => r.cells[1] !== '')) push(rows, ['code', 'description', 'name'], section);
  }
  return grids;
}

/**
 * Text documents held in the string values of a JSON or YAML file: a Postman collection's or an
 * OpenAPI spec's `description`, written in markdown, often holds the code table itself. Each comes
 * with the line its value starts on. Only strings with a table in them (three lines that start with
 * a pipe, or an HTML table) are returned.
 */
export function embeddedDocuments(text: string): { text: string; line: number }[] {
  const parsed = parseStructured(text);
  if (!parsed) return [];
  const { doc, lc } = parsed;
  const out: { text: string; line: number }[] = [];
  const visit = (node: unknown) => {
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string' && v.length >= 40 && hasTable(v)) {
        out.push({ text: v, line: node.range ? lc.linePos(node.range[0]).line : 1 });
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item);
    else if (isMap(node)) for (const p of node.items) visit(p.value);
  };
  visit(doc.contents);
  return out;
}

function hasTable(s: string): boolean {
  if (/<table\b/i.test(s)) return true;
  let rows = 0;
  for (const line of s.split('\n')) if (line.trimStart().startsWith('|') && ++rows >= 3) return true;
  return false;
}
