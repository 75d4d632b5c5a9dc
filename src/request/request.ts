import type { FieldIssue } from "../errors/api-error.js";
import { ValidationError } from "../errors/validation-error.js";
import { resolveFileInputs } from "../files/file-inputs.js";
import type { OperationDescriptor } from "../internal/contract.js";
import type { OperationIndex } from "../internal/operation-index.js";
import type { Redactor } from "../internal/redact.js";
import type { Transport } from "../internal/transport.js";
import { fillRequiredDefaults } from "../validate/apply-defaults.js";
import { validate } from "../validate/validate.js";

export interface RequestSettings {
  /** The spec's operations this client speaks. */
  operations: OperationIndex;
  validate: boolean;
  maxInlineBytes: number;
  redactor: Redactor;
}

interface Init {
  params?: {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
    header?: Record<string, unknown>;
  };
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * One call of any operation of the spec, with the facade's guarantees: inputs checked before
 * anything is sent (body against its schema, required parameters present), file fields
 * resolved, retries by the method's rules (a POST that may have been accepted is never sent
 * again), typed errors, and the key redacted from whatever comes back.
 */
export async function requestOperation(
  transport: Transport,
  settings: RequestSettings,
  name: string,
  init: Init = {},
): Promise<{ data: unknown; response: Response }> {
  try {
    return await sendChecked(transport, settings, settings.operations.require(name), init);
  } catch (error) {
    throw settings.redactor.error(error);
  }
}

/**
 * Sends a call of this operation once its input passes: file fields resolved, required
 * defaults filled, body and parameters checked (a ValidationError lists every problem before
 * anything is sent). What a typed request and a queue submit share.
 */
export async function sendChecked<T = unknown>(
  transport: Transport,
  settings: RequestSettings,
  descriptor: OperationDescriptor,
  init: Init & { query?: Record<string, string> | undefined },
): Promise<{ data: T; response: Response }> {
  let body = init.body;
  if (body !== null && typeof body === "object" && !Array.isArray(body))
    body = await resolveFileInputs(
      body as Record<string, unknown>,
      descriptor.id,
      settings.maxInlineBytes,
    );
  const checked = checkBody(descriptor, body);
  const issues = [...parameterIssues(descriptor, init.params), ...checked.issues];
  if (settings.validate && issues.length > 0) throw new ValidationError(descriptor.id, issues);
  return transport.call<T>(descriptor.method, descriptor.path, {
    ...(checked.body === undefined ? {} : { body: checked.body }),
    ...(init.params ? { params: init.params } : {}),
    ...(init.query ? { query: init.query } : {}),
    signal: init.signal,
  });
}

/**
 * The body as it will be sent (required fields filled with their declared defaults) and its
 * problems against the operation's schema; an empty list means valid.
 */
export function checkBody(
  descriptor: OperationDescriptor,
  body: unknown,
): { body: unknown; issues: FieldIssue[] } {
  const schema = descriptor.body?.schema;
  if (!schema || body === undefined)
    return {
      body,
      issues:
        body === undefined && descriptor.body?.required
          ? [{ path: "", message: "a request body is required" }]
          : [],
    };
  const filled =
    typeof body === "object" && body !== null && !Array.isArray(body)
      ? fillRequiredDefaults(body as Record<string, unknown>, schema)
      : body;
  return { body: filled, issues: validate(filled, schema) };
}

function* parameterIssues(
  descriptor: OperationDescriptor,
  params: Init["params"],
): Generator<FieldIssue> {
  for (const parameter of descriptor.parameters ?? []) {
    if (parameter.in === "cookie") continue;
    const group = params?.[parameter.in];
    const value = group?.[parameter.name];
    const path = `params.${parameter.in}.${parameter.name}`;
    if (value === undefined || value === null || value === "") {
      if (parameter.required) yield { path, message: "is required" };
      continue;
    }
    if (parameter.schema) {
      for (const issue of validate(value, parameter.schema))
        yield { path: issue.path ? `${path}.${issue.path}` : path, message: issue.message };
    }
  }
}
