/** Which files of a folder are overlays, in the order they apply: every `*.yaml`/`*.yml`, by name. */
export function overlayFileNames(names: readonly string[]): string[] {
  return names.filter((name) => /\.ya?ml$/.test(name)).sort();
}
