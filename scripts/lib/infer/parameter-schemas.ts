import { isObject, listOperations, type JsonObject } from "../openapi-walk.js";

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
  const found: ParameterSchema[] = [];
  const add = (list: unknown, at: (string | number)[]) => {
    if (Array.isArray(list))
      list.forEach((parameter, index) => {
        if (
          isObject(parameter) &&
          isObject(parameter.schema) &&
          parameter.schema.$ref === undefined
        )
          found.push({ parameter, schema: parameter.schema, at: [...at, index] });
      });
    else if (isObject(list))
      for (const [name, parameter] of Object.entries(list))
        if (
          isObject(parameter) &&
          isObject(parameter.schema) &&
          parameter.schema.$ref === undefined
        )
          found.push({ parameter, schema: parameter.schema, at: [...at, name] });
  };
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths))
    if (isObject(item)) add(item.parameters, ["paths", path, "parameters"]);
  for (const { operation, at } of listOperations(document))
    add(operation.parameters, [...at, "parameters"]);
  const components = isObject(document.components) ? document.components : {};
  add(components.parameters, ["components", "parameters"]);
  return found;
}
