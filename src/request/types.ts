import type { WithFileInputs } from "../files/file-inputs.js";
import type { OperationId, OperationIdByRoute, OperationTypes } from "../internal/contract.js";

/** Any operation of the spec: its operationId, or its route as `"POST /path/{id}"`. */
export type OperationName = OperationId | keyof OperationIdByRoute;

/** The operationId behind a name. */
export type IdOf<N extends OperationName> = N extends keyof OperationIdByRoute
  ? OperationIdByRoute[N]
  : N;

type Params<N extends OperationName> = OperationTypes[IdOf<N>]["params"];
type Input<N extends OperationName> = OperationTypes[IdOf<N>]["input"];

/** Keys of `T` whose values may be left out. */
type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/**
 * What a call takes: `params` (path, query, header) as the spec declares them, and the body when
 * the operation has one; each is required exactly when the spec requires something in it.
 */
export type RequestArgs<N extends OperationName> = (Params<N> extends Record<string, never>
  ? { params?: never }
  : Exclude<keyof NonNullable<Params<N>>, OptionalKeys<NonNullable<Params<N>>>> extends never
    ? { params?: Params<N> }
    : { params: Params<N> }) &
  ([Input<N>] extends [never] ? { body?: never } : { body: WithFileInputs<Input<N>> }) & {
    signal?: AbortSignal;
  };

/** What the HTTP call answered (for a queue submit: the envelope, not the job's result). */
export type ResponseOf<N extends OperationName> = OperationTypes[IdOf<N>]["response"];

/** A call's outcome: the parsed body and the raw response (headers, status). */
export interface RequestResult<N extends OperationName> {
  data: ResponseOf<N>;
  response: Response;
}
