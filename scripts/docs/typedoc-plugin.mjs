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

const GENERATED_SUMMARY =
  "The types and tables generated from the bundled ChainHub spec: each operation's input and " +
  "output (`FalAiFluxProKontextMaxInput`...), enum values, `operationTable` and `contract`. A spec " +
  "of your own, generated with `chainhub-generate`, has the same shape.";

/** @param {import("typedoc").Application} app */
export function load(app) {
  const entries = readPublicEntries(ROOT);
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const mod of context.project.getChildrenByKind(ReflectionKind.Module)) {
      const file = declaringFile(context, mod);
      const entry = entries.find((e) => e.source === file);
      if (entry === undefined) continue;
      mod.name = entry.importPath;
      // The generated entry cannot carry a hand-written module comment: it is rewritten on
      // every `npm run generate`.
      if (entry.source.startsWith("generated/") && mod.comment === undefined)
        mod.comment = new Comment([{ kind: "text", text: GENERATED_SUMMARY }]);
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
    // An error class is looked for among the errors, wherever it lives (`FileInputError`).
    if (child.kindOf(ReflectionKind.Class) && child.name.endsWith("Error")) {
      addGroup(child, "Errors");
      continue;
    }
    // Re-exported from a dependency (openapi-fetch's `Middleware`): a client option, so "Client".
    addGroup(child, GROUPS.find(([folder]) => folder.test(file))?.[1] ?? "Client");
  }
}

function addGroup(reflection, title) {
  const owner =
    reflection.comment ??
    reflection.signatures?.[0]?.comment ??
    (reflection.comment = new Comment());
  owner.blockTags.push(new CommentTag("@group", [{ kind: "text", text: title }]));
}

function hasGroupTag(reflection) {
  const comments = [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)];
  return comments.some((c) => c?.blockTags.some((t) => t.tag === "@group"));
}
