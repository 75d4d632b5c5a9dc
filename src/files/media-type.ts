/** Image formats by magic bytes first, file extension second: a misnamed file still gets the right type. */

const ascii = (b: Uint8Array, at: number, text: string) =>
  [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

/** An ISO-BMFF file (`....ftyp<brand>`) whose brand is an image format. */
const ftypBrand = (b: Uint8Array, brands: string[]) =>
  ascii(b, 4, "ftyp") && brands.some((brand) => ascii(b, 8, brand));

const SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ["image/png", (b) => b[0] === 0x89 && ascii(b, 1, "PNG\r\n\x1a\n")],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/gif", (b) => ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")],
  ["image/webp", (b) => ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")],
  ["image/avif", (b) => ftypBrand(b, ["avif", "avis"])],
  ["image/heic", (b) => ftypBrand(b, ["heic", "heix", "mif1", "msf1"])],
  ["image/bmp", (b) => ascii(b, 0, "BM") && b.length > 26],
  ["image/tiff", (b) => ascii(b, 0, "II*\0") || ascii(b, 0, "MM\0*")],
];

const BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  heic: "image/heic",
  bmp: "image/bmp",
  tif: "image/tiff",
  tiff: "image/tiff",
};

/** The image formats recognised by their bytes, for messages. */
export const IMAGE_FORMATS = "PNG, JPEG, GIF, WebP, AVIF, HEIC, BMP or TIFF";

/** The image type the bytes announce, whatever the file is called; undefined when not an image. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(([, matches]) => matches(bytes))?.[0];
}

export function sniffMediaType(bytes: Uint8Array, fileName?: string): string {
  const sniffed = sniffImageType(bytes);
  if (sniffed) return sniffed;
  const extension = fileName?.split(".").pop()?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || "application/octet-stream";
}

/** What a file that is not an image seems to be, for an error message ("a PDF", "text"). */
export function describeNonImage(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty file";
  if (ascii(bytes, 0, "%PDF")) return "a PDF";
  if (ascii(bytes, 0, "PK\x03\x04")) return "a ZIP archive";
  if (ascii(bytes, 0, "<svg") || ascii(bytes, 0, "<?xml")) return "XML or SVG text";
  const head = bytes.subarray(0, 512);
  // Text: no NUL and few control bytes besides tab, newline and carriage return.
  const controls = head.filter((b) => b < 9 || (b > 13 && b < 32)).length;
  return controls === 0 ? "text" : "bytes of an unknown format";
}

export function extensionFor(mediaType: string | undefined): string {
  const type = mediaType?.split(";")[0]?.trim().toLowerCase();
  if (type === "image/jpeg") return "jpg";
  const entry = Object.entries(BY_EXTENSION).find(([, t]) => t === type);
  return entry ? entry[0] : "bin";
}
