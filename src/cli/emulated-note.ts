/**
 * The sentence the emulator puts in every result it makes (`emulated`), so the CLI and the demo
 * can say on a line of their own that no model made the images. Undefined for a real relay's result.
 */
export function emulatedNote(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const note = (data as Record<string, unknown>).emulated;
  return typeof note === "string" && note !== "" ? note : undefined;
}
