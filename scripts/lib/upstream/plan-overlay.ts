import { resolvePointer } from "../json-pointer.js";
import { isObject, type JsonObject } from "../openapi-walk.js";
import type { FalModel } from "./read-fal-model.js";

/** One overlay action and the sentence that says where it comes from. */
export interface PlannedAction {
  source: string;
  target: string;
  description?: string;
  update?: unknown;
  remove?: true;
}

export interface PlanOptions {
  /** The relay's path for the model (its export may differ from fal's). */
  relayPath: string;
  /** The file name shown in source comments. */
  falFile: string;
  summary?: string;
}

/** Constraint keywords fal states and the export may lack; types are never changed. */
const CONSTRAINTS = [
  "enum",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "default",
] as const;

/** Keys of fal's schemas that are fal's tooling, not the contract. */
const DROPPED_KEYS = new Set(["title", "x-fal-order-properties", "examples"]);

/**
 * Plans the overlay that teaches the relay's export what fal's own schema says about the model:
 * the result schema (and what it uses), constraints the export's fields lack, and fields the
 * export leaves out. Precision first: a field whose type differs between the two is reported,
 * not changed, and nothing the export states explicitly is overwritten.
 */
export function planOverlay(
  model: FalModel,
  relay: JsonObject,
  options: PlanOptions,
): { actions: PlannedAction[]; notes: string[] } {
  const actions: PlannedAction[] = [];
  const notes: string[] = [];
  const operation = `$.paths[${quote(options.relayPath)}].post`;
  const relayPost = resolvePointer(relay, `#/paths/${escape(options.relayPath)}/post`);
  if (!isObject(relayPost))
    return { actions, notes: [`the export has no POST ${options.relayPath}`] };
  const relayBody = bodySchema(relayPost);
  const relayProperties = isObject(relayBody?.properties) ? relayBody.properties : {};
  const relaySchemas =
    isObject(relay.components) && isObject(relay.components.schemas)
      ? relay.components.schemas
      : {};
  const from = (pointer: string) => `${options.falFile}${pointer}`;

  const names = componentNames(model, relaySchemas);
  const resultName = names.get(model.resultName)!;
  actions.push({
    source: `${from(`#/paths/${escape(`${model.submitPath}/requests/{request_id}`)}/get`)}: the result endpoint's schema`,
    target: operation,
    update: {
      ...(options.summary ? { summary: options.summary } : {}),
      "x-fal-queue": { result: `#/components/schemas/${resultName}` },
    },
  });

  const properties = isObject(model.input.properties) ? model.input.properties : {};
  const added: JsonObject = {};
  for (const [name, falSchema] of Object.entries(properties)) {
    if (!isObject(falSchema)) continue;
    const relaySchema = relayProperties[name];
    const pointer = `${model.inputPointer}/properties/${escape(name)}`;
    if (!isObject(relaySchema)) {
      added[name] = renamed(clean(falSchema), names);
      continue;
    }
    if (
      falSchema.type !== undefined &&
      relaySchema.type !== undefined &&
      falSchema.type !== relaySchema.type
    ) {
      notes.push(
        `${name}: fal says ${JSON.stringify(falSchema.type)}, the export ${JSON.stringify(relaySchema.type)}; left as the export says`,
      );
      continue;
    }
    const update: JsonObject = {};
    for (const keyword of CONSTRAINTS) {
      if (falSchema[keyword] === undefined) continue;
      if (relaySchema[keyword] === undefined) update[keyword] = falSchema[keyword];
      else if (JSON.stringify(relaySchema[keyword]) !== JSON.stringify(falSchema[keyword]))
        notes.push(
          `${name}: the export says ${keyword} ${JSON.stringify(relaySchema[keyword])}, fal ${JSON.stringify(falSchema[keyword])}; left as the export says`,
        );
    }
    if (isLabel(relaySchema.description) && hasText(falSchema.description))
      update.description = falSchema.description;
    if (Object.keys(update).length === 0) continue;
    actions.push({
      source: `${from(pointer)}: ${Object.keys(update).join(", ")}`,
      target: `${operation}.requestBody.content['application/json'].schema.properties${member(name)}`,
      update,
    });
  }
  if (Object.keys(added).length > 0) {
    actions.push({
      source: `${from(`${model.inputPointer}/properties`)}: ${Object.keys(added).join(", ")} (missing from the export)`,
      target: `${operation}.requestBody.content['application/json'].schema.properties`,
      description: "Fields the upstream model accepts that the export omits.",
      update: added,
    });
  }

  // The relay answers a submit with fal's envelope, or (some relays) with the result itself.
  const responseTarget = `${operation}.responses['200'].content['application/json']`;
  const relayResponse = resolvePointer(
    relayPost,
    "#/responses/200/content/application~1json/schema",
  );
  if (relayResponse !== undefined) {
    actions.push({
      source: "relay protocol: the export's 200 schema is replaced below",
      target: `${responseTarget}.schema`,
      remove: true,
    });
  }
  actions.push({
    source: "relay protocol: a submit answers the queue envelope, or the result itself",
    target: responseTarget,
    update: {
      schema: {
        oneOf: [
          { $ref: "#/components/schemas/QueueStatus" },
          { $ref: `#/components/schemas/${resultName}` },
        ],
      },
    },
  });

  const components: JsonObject = {};
  for (const [falName, localName] of names) {
    components[localName] = renamed(clean(model.schemas[falName] as JsonObject), names);
  }
  actions.push({
    source: `${from("#/components/schemas")}: ${[...names.keys()].join(", ")}`,
    target: "$.components.schemas",
    update: components,
  });
  return { actions, notes };
}

