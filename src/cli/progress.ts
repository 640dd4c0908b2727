/**
 * Progress on stderr — only for a person watching a terminal (the caller decides: stderr is a TTY
 * and not --quiet). Redrawn in place with "\r", at most ten times a second, and erased at the end.
 */
export class ProgressBar {
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly label: string,
    private readonly now: () => number = () => performance.now(),
    private readonly width = 30,
  ) {}

  update(done: number, total: number): void {
    const t = this.now();
    if (done < total && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    const filled = total > 0 ? Math.round((done / total) * this.width) : this.width;
    const bar = '█'.repeat(filled) + '░'.repeat(this.width - filled);
    this.write(
      `\r\x1b[2K${this.label} ${bar} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`,
    );
    this.drawn = true;
  }

  /** Erases the bar (so the terminal is left clean), optionally leaving a final line. */
  finish(message?: string): void {
    if (this.drawn) this.write('\r\x1b[2K');
    if (message) this.write(message + '\n');
  }
}
