import type { WithFileInputs } from "../files/file-inputs.js";
import type { AnyTypes, DefaultTypes } from "../internal/contract.js";

/** Any operation of the spec: its operationId, or its route as `"POST /path/{id}"`. */
export type OperationName<T extends AnyTypes = DefaultTypes> =
  (keyof T["operations"] & string) | (keyof T["routes"] & string);

/** The operationId behind a name. */
export type IdOf<N, T extends AnyTypes = DefaultTypes> = N extends keyof T["routes"]
  ? T["routes"][N]
  : N;

/** One operation's generated types (`input`, `output`, `params`, `response`). */
type TypesOfOperation<N, T extends AnyTypes> = T["operations"][IdOf<N, T> & keyof T["operations"]];
type Field<O, K extends string> = O extends { [P in K]: infer V } ? V : never;

type Params<N, T extends AnyTypes> = Field<TypesOfOperation<N, T>, "params">;
type Input<N, T extends AnyTypes> = Field<TypesOfOperation<N, T>, "input">;

/** Keys of `T` whose values may be left out. */
type OptionalKeys<O> = { [K in keyof O]-?: undefined extends O[K] ? K : never }[keyof O];

/**
 * What a call takes: `params` (path, query, header) as the spec declares them, and the body when
 * the operation has one; each is required exactly when the spec requires something in it.
 */
export type RequestArgs<N, T extends AnyTypes = DefaultTypes> = (Params<N, T> extends Record<
  string,
  never
>
  ? {
      /** The operation takes no path, query or header parameters. */
      params?: never;
    }
  : Exclude<keyof NonNullable<Params<N, T>>, OptionalKeys<NonNullable<Params<N, T>>>> extends never
    ? {
        /** Path, query and header parameters, as the spec declares them (none required). */
        params?: Params<N, T>;
      }
    : {
        /** Path, query and header parameters, as the spec declares them. */
        params: Params<N, T>;
      }) &
  ([Input<N, T>] extends [never]
    ? {
        /** The operation takes no body. */
        body?: never;
      }
    : {
        /** The request body; `*_url` fields also take files. Validated before sending. */
        body: WithFileInputs<Input<N, T>>;
      }) & {
    /** Aborts the call, retries included. */
    signal?: AbortSignal;
  };

/** What the HTTP call answered (for a queue submit: the envelope, not the job's result). */
export type ResponseOf<N, T extends AnyTypes = DefaultTypes> = Field<
  TypesOfOperation<N, T>,
  "response"
>;

/** A call's outcome: the parsed body and the raw response (headers, status). */
export interface RequestResult<N, T extends AnyTypes = DefaultTypes> {
  /** The parsed response body, typed by the spec. */
  data: ResponseOf<N, T>;
  /** The raw response, for its status and headers (its body is already read). */
  response: Response;
}
