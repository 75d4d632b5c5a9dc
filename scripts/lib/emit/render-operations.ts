import type { Diagnostics } from "../diagnostics.js";
import { toPointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";
import { toConstraintSchema } from "./constraint-schema.js";
import { DESCRIPTOR_TYPES } from "./descriptor-types.js";
import { docText, identifier, jsonLiteral, stringLiteral } from "./code-text.js";
import { constText, interfaceText, joinStatements, typeAliasText } from "./declaration-text.js";
import { camelCase, pascalCase, propertyKey } from "./naming.js";
import type { OperationModel } from "./operation-model.js";
import { resolveOperationAuth } from "../security/resolve-auth.js";

/**
 * The text of `operations.gen.ts`: a named type per operation input and output, a literal union
 * and an `as const` value table per enum, the runtime operation table the facade validates with,
 * and id/path-keyed type maps that make every operation callable without facade changes. With
 * it, where each statement is in it (the formatter's outline).
 */
export function renderOperations(
  document: JsonObject,
  operations: OperationModel[],
  diagnostics: Diagnostics,
): { text: string; spans: [start: number, end: number][] } {
  const names = new NameRegistry(diagnostics);
  const out: Statements = [
    'import type { components, operations } from "./schema.gen.js";',
    DESCRIPTOR_TYPES,
  ];
  const byId = new Map(operations.map((operation) => [operation.id, operation]));
  for (const operation of operations) addOperationTypes(out, operation, names, byId);
  addComponentEnums(out, document, names);
  addServers(out, document);
  addOperationTable(out, document, operations, names);
  addTypeMaps(out, document, operations);
  return joinStatements(out);
}

type Statements = string[];

function addOperationTypes(
  out: Statements,
  operation: OperationModel,
  names: NameRegistry,
  byId: Map<string, OperationModel>,
): void {
  const label = `\`${operation.method.toUpperCase()} ${operation.path}\``;
  const indexed = `operations[${stringLiteral(operation.id)}]`;
  const at = ["paths", operation.path, operation.method];
  if (operation.body) {
    const input = names.claim(`${operation.typeName}Input`, label, at);
    out.push(
      typeAliasText({
        name: input,
        type: `NonNullable<${indexed}["requestBody"]>["content"][${stringLiteral(operation.body.contentType)}]`,
        doc: docLines(`Request body of ${label}.`, operation.summary),
      }),
    );
    const bodyAt = [...at, "requestBody", "content", operation.body.contentType, "schema"];
    addEnums(out, operation.body.schema, operation.typeName, label, names, bodyAt);
  }
  out.push(
    typeAliasText({
      name: names.claim(`${operation.typeName}Output`, label, at),
      type: outputType(operation, byId),
      doc: docText(
        operation.queue
          ? `The finished result of ${label}, as the queue's result endpoint returns it.`
          : operation.task
            ? `The finished result of ${label}, as its task's poll answers it when done.`
            : `The successful response of ${label}.`,
      ),
    }),
  );
}

function outputType(operation: OperationModel, byId: Map<string, OperationModel>): string {
  if (operation.resultSchema)
    return `components["schemas"][${stringLiteral(operation.resultSchema)}]`;
  const poll = operation.task && isObject(operation.task.poll) ? operation.task.poll : undefined;
  const polled = poll ? byId.get(String(poll.operation)) : undefined;
  if (operation.task && polled) {
    // The result is a part of the poll's answer: one indexed access per pointer segment.
    const pointer = typeof operation.task.result === "string" ? operation.task.result : "";
    return pointer
      .split("/")
      .filter(Boolean)
      .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce(
        (type, segment) => `NonNullable<${type}>[${stringLiteral(segment)}]`,
        responseType(polled),
      );
  }
  return responseType(operation);
}

/** What the HTTP call itself answers: for a queue submit, the envelope, not the result. */
function responseType(operation: OperationModel): string {
  if (
    operation.successSchema === undefined ||
    operation.successStatus === undefined ||
    operation.successContentType === undefined
  )
    return "unknown";
  return `operations[${stringLiteral(operation.id)}]["responses"][${operation.successStatus}]["content"][${stringLiteral(operation.successContentType)}]`;
}

/** Enums of inline properties get `<Owner><Property>` unions and `<owner><Property>Values` tables. */
function addEnums(
  out: Statements,
  schema: JsonObject,
  owner: string,
  label: string,
  names: NameRegistry,
  at: (string | number)[],
  depth = 0,
): void {
  if (!isObject(schema.properties) || depth > 4) return;
  for (const [property, child] of Object.entries(schema.properties)) {
    if (!isObject(child) || typeof child.$ref === "string") continue;
    const stem = `${owner}${pascalCase(property)}`;
    const childAt = [...at, "properties", property];
    if (Array.isArray(child.enum) && child.enum.length > 0)
      addEnum(out, stem, child, `\`${property}\` of ${label}`, names, childAt);
    addEnums(out, child, stem, label, names, childAt, depth + 1);
    if (isObject(child.items))
      addEnums(out, child.items, stem, label, names, [...childAt, "items"], depth + 1);
  }
}

function addEnum(
  out: Statements,
  stem: string,
  schema: JsonObject,
  where: string,
  names: NameRegistry,
  at: (string | number)[],
): void {
  const values = schema.enum as unknown[];
  const typeName = names.claim(identifier(stem), where, at);
  const tableName = names.claim(identifier(`${camelCase(stem)}Values`), where, at);
  out.push(
    typeAliasText({
      name: typeName,
      type: values.map((v) => jsonLiteral(v)).join(" | "),
      doc: docLines(
        `Values accepted by ${where}.`,
        typeof schema.description === "string" ? schema.description : undefined,
      ),
    }),
  );
  out.push(
    constText({
      name: tableName,
      initializer: `${jsonLiteral(values)} as const satisfies readonly ${typeName}[]`,
      doc: `Every value of {@link ${typeName}}, in the order the spec lists them.`,
    }),
  );
}

function addComponentEnums(out: Statements, document: JsonObject, names: NameRegistry): void {
  const schemas =
    isObject(document.components) && isObject(document.components.schemas)
      ? document.components.schemas
      : {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObject(schema)) continue;
    const stem = pascalCase(name);
    const where = `schema \`${name}\``;
    const at = ["components", "schemas", name];
    if (Array.isArray(schema.enum)) addEnum(out, stem, schema, where, names, at);
    addEnums(out, schema, stem, where, names, at);
  }
}

