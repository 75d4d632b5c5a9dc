/** Image formats by magic bytes first, file extension second: a misnamed file still gets the right type. */

const SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ["image/png", (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/gif", (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46],
  ["image/webp", (b) => b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50],
];

const BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

export function sniffMediaType(bytes: Uint8Array, fileName?: string): string {
  const sniffed = SIGNATURES.find(([, matches]) => matches(bytes))?.[0];
  if (sniffed) return sniffed;
  const extension = fileName?.split(".").pop()?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || "application/octet-stream";
}

export function extensionFor(mediaType: string | undefined): string {
  const type = mediaType?.split(";")[0]?.trim().toLowerCase();
  if (type === "image/jpeg") return "jpg";
  const entry = Object.entries(BY_EXTENSION).find(([, t]) => t === type);
  return entry ? entry[0] : "bin";
}
