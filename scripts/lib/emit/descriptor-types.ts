/**
 * The declarations that give the runtime tables in `operations.gen.ts` their shape. Emitted
 * verbatim into the generated file so that `generated/` imports nothing from `src/`.
 */
export const DESCRIPTOR_TYPES = `
/** The JSON Schema subset checked at run time before a request is sent. */
export interface ConstraintSchema {
  readonly type?: "string" | "number" | "integer" | "boolean" | "object" | "array";
  readonly format?: string;
  readonly nullable?: boolean;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean | number;
  readonly exclusiveMaximum?: boolean | number;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: ConstraintSchema };
  readonly items?: ConstraintSchema;
  readonly additionalProperties?: boolean | ConstraintSchema;
  readonly oneOf?: readonly ConstraintSchema[];
  readonly anyOf?: readonly ConstraintSchema[];
  readonly allOf?: readonly ConstraintSchema[];
  readonly description?: string;
}

/** How to follow a task: where its id, status and result are, which calls poll and cancel it. */
export interface TaskProtocol {
  readonly id: string;
  readonly poll: TaskCall;
  readonly status: string;
  readonly done: readonly unknown[];
  readonly failed?: readonly unknown[];
  readonly result?: string;
  readonly error?: string;
  readonly cancel?: TaskCall;
}

/** An operation called with the task's id: "{id}" in any param value is replaced by it. */
export interface TaskCall {
  readonly operation: string;
  readonly params?: {
    readonly path?: { readonly [name: string]: unknown };
    readonly query?: { readonly [name: string]: unknown };
    readonly header?: { readonly [name: string]: unknown };
  };
}

/** One operation as the runtime sees it: where it lives and what its body must satisfy. */
export interface OperationDescriptor {
  readonly id: string;
  readonly method: "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
  readonly path: string;
  readonly summary?: string;
  /** Submitted to fal's queue: answered with a request id, polled for status and result. */
  readonly queue: boolean;
  readonly body?: {
    readonly required: boolean;
    readonly contentType: string;
    readonly schema: ConstraintSchema;
  };
  /** A provider's own async protocol, declared with \`x-async-task\`. */
  readonly task?: TaskProtocol;
  /** Path, query and header parameters; path parameters are always required. */
  readonly parameters?: readonly {
    readonly name: string;
    readonly in: "path" | "query" | "header" | "cookie";
    readonly required: boolean;
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
  readonly operationTable: { readonly [id: string]: OperationDescriptor };
  readonly serverUrls: readonly string[];
  readonly types?: Types;
}
`;