function addServers(out: Statements, document: JsonObject): void {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  const urls = servers
    .filter(isObject)
    .map((server) => server.url)
    .filter((url) => typeof url === "string");
  out.push(
    constText({
      name: "serverUrls",
      initializer: `${jsonLiteral(urls)} as const`,
      doc: "The servers the spec lists; the first is the client's default base URL.",
    }),
  );
}

/** The name of an operation's own descriptor constant: `falAiFluxProKontextMaxOperation`. */
export function descriptorName(operation: OperationModel): string {
  // camelCase drops the `_` that keeps a type name like `_1e3Operation` from starting with a digit.
  return identifier(`${camelCase(operation.typeName)}Operation`);
}

/**
 * One exported constant per operation, then the table that lists them: an app that hands the
 * client only the descriptors it calls (`contractWith`) lets its bundler drop every other one.
 */
function addOperationTable(
  out: Statements,
  document: JsonObject,
  operations: OperationModel[],
  names: NameRegistry,
): void {
  const entries = operations.map((operation) => {
    const name = names.claim(descriptorName(operation), `\`${operation.id}\`'s descriptor`, [
      "paths",
      operation.path,
      operation.method,
    ]);
    out.push(
      constText({
        name,
        initializer: `${jsonLiteral(describe(operation, document))} as const satisfies OperationDescriptor`,
        doc: docText(
          `\`${operation.method.toUpperCase()} ${operation.path}\`: where it lives and the constraints its inputs must meet.`,
        ),
      }),
    );
    return `${propertyKey(operation.id)}: ${name}`;
  });
  out.push(
    constText({
      name: "operationTable",
      initializer: `{${entries.join(",\n")}} as const satisfies { readonly [id: string]: OperationDescriptor }`,
      doc: "Every operation of the spec, keyed by operationId: method, path and the constraints its body must meet.",
    }),
  );
}

function describe(operation: OperationModel, document: JsonObject): JsonObject {
  const descriptor: JsonObject = {
    id: operation.id,
    method: operation.method,
    path: operation.path,
  };
  if (operation.summary) descriptor.summary = operation.summary;
  descriptor.queue = operation.queue;
  if (operation.task) descriptor.task = operation.task;
  if (operation.auth !== undefined) descriptor.auth = operation.auth as unknown as JsonObject;
  if (operation.parameters.length > 0) {
    descriptor.parameters = operation.parameters.map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      required: parameter.required,
      ...(parameter.schema === undefined
        ? {}
        : { schema: toConstraintSchema(parameter.schema, document) }),
    }));
  }
  if (operation.body) {
    descriptor.body = {
      required: operation.body.required,
      contentType: operation.body.contentType,
      schema: toConstraintSchema(operation.body.schema, document),
    };
  }
  return descriptor;
}

