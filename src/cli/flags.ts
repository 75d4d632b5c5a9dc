import type { ConstraintSchema, OperationDescriptor } from "../internal/contract.js";
import { CliUsageError } from "./exit-codes.js";

/** One command-line flag, derived from one property of an operation's body schema. */
export interface FlagSpec {
  /** `--aspect-ratio` */
  flag: string;
  /** `aspect_ratio` */
  property: string;
  aliases: string[];
  schema: ConstraintSchema;
  required: boolean;
}

/**
 * Flags for every body property: `aspect_ratio` -> `--aspect-ratio`, with short aliases by fal's
 * naming conventions (`image_url` -> `--image`, `output_format` -> `--format`). Generated from the
 * spec's tables, so a regenerated spec changes the CLI without code changes.
 */
export function flagsFor(
  descriptor: OperationDescriptor,
  reserved: ReadonlySet<string>,
): FlagSpec[] {
  const schema = descriptor.body?.schema;
  const properties = schema?.properties ?? {};
  const specs = Object.entries(properties).map(([property, child]) => ({
    flag: `--${property.replace(/_/g, "-")}`,
    property,
    aliases: [] as string[],
    schema: child,
    required: schema?.required?.includes(property) ?? false,
  }));
  const taken = new Set([...reserved, ...specs.map((s) => s.flag)]);
  for (const spec of specs) {
    for (const alias of [
      spec.property.replace(/_url$/, ""),
      spec.property.replace(/^output_/, ""),
    ]) {
      const flag = `--${alias.replace(/_/g, "-")}`;
      if (alias !== spec.property && !taken.has(flag)) {
        spec.aliases.push(flag);
        taken.add(flag);
      }
    }
  }
  return specs;
}

/** Turns flag values into a typed body, naming the flag and the allowed values on every error. */
export function bodyFromFlags(
  values: Map<string, string | boolean>,
  specs: FlagSpec[],
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const spec of specs) {
    const given = [spec.flag, ...spec.aliases].find((f) => values.has(f));
    if (given === undefined) continue;
    try {
      body[spec.property] = coerce(values.get(given)!, spec, given);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  if (errors.length > 0) throw new CliUsageError(errors.join("\n"));
  return body;
}

function coerce(raw: string | boolean, spec: FlagSpec, flag: string): unknown {
  const { schema } = spec;
  if (schema.type === "boolean") {
    if (typeof raw === "boolean") return raw;
    if (raw === "true" || raw === "false") return raw === "true";
    throw new CliUsageError(
      `${flag} is a switch: use ${flag} or --no-${flag.slice(2)}, got "${raw}"`,
    );
  }
  if (typeof raw === "boolean")
    throw new CliUsageError(`${flag} needs a value${describeAllowed(schema)}`);
  let value: unknown = raw;
  if (schema.type === "integer" || schema.type === "number") {
    const pattern = schema.type === "integer" ? /^[-+]?\d+$/ : /^[-+]?\d+(\.\d+)?$/;
    if (!pattern.test(raw))
      throw new CliUsageError(
        `${flag} must be ${schema.type === "integer" ? "a whole number" : "a number"}${describeAllowed(schema)}, got "${raw}"`,
      );
    value = Number(raw);
    const n = value as number;
    if (
      (schema.minimum !== undefined && n < schema.minimum) ||
      (schema.maximum !== undefined && n > schema.maximum)
    ) {
      throw new CliUsageError(`${flag} must be ${rangeText(schema)}, got ${raw}`);
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    throw new CliUsageError(`${flag} must be one of ${schema.enum.join(", ")}; got "${raw}"`);
  }
  return value;
}

function describeAllowed(schema: ConstraintSchema): string {
  if (schema.enum) return ` (one of ${schema.enum.join(", ")})`;
  if (schema.minimum !== undefined || schema.maximum !== undefined)
    return ` (${rangeText(schema)})`;
  return "";
}

function rangeText(schema: ConstraintSchema): string {
  if (schema.minimum !== undefined && schema.maximum !== undefined)
    return `between ${schema.minimum} and ${schema.maximum}`;
  return schema.minimum !== undefined ? `at least ${schema.minimum}` : `at most ${schema.maximum}`;
}

/** `--help` for an operation: every flag with its type, allowed values, range and default. */
export function flagHelp(specs: FlagSpec[]): string {
  const rows = specs.map((spec) => {
    const names = [spec.flag, ...spec.aliases].join(", ");
    const value =
      spec.schema.type === "boolean"
        ? ""
        : ` <${spec.schema.enum ? spec.schema.enum.join("|") : (spec.schema.type ?? "value")}>`;
    const notes = [
      spec.required && spec.schema.default === undefined ? "required" : "",
      spec.schema.minimum !== undefined || spec.schema.maximum !== undefined
        ? rangeText(spec.schema)
        : "",
      spec.schema.default !== undefined ? `default ${String(spec.schema.default)}` : "",
      spec.property.endsWith("_url") ? "a URL, a data: URI or a local file" : "",
    ].filter(Boolean);
    const description = (spec.schema.description ?? "").split("\n")[0];
    return {
      left: `  ${names}${value}`,
      right: [description, notes.length ? `(${notes.join("; ")})` : ""].filter(Boolean).join(" "),
    };
  });
  const width = Math.min(40, Math.max(...rows.map((r) => r.left.length)) + 2);
  return rows
    .map((r) =>
      r.left.length + 2 > width
        ? `${r.left}\n${" ".repeat(width)}${r.right}`
        : `${r.left.padEnd(width)}${r.right}`,
    )
    .join("\n");
}

/**
 * Splits argv into `--flag value`, `--flag=value`, bare switches (`--json`, `--no-sync-mode`) and
 * positionals. Which flags are switches comes from the caller, so values are never guessed.
 */
export function tokenize(
  argv: string[],
  switches: ReadonlySet<string>,
  /** Every flag the command takes: an unknown one is reported as such, before its value. */
  known?: ReadonlySet<string>,
): { values: Map<string, string | boolean>; positionals: string[] } {
  const values = new Map<string, string | boolean>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith("--") || token === "--") {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf("=");
    const name = eq === -1 ? token : token.slice(0, eq);
    const negated = name.startsWith("--no-") ? `--${name.slice(5)}` : name;
    if (known && !known.has(name) && !(switches.has(negated) && known.has(negated)))
      throw new CliUsageError(`unknown flag ${name}; see --help`);
    if (eq !== -1) {
      values.set(name, token.slice(eq + 1));
    } else if (switches.has(name)) {
      values.set(name, true);
    } else if (name.startsWith("--no-") && switches.has(`--${name.slice(5)}`)) {
      values.set(`--${name.slice(5)}`, false);
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--"))
        throw new CliUsageError(`${name} needs a value`);
      values.set(name, next);
      i++;
    }
  }
  return { values, positionals };
}

/** The flag a message names for a body property: its short alias when it has one (`--image`). */
export function flagOf(specs: FlagSpec[], property: string): string {
  const spec = specs.find((s) => s.property === property);
  return spec ? (spec.aliases[0] ?? spec.flag) : property;
}
