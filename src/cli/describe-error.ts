import { ChainHubError, ConfigurationError, FileInputError, ValidationError } from "../index.js";
import { printable } from "./safe-output.js";
import { EXIT, CliUsageError } from "./exit-codes.js";
import { flagOf, type FlagSpec } from "./flags.js";
import { fsProblem } from "./fs-problem.js";

let debugMode = false;

/** `--debug`: unexpected errors print their stack trace. */
export function setDebugMode(on: boolean): void {
  debugMode = on;
}

/** One readable message and the exit code for any error a command can meet, redacted. */
export function describeError(
  error: unknown,
  specs: FlagSpec[] = [],
): { message: string; code: number } {
  const { message, code } = classify(error, specs);
  return { message: printable(message), code };
}

function classify(error: unknown, specs: FlagSpec[]): { message: string; code: number } {
  if (error instanceof CliUsageError) return { message: error.message, code: EXIT.badInput };
  if (error instanceof ValidationError) {
    const lines = error.issues.map((issue) => {
      const flag = specs.find((s) => s.property === issue.path.split(".")[0])?.flag;
      return `${flag ?? issue.path}: ${issue.message}`;
    });
    return { message: lines.join("\n"), code: EXIT.badInput };
  }
  if (error instanceof FileInputError && error.field) {
    // `image_url: file ./notes.txt is not an image` -> `--image: file ./notes.txt is not an image`
    const [property, index] = error.field.split(".");
    const flag = `${flagOf(specs, property!)}${index === undefined ? "" : ` (item ${Number(index) + 1})`}`;
    return { message: error.message.replace(`${error.field}:`, `${flag}:`), code: EXIT.badInput };
  }
  if (error instanceof FileInputError || error instanceof ConfigurationError)
    return { message: error.message, code: EXIT.badInput };
  if (error instanceof ChainHubError)
    return { message: `${error.name}: ${asCommand(error.message)}`, code: EXIT.failed };
  // A full disk, a read-only folder: the machine's state, said in words, not a bug of ours.
  const fileSystem = fsProblem(error);
  if (fileSystem) return { message: fileSystem, code: EXIT.failed };
  // Not the user's doing: one line, and the stack trace only when asked for.
  if (debugMode) return { message: String((error as Error)?.stack ?? error), code: EXIT.failed };
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `internal error: ${message.split("\n")[0]} (--debug shows the stack trace)`,
    code: EXIT.failed,
  };
}

/** The library's resume hint (`client.wait({ operation, requestId })`), as a CLI user runs it. */
const LIBRARY_RESUME =
  /resume with client\.wait\(\{ operation: ("(?:[^"\\]|\\.)*"), requestId: ("(?:[^"\\]|\\.)*") \}\)/;

function asCommand(message: string): string {
  return message.replace(LIBRARY_RESUME, (hint, operation: string, requestId: string) => {
    try {
      const words = [JSON.parse(operation) as string, JSON.parse(requestId) as string];
      return `resume with: kontext wait ${words.map(shellWord).join(" ")}`;
    } catch {
      return hint;
    }
  });
}

/** A word a shell reads back as it is: the request id comes from the relay, so never raw. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9._:@%+=,/-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