function addTypeMaps(out: Statements, document: JsonObject, operations: OperationModel[]): void {
  // The document's own auth: what calls outside the spec's paths (fal's queue URLs) carry.
  const defaultAuth = resolveOperationAuth(document, {});
  out.push(
    interfaceText({
      name: "OperationTypes",
      doc: "Input and output types of every operation, keyed by operationId.",
      properties: operations.map((operation) => ({
        name: propertyKey(operation.id),
        type: `{ input: ${operation.body ? `${operation.typeName}Input` : "never"}; output: ${operation.typeName}Output; params: operations[${stringLiteral(operation.id)}]["parameters"]; response: ${responseType(operation)} }`,
      })),
    }),
  );
  out.push(
    interfaceText({
      name: "OperationIdByRoute",
      doc: "Every operation behind its `METHOD /path`, so callers may name any operation by its route.",
      properties: operations.map((operation) => ({
        name: stringLiteral(`${operation.method.toUpperCase()} ${operation.path}`),
        type: stringLiteral(operation.id),
      })),
    }),
  );
  out.push(
    typeAliasText({
      name: "OperationId",
      type: "keyof OperationTypes",
      doc: "Every operationId in the spec.",
    }),
  );
  // Run as jobs: fal's queue, or a provider's own protocol declared with x-async-task.
  const queued = operations.filter((o) => o.queue || o.task);
  out.push(
    interfaceText({
      name: "QueueOperationIdByPath",
      doc: "The job operation (fal's queue or a declared task protocol) behind each submit path, so callers may name it by its path.",
      properties: queued.map((operation) => ({
        name: stringLiteral(operation.path),
        type: stringLiteral(operation.id),
      })),
    }),
  );
  out.push(
    typeAliasText({
      name: "QueueOperationId",
      type: queued.length > 0 ? queued.map((o) => stringLiteral(o.id)).join(" | ") : "never",
      doc: "Operations run as jobs: submitted, then polled until done (fal's queue, or an x-async-task protocol).",
    }),
  );
  out.push(
    constText({
      name: "contract",
      type: "Contract<{ operations: OperationTypes; routes: OperationIdByRoute; jobPaths: QueueOperationIdByPath; jobs: QueueOperationId }>",
      initializer:
        defaultAuth === undefined
          ? "{ operationTable, serverUrls }"
          : `{ operationTable, serverUrls, auth: ${jsonLiteral(defaultAuth)} }`,
      doc: "This spec as one value: `createClient({ contract })` types every call from it.",
    }),
  );
  out.push(contractWithSource(defaultAuth));
}

/**
 * The tree-shakable way to a contract: it names only the descriptors it is given, so a bundler
 * keeps those and drops the spec's others. Typed by the operations given, and carrying the
 * document's auth like `contract`.
 */
const contractWithSource = (defaultAuth: unknown): string => `/**
 * A contract holding only the operations given: an app that calls a few operations of a big spec
 * bundles only their tables, and is typed for those alone.
 *
 * @example createClient({ contract: contractWith(someOperation) })
 */
export function contractWith<const Given extends readonly OperationDescriptor[]>(
  ...operations: Given
): Contract<{
  operations: Pick<OperationTypes, Given[number]["id"] & OperationId>;
  routes: {
    [Route in keyof OperationIdByRoute as OperationIdByRoute[Route] extends Given[number]["id"]
      ? Route
      : never]: OperationIdByRoute[Route];
  };
  jobPaths: {
    [Path in keyof QueueOperationIdByPath as QueueOperationIdByPath[Path] extends Given[number]["id"]
      ? Path
      : never]: QueueOperationIdByPath[Path];
  };
  jobs: Extract<QueueOperationId, Given[number]["id"]>;
}> {
  const operationTable: { [id: string]: OperationDescriptor } = {};
  for (const operation of operations) operationTable[operation.id] = operation;
  return { operationTable, serverUrls${defaultAuth === undefined ? "" : `, auth: ${jsonLiteral(defaultAuth)}`} };
}`;

function docLines(first: string, extra: string | undefined): string {
  return docText(extra ? `${first}\n\n${extra}` : first);
}

/** Generated names must be unique; a clash is reported, never silently renamed. */
class NameRegistry {
  private readonly owners = new Map<string, string>();
  constructor(private readonly diagnostics: Diagnostics) {}

  /** `at`: where the second owner is, so the error points into the spec. */
  claim(name: string, owner: string, at: (string | number)[]): string {
    const previous = this.owners.get(name);
    if (previous !== undefined) {
      this.diagnostics.error(
        "generated-name-clash",
        `generated name ${name} for ${owner} is already used by ${previous}; rename one in an overlay`,
        { pointer: toPointer(at) },
      );
    }
    this.owners.set(name, owner);
    return name;
  }
}
