import {
  Node,
  type PropertySignature,
  type SourceFile,
  type TypeLiteralNode,
  type TypeNode,
} from "ts-morph";
import { isObject, type JsonObject } from "../../openapi-walk.js";
import { schemaJsDoc } from "../jsdoc.js";
import type { OperationModel } from "../operation-model.js";
import type { TextEdit } from "./text-edits.js";

/**
 * Plans a JSDoc rewrite for every property openapi-typescript emitted for an inline schema,
 * adding the constraints it leaves out (`@minimum`, `@maximum`, lengths, item counts,
 * inferred-from remarks). Walks the emitted type tree in step with the schema it came from;
 * reads only, and returns the edits for one batched application.
 */
export function planPropertyDocs(
  file: SourceFile,
  document: JsonObject,
  operations: OperationModel[],
): TextEdit[] {
  const edits: TextEdit[] = [];
  const schemas =
    isObject(document.components) && isObject(document.components.schemas)
      ? document.components.schemas
      : {};
  // Indexed once: looking each name up by scanning the members again would be quadratic.
  const schemaMembers = membersByName(
    file.getInterface("components")?.getProperty("schemas")?.getTypeNode(),
  );
  for (const [name, schema] of Object.entries(schemas)) {
    const member = schemaMembers.get(name);
    if (!member || !isObject(schema)) continue;
    planDoc(member, schema, edits);
    planType(member.getTypeNode(), schema, edits);
  }
  const operationMembers = membersByName(file.getInterface("operations"));
  for (const operation of operations) {
    if (!operation.body) continue;
    const member = operationMembers.get(operation.id);
    planType(
      descend(member?.getTypeNode(), ["requestBody", "content", operation.body.contentType]),
      operation.body.schema,
      edits,
    );
  }
  return edits;
}

function membersByName(node: Node | undefined): Map<string, PropertySignature> {
  const members =
    node && (Node.isTypeLiteral(node) || Node.isInterfaceDeclaration(node))
      ? node.getProperties()
      : [];
  return new Map(members.map((member) => [unquote(member.getName()), member]));
}

/** Like findMember for every name at once: the first member of each name. */
function firstMembersByName(type: TypeLiteralNode): Map<string, PropertySignature> {
  const members = new Map<string, PropertySignature>();
  for (const member of type.getProperties()) {
    const name = unquote(member.getName());
    if (!members.has(name)) members.set(name, member);
  }
  return members;
}

/** Follows property names through nested type literals. */
function descend(type: TypeNode | undefined, names: string[]): TypeNode | undefined {
  return names.reduce<TypeNode | undefined>(
    (node, name) => findMember(node, name)?.getTypeNode(),
    type,
  );
}

function planType(type: TypeNode | undefined, schema: JsonObject, edits: TextEdit[]): void {
  if (!type || typeof schema.$ref === "string") return;
  if (Node.isUnionTypeNode(type)) {
    for (const member of type.getTypeNodes()) planType(member, schema, edits);
    return;
  }
  if (Node.isParenthesizedTypeNode(type)) return planType(type.getTypeNode(), schema, edits);
  if (Node.isArrayTypeNode(type) && isObject(schema.items))
    return planType(type.getElementTypeNode(), schema.items, edits);
  if (!Node.isTypeLiteral(type) || !isObject(schema.properties)) return;
  // Indexed once per type: finding each property by scanning the members was quadratic.
  const members = firstMembersByName(type);
  for (const [name, child] of Object.entries(schema.properties)) {
    const member = members.get(name);
    if (!member || !isObject(child) || typeof child.$ref === "string") continue;
    planDoc(member, child, edits);
    planType(member.getTypeNode(), child, edits);
  }
}

function findMember(type: Node | undefined, name: string): PropertySignature | undefined {
  if (!type || !Node.isTypeLiteral(type)) return undefined;
  return type.getProperties().find((p) => unquote(p.getName()) === name);
}

/** Replaces the member's JSDoc (openapi-typescript's) with ours, or inserts ours. */
function planDoc(member: PropertySignature, schema: JsonObject, edits: TextEdit[]): void {
  const doc = schemaJsDoc(schema);
  const first = member.getJsDocs()[0];
  // From the old comment (if any) up to the member itself, so a dropped comment leaves no gap.
  const start = first ? first.getStart() : member.getStart();
  if (first || doc) edits.push({ start, end: member.getStart(), text: doc ? doc + "\n" : "" });
}

function unquote(name: string): string {
  return /^["'].*["']$/.test(name) ? name.slice(1, -1) : name;
}
