import type { LineLocator } from "../diagnostics.js";
import { parsePointer, toPointer } from "../json-pointer.js";

/** A file of a multi-file spec, as a source map names it. */
export interface OriginFile {
  /** What diagnostics call it (the reader's display name). */
  name: string;
  /** Its identity as the reader gave it: an absolute path on disk, or a path in a git tree. */
  id: string;
  /** The line of a pointer in this file (its nearest stated ancestor); parses it on first use. */
  locate: LineLocator;
}

/** Where a pointer of the bundled document was written. */
export interface Origin {
  file: OriginFile;
  /** The pointer inside that file. */
  pointer: string;
  /** Its line there (of its nearest ancestor the file states); undefined when it states none. */
  line: number | undefined;
}

/**
 * Which file, and which pointer inside it, each part of a bundled document came from: the
 * bundler records one entry per node it copies in from another file (a component, a path
 * item, a value put in place of its `$ref`); every pointer below an entry came from the same
 * file, unless a deeper entry says otherwise. Pointers under no entry are the root file's.
 * One entry per copied node, not per line: a few thousand for DigitalOcean's 2,000 files, and
 * a file is parsed for its lines only when a pointer in it is looked up.
 */
export class SourceMap {
  private readonly entries = new Map<string, { file: OriginFile; segments: string[] }>();

  constructor(readonly root: OriginFile) {}

  record(
    at: readonly (string | number)[],
    file: OriginFile,
    origin: readonly (string | number)[],
  ): void {
    this.entries.set(toPointer(at), { file, segments: origin.map(String) });
  }

  /** The file, pointer and line a pointer of the bundled document came from. */
  origin(pointer: string): Origin {
    // A single-file spec (most runs): nothing was copied in, every pointer is the root's.
    if (this.entries.size === 0)
      return { file: this.root, pointer, line: this.root.locate(pointer) };
    const segments = parsePointer(pointer);
    // The deepest recorded ancestor wins: a file's content may hold copies of other files.
    for (let depth = segments.length; depth >= 0; depth--) {
      const entry = this.entries.get(toPointer(segments.slice(0, depth)));
      if (!entry) continue;
      const inFile = toPointer([...entry.segments, ...segments.slice(depth)]);
      return { file: entry.file, pointer: inFile, line: entry.file.locate(inFile) };
    }
    return { file: this.root, pointer, line: this.root.locate(pointer) };
  }
}
