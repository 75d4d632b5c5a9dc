import { stringify } from "yaml";
import type { PlannedAction } from "./plan-overlay.js";

/** The overlay as YAML, each action under a comment naming its source. Deterministic. */
export function renderOverlay(
  actions: PlannedAction[],
  header: { title: string; lines: string[] },
): string {
  const body = actions.map((action) => {
    const { source, ...fields } = action;
    const yaml = stringify([fields], { lineWidth: 100 }).trimEnd();
    const indented = yaml
      .split("\n")
      .map((line) => `  ${line}`)
      .join("\n");
    return `  # source: ${oneLine(source)}\n${indented}`;
  });
  return [
    ...header.lines.map((line) => `# ${oneLine(line)}`),
    "overlay: 1.0.0",
    "info:",
    `  title: ${JSON.stringify(header.title)}`,
    "  version: 1.0.0",
    "actions:",
    body.join("\n\n"),
    "",
  ].join("\n");
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}
