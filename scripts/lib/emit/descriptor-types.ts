/**
 * The declarations that give the runtime tables in `operations.gen.ts` their shape. Emitted
 * verbatim into the generated file so that `generated/` imports nothing from `src/`.
 */
export const DESCRIPTOR_TYPES = `
/** The JSON Schema subset checked at run time before a request is sent. */
export interface ConstraintSchema {
  /** JSON type the value must have. */
  readonly type?: "string" | "number" | "integer" | "boolean" | "object" | "array";
  /** Format name from the spec (\`uri\`, \`date-time\`...), informative. */
  readonly format?: string;
  /** \`null\` is accepted too (OpenAPI 3.0). */
  readonly nullable?: boolean;
  /** The only values accepted. */
  readonly enum?: readonly unknown[];
  /** Filled in when a required field is missing. */
  readonly default?: unknown;
  /** Smallest number accepted. */
  readonly minimum?: number;
  /** Largest number accepted. */
  readonly maximum?: number;
  /** The bound itself is refused (3.0 boolean form) or the exclusive bound (3.1 number form). */
  readonly exclusiveMinimum?: boolean | number;
  /** The bound itself is refused (3.0 boolean form) or the exclusive bound (3.1 number form). */
  readonly exclusiveMaximum?: boolean | number;
  /** The number must be a multiple of this. */
  readonly multipleOf?: number;
  /** Fewest characters in a string. */
  readonly minLength?: number;
  /** Most characters in a string. */
  readonly maxLength?: number;
  /** Regular expression a string must match. */
  readonly pattern?: string;
  /** Fewest items in an array. */
  readonly minItems?: number;
  /** Most items in an array. */
  readonly maxItems?: number;
  /** No two items of the array may be equal. */
  readonly uniqueItems?: boolean;
  /** Properties an object must have. */
  readonly required?: readonly string[];
  /** Constraints of each known property. */
  readonly properties?: { readonly [name: string]: ConstraintSchema };
  /** Constraints of every array item. */
  readonly items?: ConstraintSchema;
  /** Whether (or how) properties not listed are accepted. */
  readonly additionalProperties?: boolean | ConstraintSchema;
  /** Exactly one of these must match. */
  readonly oneOf?: readonly ConstraintSchema[];
  /** At least one of these must match. */
  readonly anyOf?: readonly ConstraintSchema[];
  /** All of these must match. */
  readonly allOf?: readonly ConstraintSchema[];
  /** The spec's own description of the field. */
  readonly description?: string;
}

/** How to follow a task: where its id, status and result are, which calls poll and cancel it. */
export interface TaskProtocol {
  /** Where the task id is in the submit's answer (a dotted path). */
  readonly id: string;
  /** The operation that reads the task's state. */
  readonly poll: TaskCall;
  /** Where the status is in the poll's answer (a dotted path). */
  readonly status: string;
  /** Status values that mean finished. */
  readonly done: readonly unknown[];
  /** Status values that mean failed. */
  readonly failed?: readonly unknown[];
  /** Where the result is in the poll's answer; the whole answer when absent. */
  readonly result?: string;
  /** Where the failure message is in the poll's answer. */
  readonly error?: string;
  /** The operation that cancels the task, when there is one. */
  readonly cancel?: TaskCall;
}

/** An operation called with the task's id: "{id}" in any param value is replaced by it. */
export interface TaskCall {
  /** operationId of the call. */
  readonly operation: string;
  /** Parameters to send, with "{id}" replaced by the task id. */
  readonly params?: {
    /** Path parameters. */
    readonly path?: { readonly [name: string]: unknown };
    /** Query parameters. */
    readonly query?: { readonly [name: string]: unknown };
    /** Header parameters. */
    readonly header?: { readonly [name: string]: unknown };
  };
}

/**
 * How the API key travels, from the spec's \`securitySchemes\`: a header, query parameter or
 * cookie named \`name\`, its value \`prefix\` + key (\`encoding: "basic"\`: the key is
 * \`user:password\`, sent base64-encoded).
 */
export interface AuthScheme {
  /** Where the key goes: a request header, a query parameter or a cookie. */
  readonly in: "header" | "query" | "cookie";
  /** The header, query parameter or cookie name, e.g. \`Authorization\`, \`X-API-Key\`. */
  readonly name: string;
  /** What stands before the key, e.g. \`Bearer \`, fal's \`Key \` (from \`x-auth-prefix\`). */
  readonly prefix?: string;
  /** \`basic\`: the key is \`user:password\`, sent base64-encoded (HTTP Basic). */
  readonly encoding?: "basic";
}

/** One operation as the runtime sees it: where it lives and what its body must satisfy. */
export interface OperationDescriptor {
  /** The operationId. */
  readonly id: string;
  /** HTTP method, lower case. */
  readonly method: "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
  /** Path template, e.g. \`/fal-ai/flux-pro/kontext/max\`. */
  readonly path: string;
  /** The spec's one-line summary. */
  readonly summary?: string;
  /** Submitted to fal's queue: answered with a request id, polled for status and result. */
  readonly queue: boolean;
  /** The request body, when the operation takes one. */
  readonly body?: {
    /** Whether the body must be sent. */
    readonly required: boolean;
    /** Media type of the body. */
    readonly contentType: string;
    /** Constraints checked before sending. */
    readonly schema: ConstraintSchema;
  };
  /** A provider's own async protocol, declared with \`x-async-task\`. */
  readonly task?: TaskProtocol;
  /** How the key is sent; \`null\`: the operation takes none; absent: Bearer. */
  readonly auth?: AuthScheme | null;
  /** Path, query and header parameters; path parameters are always required. */
  readonly parameters?: readonly {
    /** Parameter name. */
    readonly name: string;
    /** Where the parameter goes. */
    readonly in: "path" | "query" | "header" | "cookie";
    /** Whether the parameter must be given. */
    readonly required: boolean;
    /** Constraints of the parameter's value. */
    readonly schema?: ConstraintSchema;
  }[];
}

/** The types a generated spec carries to the client. */
export interface ContractTypes {
  /** Input, output, params and response of every operation, by operationId. */
  readonly operations: object;
  /** \`METHOD /path\` to operationId. */
  readonly routes: object;
  /** Submit path to operationId, for the operations run as jobs. */
  readonly jobPaths: object;
  /** The operationIds run as jobs. */
  readonly jobs: string;
}

/**
 * A generated spec as \`createClient({ contract })\` takes it: the runtime tables, and the spec's
 * types as a phantom (\`types\` is never set at run time).
 */
export interface Contract<Types extends ContractTypes = ContractTypes> {
  /** Every operation, by operationId. */
  readonly operationTable: { readonly [id: string]: OperationDescriptor };
  /** The spec's \`servers\`, in order; the first is the default base URL. */
  readonly serverUrls: readonly string[];
  /** The document's auth, for calls outside its paths (fal's queue URLs); absent: Bearer. */
  readonly auth?: AuthScheme | null;
  /** The spec's types, for the compiler only: never set at run time. */
  readonly types?: Types;
}
`;
