import { isUtf8 } from 'node:buffer';
import { MAX_RECORD_BYTES } from './limits.js';

/** One physical line of input; `text` is undefined when the bytes are not valid UTF-8 or the line is too long. */
export interface Line {
  /** 1-based. */
  number: number;
  text: string | undefined;
  problem?: 'invalid_utf8' | 'too_long';
}

/**
 * Splits a byte stream into NDJSON lines with bounded memory: CRLF and LF both end a line, a leading BOM
 * is dropped, and an over-long line is discarded up to its newline instead of being accumulated.
 * Synchronous per chunk, so a million lines cost a million calls, not a million promises.
 */
export class LineSplitter {
  private carry: Buffer | undefined;
  private skipping = false;
  private first = true;
  private number = 0;

  constructor(
    private readonly onLine: (line: Line) => void,
    private readonly maxLineBytes = MAX_RECORD_BYTES,
  ) {}

  push(chunk: Buffer | string): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(0x0a, pos);
      if (nl === -1) {
        if (!this.skipping) {
          const rest = buf.subarray(pos);
          this.carry = this.carry === undefined ? Buffer.from(rest) : Buffer.concat([this.carry, rest]);
          if (this.carry.length > this.maxLineBytes) {
            this.carry = undefined;
            this.skipping = true;
          }
        }
        return;
      }
      if (this.skipping) {
        this.skipping = false;
        this.tooLong();
      } else if (this.carry !== undefined) {
        const whole = Buffer.concat([this.carry, buf.subarray(pos, nl)]);
        this.carry = undefined;
        if (whole.length > this.maxLineBytes) this.tooLong();
        else this.emit(whole);
      } else if (nl - pos > this.maxLineBytes) {
        this.tooLong();
      } else {
        this.emit(buf.subarray(pos, nl));
      }
      pos = nl + 1;
    }
  }

  /** Flushes a last line that has no newline. */
  end(): void {
    if (this.skipping) this.tooLong();
    else if (this.carry !== undefined && this.carry.length > 0) this.emit(this.carry);
    this.carry = undefined;
    this.skipping = false;
  }

  private tooLong(): void {
    this.first = false;
    this.onLine({ number: ++this.number, text: undefined, problem: 'too_long' });
  }

  private emit(bytes: Buffer): void {
    const number = ++this.number;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    let start = 0;
    if (this.first && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    this.first = false;
    const text = bytes.toString('utf8', start, end);
    // Decoding never fails: bad bytes become U+FFFD. Only then is the exact check worth its cost.
    if (text.includes('\uFFFD') && !isUtf8(bytes.subarray(start, end))) {
      this.onLine({ number, text: undefined, problem: 'invalid_utf8' });
      return;
    }
    this.onLine({ number, text });
  }
}
