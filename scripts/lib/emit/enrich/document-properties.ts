import { Node, SyntaxKind, type SourceFile, type TypeNode } from "ts-morph";
import { isObject, type JsonObject } from "../../openapi-walk.js";
import { schemaJsDoc } from "../jsdoc.js";
import type { OperationModel } from "../operation-model.js";

/**
 * Rewrites the JSDoc of every property openapi-typescript emitted for an inline schema, adding
 * the constraints it leaves out (`@minimum`, `@maximum`, lengths, item counts, inferred-from
 * remarks). Walks the emitted type tree in step with the schema tree it came from.
 */
export function documentProperties(
  file: SourceFile,
  document: JsonObject,
  operations: OperationModel[],
): void {
  const components = file.getInterface("components");
  const schemas =
    isObject(document.components) && isObject(document.components.schemas)
      ? document.components.schemas
      : {};
  const schemasNode = components?.getProperty("schemas")?.getTypeNode();
  for (const [name, schema] of Object.entries(schemas)) {
    const member = findMember(schemasNode, name);
    if (!member || !isObject(schema)) continue;
    setDoc(member, schema);
    documentType(member.getTypeNode(), schema);
  }
  const operationsNode = file.getInterface("operations");
  for (const operation of operations) {
    if (!operation.body) continue;
    const bodyNode = descend(
      operationsNode?.getProperty(quote(operation.id)) ?? operationsNode?.getProperty(operation.id),
      ["requestBody", "content", operation.body.contentType],
    );
    documentType(bodyNode, operation.body.schema);
  }
}

/** Follows property names through nested type literals. */
function descend(start: Node | undefined, names: string[]): TypeNode | undefined {
  let type = start && Node.isPropertySignature(start) ? start.getTypeNode() : undefined;
  for (const name of names) {
    const member = findMember(type, name);
    type = member?.getTypeNode();
  }
  return type;
}

function documentType(type: TypeNode | undefined, schema: JsonObject): void {
  if (!type || typeof schema.$ref === "string") return;
  if (Node.isUnionTypeNode(type)) {
    for (const member of type.getTypeNodes()) documentType(member, schema);
    return;
  }
  if (Node.isArrayTypeNode(type) && isObject(schema.items)) {
    documentType(unwrapParens(type.getElementTypeNode()), schema.items);
    return;
  }
  if (!Node.isTypeLiteral(type) || !isObject(schema.properties)) return;
  for (const [name, child] of Object.entries(schema.properties)) {
    const member = findMember(type, name);
    if (!member || !isObject(child) || typeof child.$ref === "string") continue;
    setDoc(member, child);
    documentType(member.getTypeNode(), child);
  }
}

function findMember(type: Node | undefined, name: string) {
  if (!type || !Node.isTypeLiteral(type)) return undefined;
  return type.getProperties().find((p) => unquote(p.getName()) === name);
}

function setDoc(member: Node, schema: JsonObject): void {
  if (!Node.isPropertySignature(member)) return;
  for (const doc of member.getJsDocs()) doc.remove();
  const doc = schemaJsDoc(schema);
  if (doc) member.addJsDoc(doc);
}

function unwrapParens(type: TypeNode): TypeNode {
  return type.getKind() === SyntaxKind.ParenthesizedType
    ? unwrapParens((type as never as { getTypeNode(): TypeNode }).getTypeNode())
    : type;
}

function quote(name: string): string {
  return JSON.stringify(name);
}

function unquote(name: string): string {
  return /^["'].*["']$/.test(name) ? name.slice(1, -1) : name;
}
