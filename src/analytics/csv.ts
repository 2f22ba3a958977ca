/** One CSV record: its fields, the line it starts on, and what was wrong with it, if anything. */
export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** True for a record that was an empty line. */
  blank: boolean;
  problem?: 'unterminated_quote' | 'record_too_long';
}

const MAX_RECORD_CHARS = 1 << 20;

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either the first half of `""` or the closing quote. */
  QuoteSeen,
}

/**
 * A streaming RFC 4180 parser: commas, double-quoted fields with `""` escapes, quoted newlines,
 * CRLF or LF record ends, and a leading BOM. Text arrives in arbitrary chunks; records come out
 * through the callback as soon as they end, so memory is bounded by the longest record (capped).
 */
export class CsvParser {
  private state = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private size = 0;
  private oversize = false;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private sawAny = false;

  constructor(private readonly onRecord: (r: CsvRecord) => void) {}

  push(text: string): void {
    let i = 0;
    if (!this.sawAny && text.length > 0) {
      this.sawAny = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.Quoted:
          if (c === 0x22) this.state = State.QuoteSeen;
          else {
            if (c === 0x0a) this.line++;
            this.append(text[i] as string);
          }
          break;
        case State.QuoteSeen:
          if (c === 0x22) {
            this.append('"');
            this.state = State.Quoted;
            break;
          }
          this.state = State.Unquoted;
          this.plain(c, text[i] as string);
          break;
        case State.FieldStart:
          if (c === 0x22) {
            this.started = true;
            this.state = State.Quoted;
            break;
          }
          this.plain(c, text[i] as string);
          break;
        default:
          this.plain(c, text[i] as string);
      }
    }
  }

  end(): void {
    if (this.state === State.Quoted) {
      this.endField();
      this.emit('unterminated_quote');
      return;
    }
    if (this.started || this.field.length > 0 || this.fields.length > 0) {
      this.endField();
      this.emit();
    }
  }

  private plain(c: number, ch: string): void {
    if (c === 0x2c) {
      this.endField();
      this.state = State.FieldStart;
      this.started = true;
    } else if (c === 0x0a) {
      this.endField();
      this.emit();
      this.line++;
    } else if (c !== 0x0d) {
      this.started = true;
      this.state = State.Unquoted;
      this.append(ch);
    }
  }

  private append(s: string): void {
    if (this.oversize) return;
    this.size += s.length;
    if (this.size > MAX_RECORD_CHARS) {
      this.oversize = true;
      this.field = '';
      return;
    }
    this.field += s;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  private emit(problem?: CsvRecord['problem']): void {
    const blank = !this.started && this.fields.length === 1 && this.fields[0] === '';
    const r: CsvRecord = { fields: this.oversize ? [] : this.fields, line: this.recordLine, blank };
    const p = this.oversize ? 'record_too_long' : problem;
    if (p) r.problem = p;
    this.onRecord(r);
    this.fields = [];
    this.field = '';
    this.size = 0;
    this.oversize = false;
    this.started = false;
    this.state = State.FieldStart;
    this.recordLine = this.line + 1;
  }
}

/** Parses a whole CSV text; for tests and small inputs. */
export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const p = new CsvParser((r) => out.push(r));
  p.push(text);
  p.end();
  return out;
}
