import { Diagnostics } from "../../scripts/lib/diagnostics.js";

/** A collector for a stage under test, with a fake locator that echoes pointers as lines. */
export function collector(file = "spec.yaml"): Diagnostics {
  return new Diagnostics(file);
}

export function codes(diagnostics: Diagnostics): string[] {
  return diagnostics.items.map((d) => d.code);
}
