/**
 * OpenAPI path templates as patterns: `/v1/tasks/{task_id}` matches `/v1/tasks/abc`, one path
 * segment per parameter, captured under the name {@link groupName} gives it. Shared by the
 * emulator (which reads the values) and the proxy (which only matches).
 */
export function pathTemplatePattern(
  template: string,
  options: { trailingSlash?: boolean } = {},
): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) =>
      part.startsWith("{") ? `(?<${groupName(part.slice(1, -1))}>[^/]+)` : escapeRegex(part),
    )
    .join("");
  return new RegExp(`^${source}${options.trailingSlash ? "/?" : ""}$`);
}

/** A parameter's name as a regex group name (which allows only word characters). */
export function groupName(parameter: string): string {
  return parameter.replace(/\W/g, "_");
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