/**
 * The result schema and every component it (or an added field) reaches, each under a name that
 * cannot collide with the export's: fal's generic names (`Image`, `File`) get a `Fal` prefix.
 */
function componentNames(model: FalModel, relaySchemas: JsonObject): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (name: string) => {
    if (names.has(name) || !isObject(model.schemas[name])) return;
    const local = name === model.resultName || name.startsWith("Fal") ? name : `Fal${name}`;
    names.set(
      name,
      local in relaySchemas && name !== model.resultName ? `${local}Upstream` : local,
    );
    for (const ref of refsIn(model.schemas[name])) visit(ref);
  };
  visit(model.resultName);
  for (const ref of refsIn(model.input.properties)) visit(ref);
  return names;
}

function refsIn(value: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isObject(node)) {
      if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/schemas/"))
        found.push(node.$ref.split("/").pop()!);
      Object.values(node).forEach(walk);
    }
  };
  walk(value);
  return found;
}

/** fal's schema without its tooling keys; a first example kept as the 3.0 `example`. */
function clean(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYS.has(key)) continue;
    out[key] = isObject(value)
      ? key === "properties"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isObject(v) ? clean(v) : v]))
        : clean(value)
      : Array.isArray(value)
        ? value.map((item) => (isObject(item) ? clean(item) : item))
        : value;
  }
  return out;
}

function renamed(schema: JsonObject, names: Map<string, string>): JsonObject {
  return JSON.parse(
    JSON.stringify(schema, (key, value) =>
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? `#/components/schemas/${names.get(value.split("/").pop()!) ?? value.split("/").pop()}`
        : value,
    ),
  ) as JsonObject;
}

function bodySchema(operation: JsonObject): JsonObject | undefined {
  const schema = resolvePointer(operation, "#/requestBody/content/application~1json/schema");
  return isObject(schema) ? schema : undefined;
}

/**
 * A description that only names the field ("Prompt words", "Image URL"): fal's sentence says
 * more. One with numbers ("Range value: 1-20") states constraints and stays.
 */
function isLabel(value: unknown): boolean {
  if (!hasText(value)) return true;
  const text = String(value).trim();
  return !/\d/.test(text) && text.split(/\s+/).length <= 3;
}

function hasText(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "";
}

function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A JSONPath member: `.name` when it is a plain name, `['name']` otherwise. */
function member(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${quote(name)}]`;
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
