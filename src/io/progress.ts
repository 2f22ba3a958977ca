/**
 * One self-overwriting stderr line: bytes, records, rates, and a bar when the size is known.
 * Redrawn at most a few times a second, and only when stderr is a terminal, so pipes and CI logs
 * never see carriage returns.
 */
export class Progress {
  private last = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly total: number | undefined,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** A progress line when stderr is a terminal and `wanted`; otherwise nothing. */
  static forStderr(total: number | undefined, wanted = true): Progress | undefined {
    return wanted && process.stderr.isTTY ? new Progress(total) : undefined;
  }

  update(bytes: number, records: number): void {
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const mb = (n: number) => (n / 1e6).toFixed(1);
    const rate = `${Math.round(records / secs).toLocaleString('en-US')} rec/s, ${mb(bytes / secs)} MB/s`;
    let bar = '';
    if (this.total !== undefined && this.total > 0) {
      const share = Math.min(1, bytes / this.total);
      const filled = Math.round(share * 24);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(24 - filled)}] ${String(Math.round(share * 100)).padStart(3)}% `;
    }
    this.stream.write(`\r\x1b[K${bar}${mb(bytes)} MB, ${records.toLocaleString('en-US')} records, ${rate}`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
  }
}
