/**
 * A one-line progress bar on stderr, redrawn at most a few times a second. It only runs when
 * stderr is a terminal, so pipes and CI logs never see carriage returns.
 */
export class Progress {
  private last = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly total: number | undefined,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  static forStderr(total: number | undefined): Progress | undefined {
    return process.stderr.isTTY ? new Progress(total) : undefined;
  }

  update(bytes: number, records: number): void {
    const now = Date.now();
    if (now - this.last < 150) return;
    this.last = now;
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const rate = `${Math.round(records / secs).toLocaleString('en')} rec/s, ${(bytes / 1048576 / secs).toFixed(1)} MB/s`;
    let line: string;
    if (this.total !== undefined && this.total > 0) {
      const ratio = Math.min(1, bytes / this.total);
      const width = 28;
      const full = Math.round(ratio * width);
      line = `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${(ratio * 100).toFixed(0).padStart(3)}%  ${records.toLocaleString('en')} records  ${rate}`;
    } else {
      line = `${(bytes / 1048576).toFixed(1)} MB  ${records.toLocaleString('en')} records  ${rate}`;
    }
    this.stream.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
  }
}
