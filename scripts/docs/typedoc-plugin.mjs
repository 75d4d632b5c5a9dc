// TypeDoc plugin: names each module by the path users import it from, and sorts the main
// entry's exports into groups by the folder they live in. Doing it here rather than with
// `@module`/`@group` tags keeps the names tied to package.json and the generated entry (which is
// never edited by hand) named like the others.
import { Comment, CommentTag, Converter, ReflectionKind } from "typedoc";
import { relative, resolve } from "node:path";
import { readPublicEntries } from "./public-entries.mjs";

const ROOT = resolve(import.meta.dirname, "../..");

/** Folder of the declaring file -> group title; first match wins, the last is the default. */
const GROUPS = [
  [/^src\/errors\//, "Errors"],
  [/^src\/(queue|tasks|request)\//, "Queue and tasks"],
  [/^src\/files\//, "Files"],
  [/^src\//, "Client"],
];

/** @param {import("typedoc").Application} app */
export function load(app) {
  const entries = readPublicEntries(ROOT);
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const mod of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const file = declaringFile(context, mod);
      const entry = entries.find((e) => e.source === file);
      if (entry === undefined) continue;
      mod.name = entry.importPath;
      if (entry.source === "src/index.ts") groupByFolder(context, mod);
    }
  });
}

function declaringFile(context, reflection) {
  const declaration = context.getSymbolFromReflection(reflection)?.declarations?.[0];
  if (declaration === undefined) return undefined;
  return relative(ROOT, declaration.getSourceFile().fileName).split("\\").join("/");
}

function groupByFolder(context, mod) {
  for (const child of mod.children ?? []) {
    if (hasGroupTag(child)) continue; // an explicit `@group` in the source wins
    const file = declaringFile(context, child) ?? "";
    // Re-exported from a dependency (openapi-fetch's `Middleware`): a client option, so "Client".
    const title = GROUPS.find(([folder]) => folder.test(file))?.[1] ?? "Client";
    const owner =
      child.comment ?? child.signatures?.[0]?.comment ?? (child.comment = new Comment());
    owner.blockTags.push(new CommentTag("@group", [{ kind: "text", text: title }]));
  }
}

function hasGroupTag(reflection) {
  const comments = [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)];
  return comments.some((c) => c?.blockTags.some((t) => t.tag === "@group"));
}
