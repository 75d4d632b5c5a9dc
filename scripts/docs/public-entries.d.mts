/** A package entry with types: its import path and the source file its `.d.ts` is built from. */
export interface PublicEntry {
  readonly importPath: string;
  readonly source: string;
}
/** Every subpath of package.json `exports` that has types, in the order package.json lists them. */
export function readPublicEntries(root: string): PublicEntry[];
