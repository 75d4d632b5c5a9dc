import { seconds } from "../job-reporter.js";
import { printable } from "../safe-output.js";

export interface BatchCounts {
  total: number;
  done: number;
  failed: number;
  unknown: number;
  running: number;
}

/** A progress bar on a terminal, a line per finished job elsewhere; always on stderr. */
export class BatchReporter {
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream) {}

  event(text: string): void {
    const message = printable(text);
    if (this.stream.isTTY) this.stream.write(`\r\x1b[2K${message}\n`);
    else this.stream.write(`${message}\n`);
  }

  bar(counts: BatchCounts, pausedMs: number): void {
    if (!this.stream.isTTY) return;
    const finished = counts.done + counts.failed + counts.unknown;
    const width = 30;
    const filled = counts.total === 0 ? width : Math.round((finished / counts.total) * width);
    const rate = finished / Math.max(0.001, (Date.now() - this.started) / 1000);
    const pause = pausedMs > 0 ? ` · rate limited ${seconds(pausedMs)}` : "";
    this.stream.write(
      `\r\x1b[2K[${"#".repeat(filled)}${".".repeat(width - filled)}] ${finished}/${counts.total} · ${counts.running} running · ${counts.failed} failed · ${rate.toFixed(1)} jobs/s${pause}`,
    );
  }

  end(): void {
    if (this.stream.isTTY) this.stream.write("\r\x1b[2K");
  }
}
