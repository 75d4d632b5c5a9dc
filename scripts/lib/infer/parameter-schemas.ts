import { isObject, listParameters, type JsonObject } from "../openapi-walk.js";

/** A parameter (query, path, header, cookie) with an inline schema, and where it is. */
export interface ParameterSchema {
  parameter: JsonObject;
  schema: JsonObject;
  /** Pointer segments of the parameter object. */
  at: (string | number)[];
}

/**
 * Every parameter with an inline schema: those of each operation, of each path item (shared by
 * its operations) and of `components.parameters`. A parameter states its prose, example and
 * examples on itself, not on its schema, so stages that read them for a schema start here.
 */
export function listParameterSchemas(document: JsonObject): ParameterSchema[] {
  return listParameters(document).flatMap(({ parameter, at }) =>
    isObject(parameter.schema) && parameter.schema.$ref === undefined
      ? [{ parameter, schema: parameter.schema, at }]
      : [],
  );
}
