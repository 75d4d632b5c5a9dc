import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { repoRoot } from "./run-generate.js";

/**
 * Type-checking in the test's own process, as `tsc --noEmit` would, with one twist: the
 * declaration files of TypeScript's lib and of node_modules are parsed once per test file and
 * shared by every program after it. A fresh `tsc` spends most of a small check parsing those.
 */
const sharedFiles = new Map<string, ts.SourceFile | undefined>();

function isShared(fileName: string): boolean {
  return fileName.includes("/node_modules/");
}

function cachingHost(options: ts.CompilerOptions, currentDirectory: string): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getCurrentDirectory = () => currentDirectory;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!isShared(fileName)) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    // The same file parses differently per target and module format: key on both.
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!sharedFiles.has(key))
      sharedFiles.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return sharedFiles.get(key);
  };
  return host;
}

/** Diagnostics of a program as `tsc` prints them; "" means clean. */
function check(rootNames: string[], options: ts.CompilerOptions, currentDirectory: string) {
  const host = cachingHost(options, currentDirectory);
  const program = ts.createProgram({ rootNames, options, host });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  const output = ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => currentDirectory,
    getNewLine: () => "\n",
  });
  return { output, status: diagnostics.length === 0 ? 0 : 2 };
}

/**
 * Type-checks every `.ts` file of a generated folder (or of several, in one program) on its
 * own, under `--strict`; "" means clean.
 */
export function typecheckStrict(folders: string | readonly string[]): {
  output: string;
  status: number | null;
} {
  const files = [folders].flat().flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(folder, f)),
  );
  return check(
    files,
    {
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    },
    // As `tsc` run from the repository: @types come from its node_modules.
    repoRoot,
  );
}

/** Type-checks the project of a `tsconfig.json` in `dir`, as `tsc -p dir` does; "" means clean. */
export function typecheckProject(dir: string): string {
  const configFile = join(dir, "tsconfig.json");
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) return ts.flattenDiagnosticMessageText(read.error.messageText, "\n");
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
  if (parsed.errors.length > 0)
    return parsed.errors
      .map((e) => ts.flattenDiagnosticMessageText(e.messageText, "\n"))
      .join("\n");
  return check(parsed.fileNames, parsed.options, dir).output;
}
