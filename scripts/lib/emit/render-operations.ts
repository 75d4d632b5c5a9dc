import { VariableDeclarationKind, type SourceFile } from "ts-morph";
import type { Diagnostics } from "../diagnostics.js";
import { isObject, type JsonObject } from "../openapi-walk.js";
import { toConstraintSchema } from "./constraint-schema.js";
import { DESCRIPTOR_TYPES } from "./descriptor-types.js";
import { camelCase, pascalCase, propertyKey } from "./naming.js";
import type { OperationModel } from "./operation-model.js";

/**
 * Fills `operations.gen.ts`: a named type per operation input and output, a literal union and
 * an `as const` value table per enum, the runtime operation table the facade validates with,
 * and id/path-keyed type maps that make every operation callable without facade changes.
 */
export function renderOperations(
  file: SourceFile,
  document: JsonObject,
  operations: OperationModel[],
  diagnostics: Diagnostics,
): void {
  const names = new NameRegistry(diagnostics);
  file.addImportDeclaration({
    moduleSpecifier: "./schema.gen.js",
    namedImports: ["components", "operations"],
    isTypeOnly: true,
  });
  file.addStatements(DESCRIPTOR_TYPES);

  for (const operation of operations) addOperationTypes(file, operation, names);
  addComponentEnums(file, document, names);
  addOperationTable(file, document, operations);
  addTypeMaps(file, operations);
}

function addOperationTypes(file: SourceFile, operation: OperationModel, names: NameRegistry): void {
  const label = `\`${operation.method.toUpperCase()} ${operation.path}\``;
  const indexed = `operations[${JSON.stringify(operation.id)}]`;
  if (operation.body) {
    const input = names.claim(`${operation.typeName}Input`, label);
    file.addTypeAlias({
      name: input,
      isExported: true,
      type: `NonNullable<${indexed}["requestBody"]>["content"][${JSON.stringify(operation.body.contentType)}]`,
      docs: [docLines(`Request body of ${label}.`, operation.summary)],
    });
    addEnums(file, operation.body.schema, operation.typeName, label, names);
  }
  file.addTypeAlias({
    name: names.claim(`${operation.typeName}Output`, label),
    isExported: true,
    type: outputType(operation),
    docs: [
      operation.queue
        ? `The finished result of ${label}, as the queue's result endpoint returns it.`
        : `The successful response of ${label}.`,
    ],
  });
}

function outputType(operation: OperationModel): string {
  if (operation.resultSchema)
    return `components["schemas"][${JSON.stringify(operation.resultSchema)}]`;
  if (operation.successSchema === undefined || operation.successStatus === undefined)
    return "unknown";
  return `operations[${JSON.stringify(operation.id)}]["responses"][${operation.successStatus}]["content"]["application/json"]`;
}

/** Enums of inline properties get `<Owner><Property>` unions and `<owner><Property>Values` tables. */
function addEnums(
  file: SourceFile,
  schema: JsonObject,
  owner: string,
  label: string,
  names: NameRegistry,
  depth = 0,
): void {
  if (!isObject(schema.properties) || depth > 4) return;
  for (const [property, child] of Object.entries(schema.properties)) {
    if (!isObject(child) || typeof child.$ref === "string") continue;
    const stem = `${owner}${pascalCase(property)}`;
    if (Array.isArray(child.enum) && child.enum.length > 0)
      addEnum(file, stem, child, `\`${property}\` of ${label}`, names);
    addEnums(file, child, stem, label, names, depth + 1);
    if (isObject(child.items)) addEnums(file, child.items, stem, label, names, depth + 1);
  }
}

function addEnum(
  file: SourceFile,
  stem: string,
  schema: JsonObject,
  where: string,
  names: NameRegistry,
): void {
  const values = schema.enum as unknown[];
  const typeName = names.claim(stem, where);
  const tableName = names.claim(`${camelCase(stem)}Values`, where);
  file.addTypeAlias({
    name: typeName,
    isExported: true,
    type: values.map((v) => JSON.stringify(v)).join(" | "),
    docs: [
      docLines(
        `Values accepted by ${where}.`,
        typeof schema.description === "string" ? schema.description : undefined,
      ),
    ],
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: tableName,
        initializer: `${JSON.stringify(values)} as const satisfies readonly ${typeName}[]`,
      },
    ],
    docs: [`Every value of {@link ${typeName}}, in the order the spec lists them.`],
  });
}

function addComponentEnums(file: SourceFile, document: JsonObject, names: NameRegistry): void {
  const schemas =
    isObject(document.components) && isObject(document.components.schemas)
      ? document.components.schemas
      : {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema)) continue;
    const stem = pascalCase(name);
    const where = `schema \`${name}\``;
    if (Array.isArray(schema.enum)) addEnum(file, stem, schema, where, names);
    addEnums(file, schema, stem, where, names);
  }
}

function addOperationTable(
  file: SourceFile,
  document: JsonObject,
  operations: OperationModel[],
): void {
  const entries = operations.map((operation) => {
    const descriptor: JsonObject = {
      id: operation.id,
      method: operation.method,
      path: operation.path,
    };
    if (operation.summary) descriptor.summary = operation.summary;
    descriptor.queue = operation.queue;
    if (operation.body) {
      descriptor.body = {
        required: operation.body.required,
        contentType: operation.body.contentType,
        schema: toConstraintSchema(operation.body.schema, document),
      };
    }
    return `${propertyKey(operation.id)}: ${JSON.stringify(descriptor)}`;
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: "operationTable",
        initializer: `{${entries.join(",\n")}} as const satisfies { readonly [id: string]: OperationDescriptor }`,
      },
    ],
    docs: [
      "Every operation of the spec, keyed by operationId: method, path and the constraints its body must meet.",
    ],
  });
}

function addTypeMaps(file: SourceFile, operations: OperationModel[]): void {
  file.addInterface({
    name: "OperationTypes",
    isExported: true,
    docs: ["Input and output types of every operation, keyed by operationId."],
    properties: operations.map((operation) => ({
      name: propertyKey(operation.id),
      type: `{ input: ${operation.body ? `${operation.typeName}Input` : "never"}; output: ${operation.typeName}Output }`,
    })),
  });
  file.addTypeAlias({
    name: "OperationId",
    isExported: true,
    type: "keyof OperationTypes",
    docs: ["Every operationId in the spec."],
  });
  const queued = operations.filter((o) => o.queue);
  file.addTypeAlias({
    name: "QueueOperationId",
    isExported: true,
    type: queued.length > 0 ? queued.map((o) => JSON.stringify(o.id)).join(" | ") : "never",
    docs: ["Operations submitted to fal's queue (submit, then status, result, cancel)."],
  });
}

function docLines(first: string, extra: string | undefined): string {
  return extra ? `${first}\n\n${extra}` : first;
}

/** Generated names must be unique; a clash is reported, never silently renamed. */
class NameRegistry {
  private readonly owners = new Map<string, string>();
  constructor(private readonly diagnostics: Diagnostics) {}

  claim(name: string, owner: string): string {
    const previous = this.owners.get(name);
    if (previous !== undefined) {
      this.diagnostics.error(
        "generated-name-clash",
        `generated name ${name} for ${owner} is already used by ${previous}; rename one in an overlay`,
      );
    }
    this.owners.set(name, owner);
    return name;
  }
}
