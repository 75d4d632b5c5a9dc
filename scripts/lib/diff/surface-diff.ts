import { Node, Project, type SourceFile } from "ts-morph";
import { Diagnostics } from "../diagnostics.js";
import { describeOperations } from "../emit/operation-model.js";
import { renderOperations } from "../emit/render-operations.js";
import type { JsonObject } from "../openapi-walk.js";
import { diffPropertyTypes } from "./property-types.js";

export interface SurfaceChange {
  kind: "added" | "removed" | "narrowed" | "widened" | "changed";
  name: string;
  detail: string;
  before?: string;
  after?: string;
}

interface Declaration {
  text: string;
  /** The text with order-free parts sorted (union members, interface members). */
  key: string;
  /** Literal members, for a union of literals (enum aliases). */
  members?: string[];
}

/** Declarations every generated file carries whatever the spec: not part of a spec's surface. */
const FIXED = new Set(["ConstraintSchema", "OperationDescriptor", "operationTable", "serverUrls"]);

/**
 * What a spec change does to the exported TypeScript callers compile against: named types and
 * enum unions added, removed, narrowed or widened (renders only the named-types file: no
 * prettier, no openapi-typescript), then each operation's input and output property types.
 */
export function diffSurface(base: JsonObject, head: JsonObject): SurfaceChange[] {
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const before = declarations(render(project, "base.ts", base));
  const after = declarations(render(project, "head.ts", head));
  const changes: SurfaceChange[] = [];
  for (const [name, was] of before) {
    const now = after.get(name);
    if (!now) {
      changes.push({ kind: "removed", name, detail: "removed", before: was.text });
      continue;
    }
    // Reordered enum values or properties change the text, not what callers compile against.
    if (was.key === now.key) continue;
    if (was.members && now.members) {
      const lost = was.members.filter((m) => !now.members!.includes(m));
      const gained = now.members.filter((m) => !was.members!.includes(m));
      const kind =
        lost.length > 0 && gained.length === 0
          ? "narrowed"
          : gained.length > 0 && lost.length === 0
            ? "widened"
            : "changed";
      const parts = [
        lost.length > 0 ? `lost ${lost.join(", ")}` : "",
        gained.length > 0 ? `gained ${gained.join(", ")}` : "",
      ].filter(Boolean);
      changes.push({ kind, name, detail: parts.join("; "), before: was.text, after: now.text });
    } else {
      changes.push({ kind: "changed", name, detail: "changed", before: was.text, after: now.text });
    }
  }
  for (const [name, now] of after)
    if (!before.has(name)) changes.push({ kind: "added", name, detail: "added", after: now.text });
  return [...changes, ...diffPropertyTypes(base, head)];
}

function render(project: Project, name: string, document: JsonObject): SourceFile {
  const { text } = renderOperations(document, describeOperations(document), new Diagnostics(name));
  return project.createSourceFile(name, text, { overwrite: true });
}

function declarations(file: SourceFile): Map<string, Declaration> {
  const found = new Map<string, Declaration>();
  for (const statement of file.getStatements()) {
    if (Node.isTypeAliasDeclaration(statement) && statement.isExported()) {
      const type = statement.getTypeNodeOrThrow();
      const text = `export type ${statement.getName()} = ${flat(type.getText())};`;
      const declaration: Declaration = { text, key: text };
      if (Node.isUnionTypeNode(type)) {
        const members = type.getTypeNodes().map((t) => flat(t.getText()));
        declaration.key = `type ${statement.getName()} = ${[...members].sort().join(" | ")}`;
        if (type.getTypeNodes().every((t) => Node.isLiteralTypeNode(t)))
          declaration.members = members;
      }
      add(found, statement.getName(), declaration);
    } else if (Node.isInterfaceDeclaration(statement) && statement.isExported()) {
      const members = statement.getProperties().map((p) => flat(p.getText()));
      add(found, statement.getName(), {
        text: `export interface ${statement.getName()} { ${members.join(" ")} }`,
        key: `interface ${statement.getName()} { ${[...members].sort().join(" ")} }`,
      });
    } else if (Node.isVariableStatement(statement) && statement.isExported()) {
      for (const declaration of statement.getDeclarations()) {
        if (isOperationTable(declaration.getInitializer())) continue;
        const text = `export const ${declaration.getName()} = ${flat(declaration.getInitializer()?.getText() ?? "")};`;
        add(found, declaration.getName(), { text, key: text });
      }
    }
  }
  return found;
}

/**
 * An operation's validation table (`... as const satisfies OperationDescriptor`): its type is the
 * fixed OperationDescriptor, and what it holds is the spec's constraints, which the contract diff
 * compares rule by rule (and which reordering would only shuffle here).
 */
function isOperationTable(initializer: Node | undefined): boolean {
  return (
    initializer !== undefined &&
    Node.isSatisfiesExpression(initializer) &&
    initializer.getTypeNode()?.getText() === "OperationDescriptor"
  );
}

function add(found: Map<string, Declaration>, name: string, declaration: Declaration): void {
  // `<x>Values` tables mirror their union type; reporting both would say everything twice.
  if (!FIXED.has(name) && !name.endsWith("Values")) found.set(name, declaration);
}

function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
