import type { Progress, QueueLog } from "../queue/types.js";
import { printable } from "./safe-output.js";

/**
 * Progress of one job on stderr (stdout stays clean for `--json`). On a terminal, one line
 * redrawn in place; otherwise a plain line per change of state, for logs and CI.
 */
export class JobReporter {
  private last = "";
  private started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly verbose: boolean,
  ) {}

  private get tty(): boolean {
    return this.stream.isTTY === true;
  }

  submitted(requestId: string): void {
    this.started = Date.now();
    this.line(`submitted, request id ${requestId}`);
  }

  progress(progress: Progress): void {
    const position =
      progress.queuePosition === undefined ? "" : ` (position ${progress.queuePosition})`;
    const text = printable(`${progress.status}${position}`);
    if (this.tty) {
      this.stream.write(
        `\r\x1b[2K${spinner(progress.elapsedMs)} ${text} · ${seconds(progress.elapsedMs)}`,
      );
    } else if (text !== this.last) {
      this.stream.write(`[${seconds(progress.elapsedMs).padStart(6)}] ${text}\n`);
    }
    this.last = text;
  }

  log(log: QueueLog): void {
    if (!this.verbose) return;
    this.line(`log: ${log.message}`);
  }

  /** A message between progress redraws. */
  line(text: string): void {
    const message = printable(text);
    if (this.tty) this.stream.write(`\r\x1b[2K${message}\n`);
    else this.stream.write(`[${seconds(Date.now() - this.started).padStart(6)}] ${message}\n`);
  }

  done(): void {
    if (this.tty) this.stream.write("\r\x1b[2K");
  }
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

function spinner(elapsedMs: number): string {
  return FRAMES[Math.floor(elapsedMs / 100) % FRAMES.length]!;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
