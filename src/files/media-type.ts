/** Image formats by magic bytes first, file extension second: a misnamed file still gets the right type. */

/**
 * Each format's signature, as a pattern over the file's first bytes read as Latin-1 (one
 * character per byte, so `\x89` is the byte 0x89). Keyed by the media subtype: `image/<key>`.
 * ISO-BMFF files (`....ftyp<brand>`) count when their brand is an image format; a BMP needs
 * its 26-byte header to follow.
 */
const SIGNATURES: Record<string, RegExp> = {
  png: /^\x89PNG\r\n\x1a\n/,
  jpeg: /^\xff\xd8\xff/,
  gif: /^GIF8[79]a/,
  webp: /^RIFF[^]{4}WEBP/,
  avif: /^[^]{4}ftypavi[fs]/,
  heic: /^[^]{4}ftyp(hei[cx]|m[is]f1)/,
  bmp: /^BM[^]{25}/,
  tiff: /^(II\*\0|MM\0\*)/,
};

/** File extensions that are not their format's subtype. */
const ALIASES: Record<string, string> = { jpg: "jpeg", tif: "tiff" };

/** The image formats recognised by their bytes, for messages. */
export const IMAGE_FORMATS = "PNG, JPEG, GIF, WebP, AVIF, HEIC, BMP or TIFF";

/** The first bytes as Latin-1 text, what the signatures are written against. */
const head = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 32));

/** The image type the bytes announce, whatever the file is called; undefined when not an image. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const text = head(bytes);
  for (const type in SIGNATURES) if (SIGNATURES[type]!.test(text)) return `image/${type}`;
  return undefined;
}

export function sniffMediaType(bytes: Uint8Array, fileName?: string): string {
  const extension = fileName?.split(".").pop()?.toLowerCase() ?? "";
  const type = (Object.hasOwn(ALIASES, extension) && ALIASES[extension]) || extension;
  return (
    sniffImageType(bytes) ??
    (Object.hasOwn(SIGNATURES, type) ? `image/${type}` : "application/octet-stream")
  );
}

/** What a file that is not an image seems to be, for an error message ("a PDF", "text"). */
export function describeNonImage(bytes: Uint8Array): string {
  const text = head(bytes);
  if (bytes.length === 0) return "an empty file";
  if (text.startsWith("%PDF")) return "a PDF";
  if (text.startsWith("PK\x03\x04")) return "a ZIP archive";
  if (/^<(svg|\?xml)/.test(text)) return "XML or SVG text";
  // Text: no NUL and few control bytes besides tab, newline and carriage return.
  const controls = bytes.subarray(0, 512).filter((b) => b < 9 || (b > 13 && b < 32)).length;
  return controls === 0 ? "text" : "bytes of an unknown format";
}

/** The file extension for a media type: `jpg` for JPEG, `tif` for TIFF, `bin` when not an image. */
export function extensionFor(mediaType: string | undefined): string {
  const type = /^image\/([^;\s]+)/.exec(mediaType?.trim().toLowerCase() ?? "")?.[1] ?? "";
  const alias = Object.keys(ALIASES).find((extension) => ALIASES[extension] === type);
  return alias ?? (Object.hasOwn(SIGNATURES, type) ? type : "bin");
}
