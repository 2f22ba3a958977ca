import { decodeEntities, stripTags } from './cells.js';
import type { FoundGrid } from './document.js';
import { type GridRow, LineCursor, splitLines, trim } from './grid.js';
import { readString } from './source.js';

/**
 * Codes declared by an annotation rather than by a table: an XML Schema's enumeration
 * (`<xs:enumeration value="14">` with its `<xs:documentation>`) and a C# enum member whose wire value
 * is an attribute (`[EnumMember(Value = "00")]`, `[Description("Approved")]`, `/// <summary>` above).
 * Each is read by scanning for its markers, once, left to right.
 */

const SPACE = /\s+/g;

/** Text of an element or a doc comment on one line: entities decoded, runs of space as one. */
function flat(s: string): string {
  return trim(decodeEntities(stripTags(s.replace(/</g, ' <'))).replace(SPACE, ' '));
}

/** Two or more codes as a table whose first column is the code. */
function sourceGrid(rows: GridRow[], header: string[]): FoundGrid | undefined {
  if (rows.length < 2) return undefined;
  return { kind: 'source', rows, codeColumn: 0, header, from: rows[0]?.line ?? 1, to: rows[rows.length - 1]?.end ?? 1 };
}

/** A type named for codes or results: ErrCode, ResultStatus, ResponseCodeType, ReasonCode. */
const CODE_TYPE = /code|err|result|status|state|response|reason|ret/i;

/** `<xs:enumeration value="X">…<xs:documentation>text</xs:documentation>…</xs:enumeration>`. */
export function xsdEnumerationGrid(text: string): FoundGrid | undefined {
  const open = /<(xs|xsd):enumeration\s+value\s*=\s*("([^"]{0,128})"|'([^']{0,128})')\s*(\/?)>/g;
  const cursor = new LineCursor(text);
  const rows: GridRow[] = [];
  // Each value's type: the last `<xs:simpleType` opened before it.
  const types = /<(?:xs|xsd):simpleType\b(?:\s+name\s*=\s*["']([^"']{0,128})["'])?/g;
  const typeName = new Map<number, string>();
  let type = -1;
  let nextType = types.exec(text);
  const typeOf: number[] = [];
  // Once no closing tag is left, none is looked for again: each search would read to the end.
  let closes = true;
  for (let m = open.exec(text); m !== null; m = open.exec(text)) {
    while (nextType !== null && nextType.index < m.index) {
      type = nextType.index;
      typeName.set(type, nextType[1] ?? '');
      nextType = types.exec(text);
    }
    const ns = m[1] as string;
    const code = trim(m[3] ?? m[4] ?? '');
    const line = cursor.at(m.index);
    let doc = '';
    let end = line;
    if (m[5] !== '/' && closes) {
      const close = text.indexOf(`</${ns}:enumeration>`, open.lastIndex);
      if (close < 0) closes = false;
      const body = close < 0 ? '' : text.slice(open.lastIndex, close);
      const d = body.indexOf(`<${ns}:documentation`);
      const gt = d < 0 ? -1 : body.indexOf('>', d);
      const de = gt < 0 ? -1 : body.indexOf(`</${ns}:documentation>`, gt);
      if (de > 0) doc = flat(body.slice(gt + 1, de));
      if (close >= 0) {
        end = cursor.at(close);
        open.lastIndex = close;
      }
    }
    if (code === '') continue;
    const row: GridRow = { cells: [code, doc], line };
    if (end > line) row.end = end;
    rows.push(row);
    typeOf.push(type);
  }
  // Where some types are named for codes (`ErrCode`, `ResultStatus`) and others are not (`BankId`,
  // `CurrencyType`), the others list a parameter's values: banks, currencies.
  const named = new Set([...typeName].filter(([, n]) => CODE_TYPE.test(n)).map(([t]) => t));
  if (named.size > 0)
    return sourceGrid(
      rows.filter((_, k) => named.has(typeOf[k] as number)),
      ['code', 'description'],
    );
  return sourceGrid(rows, ['code', 'description']);
}

const ENUM_MEMBER =
  /^\[\s*(?:EnumMember|JsonStringEnumMemberName|JsonPropertyName|XmlEnum)\s*\(\s*(?:Value\s*=\s*)?"([^"]{1,128})"\s*\)\s*\]/;
