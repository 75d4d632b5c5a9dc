/**
 * Scores prose inference on labelled apifox pages (test/fixtures/vendor-pages,
 * test/fixtures/other-vendors): each page runs through the real contract pipeline (repair, parse,
 * normalize, infer, hold back what the page's own examples contradict), and every request
 * field's applied keywords are compared with the labels written by hand before any output was
 * looked at. Applied precision counts what the pipeline applied; recall counts what the prose
 * states (a label) and the pipeline applied.
 */
import { readFileSync } from "node:fs";
import { buildContract } from "../../scripts/lib/build-contract.js";
import type { JsonObject } from "../../scripts/lib/openapi-walk.js";

export const KEYWORDS = [
  "enum",
  "default",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "multipleOf",
] as const;

export interface Label {
  type: string | undefined;
  description: string;
  expected: Record<string, unknown>;
  note?: string;
}

/** `labels.json`: page file -> field path (`input.prompt`, `content.[].text`, `query:page`). */
export type Labels = Record<string, Record<string, Label>>;

export interface Scored extends Label {
  page: string;
  field: string;
  got: Record<string, unknown>;
}

export interface Tally {
  right: number;
  wrong: string[];
  missed: string[];
}

/** The OpenAPI YAML block of an apifox page (`## OpenAPI Specification` then a fenced block). */
export function pageYaml(markdown: string): string {
  const block = /```yaml\n([\s\S]*?)\n```/.exec(markdown);
  if (!block) throw new Error("no yaml block on this page");
  return block[1]!;
}

/** Every request field with a description: body properties (nested, array items) and parameters. */
export function requestFields(document: JsonObject): Map<string, JsonObject> {
  const fields = new Map<string, JsonObject>();
  const walk = (schema: unknown, path: string[]) => {
    if (schema === null || typeof schema !== "object") return;
    const node = schema as JsonObject;
    if (path.length > 0 && typeof node.description === "string" && node.description.trim())
      fields.set(path.join("."), node);
    for (const [key, child] of Object.entries((node.properties as JsonObject) ?? {}))
      walk(child, [...path, key]);
    if (node.items) walk(node.items, [...path, "[]"]);
  };
  for (const operations of Object.values((document.paths as JsonObject) ?? {}))
    for (const operation of Object.values(operations as JsonObject)) {
      const op = operation as JsonObject;
      for (const parameter of (op.parameters as JsonObject[] | undefined) ?? []) {
        const schema = parameter.schema as JsonObject | undefined;
        if (parameter.in === "header" || !schema) continue;
        if (typeof parameter.description === "string" && parameter.description.trim())
          fields.set(`${String(parameter.in)}:${String(parameter.name)}`, {
            ...schema,
            description: parameter.description,
          });
      }
      const content = (op.requestBody as JsonObject | undefined)?.content as JsonObject | undefined;
      const media = content ? (Object.values(content)[0] as JsonObject | undefined) : undefined;
      if (media?.schema) walk(media.schema, []);
    }
  return fields;
}

function contract(page: string, text: string, infer: boolean): JsonObject {
  const { document } = buildContract({ name: page, text }, [], { infer });
  if (!document) throw new Error(`${page} does not load`);
  return document;
}

/** Runs every labelled page through the pipeline and pairs each field's label with the outcome. */
export function scorePages(root: URL, labels: Labels): Scored[] {
  const scored: Scored[] = [];
  for (const [page, fields] of Object.entries(labels)) {
    const text = pageYaml(readFileSync(new URL(page, root), "utf8"));
    const before = requestFields(contract(page, text, false));
    const after = requestFields(contract(page, text, true));
    for (const [field, label] of Object.entries(fields)) {
      const original = before.get(field);
      const inferred = after.get(field);
      if (!original || !inferred) throw new Error(`${page}: no request field ${field}`);
      const got = Object.fromEntries(
        KEYWORDS.filter((k) => k in inferred && !(k in original)).map((k) => [k, inferred[k]]),
      );
      scored.push({ ...label, page, field, got });
    }
  }
  return scored;
}

/** Per keyword: right (applied as labelled), wrong (applied, not so labelled), missed. */
export function tally(scored: Scored[]): Map<string, Tally> {
  const tallies = new Map(KEYWORDS.map((k) => [k, { right: 0, wrong: [], missed: [] } as Tally]));
  for (const entry of scored) {
    const where = `${entry.page} ${entry.field}: ${JSON.stringify(entry.description).slice(0, 160)}`;
    for (const keyword of KEYWORDS) {
      const t = tallies.get(keyword)!;
      const has = keyword in entry.got;
      const wants = keyword in entry.expected;
      if (has && wants && sameValue(entry.got[keyword], entry.expected[keyword])) t.right++;
      else {
        if (has) t.wrong.push(`${keyword}=${JSON.stringify(entry.got[keyword])} in ${where}`);
        if (wants)
          t.missed.push(`${keyword}=${JSON.stringify(entry.expected[keyword])} in ${where}`);
      }
    }
  }
  return tallies;
}

/** Enums compare as sets: the order a page lists values in carries no meaning. */
function sameValue(got: unknown, want: unknown): boolean {
  if (Array.isArray(got) && Array.isArray(want))
    return got.length === want.length && want.every((w) => got.some((g) => g === w));
  return JSON.stringify(got) === JSON.stringify(want);
}

export interface Figures {
  right: number;
  wrong: string[];
  missed: string[];
  precision: number;
  recall: number;
}

export function figures(tallies: Map<string, Tally>): Figures {
  const all = [...tallies.values()];
  const right = all.reduce((sum, t) => sum + t.right, 0);
  const wrong = all.flatMap((t) => t.wrong);
  const missed = all.flatMap((t) => t.missed);
  return {
    right,
    wrong,
    missed,
    precision: right + wrong.length === 0 ? 1 : right / (right + wrong.length),
    recall: right + missed.length === 0 ? 1 : right / (right + missed.length),
  };
}

/** The confusion table: per keyword, right / wrong / missed, with precision and recall. */
export function confusionTable(title: string, tallies: Map<string, Tally>): string {
  const percent = (a: number, b: number) => (b === 0 ? "-" : `${((a / b) * 100).toFixed(1)}%`);
  const rows = [...tallies].map(([k, t]) => [
    k,
    t.right,
    t.wrong.length,
    t.missed.length,
    percent(t.right, t.right + t.wrong.length),
    percent(t.right, t.right + t.missed.length),
  ]);
  const f = figures(tallies);
  rows.push([
    "all",
    f.right,
    f.wrong.length,
    f.missed.length,
    percent(f.right, f.right + f.wrong.length),
    percent(f.right, f.right + f.missed.length),
  ]);
  const lines = [["keyword", "right", "wrong", "missed", "precision", "recall"], ...rows].map(
    (row) => row.map((cell) => String(cell).padEnd(11)).join(""),
  );
  return [title, ...lines].join("\n");
}
