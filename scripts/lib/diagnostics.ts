import { terminalSafe } from "./terminal-safe.js";

/**
 * Located warnings and errors. Every stage reports through a `Diagnostics`
 * collector instead of printing, so the orchestrator decides what is fatal
 * (`--strict`) and tests can assert on exactly what a stage said.
 */

/**
 * error: no output. warning: a real problem of the export, repaired or worked around
 * (`--strict` makes it fatal). info: housekeeping that changes nothing a caller sees
 * (editor metadata dropped, a known layout recognized), shown but never fatal.
 */
export type Severity = "error" | "warning" | "info";

/** Where a diagnostic points: a file and line for raw text, a JSON pointer after parsing. */
export interface SourceLocation {
  file: string;
  line?: number;
  pointer?: string;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case id, e.g. `yaml-unquoted-colon`; tests and users grep for it. */
  code: string;
  message: string;
  location: SourceLocation;
}

/** Resolves a JSON pointer to the line it came from, where the source is known. */
export type LineLocator = (pointer: string) => number | undefined;

/**
 * Resolves a pointer of a bundled multi-file spec to the file that states it (its display
 * name) and its line there: a warning about `resources/foo.yml` cites that file, not the root.
 */
export type PlaceLocator = (pointer: string) => { file: string; line: number | undefined };

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  constructor(
    private readonly file: string,
    private readonly locate: LineLocator = () => undefined,
    /** Set for a bundled spec: pointers may land in another of its files (wins over `locate`). */
    private readonly place?: PlaceLocator,
  ) {}

  warn(code: string, message: string, at: { pointer?: string; line?: number } = {}): void {
    this.add("warning", code, message, at);
  }

  info(code: string, message: string, at: { pointer?: string; line?: number } = {}): void {
    this.add("info", code, message, at);
  }

  error(code: string, message: string, at: { pointer?: string; line?: number } = {}): void {
    this.add("error", code, message, at);
  }

  /** A collector for another file (an overlay), sharing this one's list. */
  forFile(file: string, locate: LineLocator = () => undefined): Diagnostics {
    const child = new Diagnostics(file, locate);
    (child as { items: Diagnostic[] }).items = this.items;
    return child;
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "error");
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "warning");
  }

  private add(
    severity: Severity,
    code: string,
    message: string,
    at: { pointer?: string; line?: number },
  ): void {
    let file = this.file;
    let line = at.line;
    if (line === undefined && at.pointer !== undefined) {
      if (this.place) ({ file, line } = this.place(at.pointer));
      else line = this.locate(at.pointer);
    }
    // The pointer stays the bundled document's: it is what overlays and the contract address.
    const location: SourceLocation = { file };
    if (line !== undefined) location.line = line;
    if (at.pointer !== undefined) location.pointer = at.pointer;
    this.items.push({ severity, code, message, location });
  }
}

/**
 * `spec/x.yaml:28: warning [code] message (at #/paths/...)`: grep- and editor-friendly. The
 * file name, pointer and message come from the spec (a `$ref` names the file), so the
 * characters a terminal acts on are shown as escapes.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const file = terminalSafe(d.location.file);
  const where = d.location.line === undefined ? file : `${file}:${d.location.line}`;
  const pointer =
    d.location.pointer === undefined ? "" : ` (at ${terminalSafe(d.location.pointer)})`;
  return `${where}: ${d.severity} [${d.code}] ${terminalSafe(d.message)}${pointer}`;
}

/** Thrown when a run cannot produce output; carries everything that was reported. */
export class GenerateError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(
      `generation failed with ${errors.length} error(s):\n` +
        errors.map(formatDiagnostic).join("\n"),
    );
    this.name = "GenerateError";
  }
}

/** File, then line, then the order reported: how a reader walks through a spec. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.location.file !== b.location.file) return a.location.file < b.location.file ? -1 : 1;
  return (a.location.line ?? 0) - (b.location.line ?? 0);
}