const DESCRIPTION = /^\[\s*(?:Description|Display)\b/;
const IDENT = /^[A-Za-z_]\w*/;

/** An enum member's line (`Approved,`, `Approved = 0, // …`): its name, or undefined. */
function memberName(t: string): string | undefined {
  const name = IDENT.exec(t)?.[0];
  if (name === undefined) return undefined;
  const rest = t.slice(name.length).replace(SPACE, '');
  return /^(?:=[^,/]{1,40})?,?(?:\/\/.*)?$/.test(rest) ? name : undefined;
}

/**
 * A C# enum whose members carry their wire value in an attribute: the value is the code, the
 * `[Description]` its message, the `/// <summary>` above its description, the member its name.
 */
export function attributedEnumGrid(text: string): FoundGrid | undefined {
  const lines = splitLines(text);
  const rows: GridRow[] = [];
  let summary: string[] = [];
  let code: string | undefined;
  let message = '';
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = trim(lines[i] as string);
    if (t.startsWith('///')) {
      if (code === undefined) {
        if (summary.length === 0) first = i + 1;
        summary.push(t.slice(3));
      }
      continue;
    }
    const member = ENUM_MEMBER.exec(t);
    if (member) {
      code = member[1];
      if (summary.length === 0) first = i + 1;
      continue;
    }
    if (DESCRIPTION.test(t)) {
      const q = t.indexOf('"');
      message = (q < 0 ? undefined : readString(t, q)?.[0]) ?? message;
      continue;
    }
    if (t.startsWith('[')) continue;
    const name = code !== undefined ? memberName(t) : undefined;
    if (code !== undefined && name !== undefined) {
      const about = flat(summary.join(' '));
      const same = about.replace(/[.。]$/, '') === message.replace(/[.。]$/, '');
      rows.push({ cells: [code, message, name, same ? '' : about], line: first || i + 1, end: i + 1 });
    }
    if (t !== '') {
      summary = [];
      code = undefined;
      message = '';
    }
  }
  return sourceGrid(rows, ['code', 'message', 'name', 'comment']);
}

/** A field of an XML record named for a code (`<Code>`, `<ErrorCode>`, `<resultCode>`, `<id>`). */
const XML_CODE_FIELD = /^(?:[a-z]+[-_]?)?(?:code|id|value|key)$/i;

/**
 * Codes written as XML records: a repeated element (`<Error>`, `<Item>`) whose children are a code
 * (`<Code>E1001</Code>`) and its texts (`<Message>`, `<Description>`). Children are read in order,
 * the code first; each record keeps the field names as its header. Records of one element name only
 * count where three or more of them have a code field; an example response's single record does not.
 */
export function xmlRecordGrid(text: string): FoundGrid | undefined {
  // `<Tag>text</Tag>` with no element inside: a record's field.
  const field = /<([A-Za-z_][\w.-]{0,63})(?:\s[^<>]{0,256})?>([^<]{0,2000})<\/\1\s*>/g;
  const cursor = new LineCursor(text);
  type Rec = { fields: [string, string][]; line: number; end: number };
  const records: Rec[] = [];
  let open: Rec | undefined;
  let lastEnd = -1;
  for (let m = field.exec(text); m !== null; m = field.exec(text)) {
    // A field that follows the last with only white space between belongs to the same record.
    const sameRecord = open !== undefined && trim(text.slice(lastEnd, m.index)) === '';
    if (!sameRecord) {
      open = { fields: [], line: cursor.at(m.index), end: 0 };
      records.push(open);
    }
    (open as Rec).fields.push([m[1] as string, decodeEntities(m[2] as string)]);
    (open as Rec).end = cursor.at(m.index);
    lastEnd = field.lastIndex;
  }
  const coded = records.filter((r) => r.fields.length >= 2 && r.fields.some(([k]) => XML_CODE_FIELD.test(k)));
  if (coded.length < 3) return undefined;
  // The usual field names, in order, the code field first.
  const names: string[] = [];
  for (const r of coded) for (const [k] of r.fields) if (!names.includes(k)) names.push(k);
  const codeName = names.find((k) => XML_CODE_FIELD.test(k)) as string;
  const header = [codeName, ...names.filter((k) => k !== codeName)];
  const rows: GridRow[] = coded
    .map((r) => {
      const byName = new Map(r.fields);
      const row: GridRow = { cells: header.map((k) => trim(byName.get(k) ?? '')), line: r.line };
      if (r.end > r.line) row.end = r.end;
      return row;
    })
    .filter((r) => (r.cells[0] ?? '') !== '');
  return rows.length >= 3 ? { kind: 'html', rows, header, from: rows[0]?.line ?? 1, to: rows[rows.length - 1]?.end ?? 1 } : undefined;
}
