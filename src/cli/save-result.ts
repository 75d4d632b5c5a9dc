import { saveImages, type SavedImage, type SaveImagesOptions } from "../index.js";

/**
 * Saves whatever images a result of any operation carries (fal's `images: [{ url }]`); a result
 * without images saves nothing. The CLI runs every operation of the spec, so it cannot assume.
 */
export function saveResultImages(
  data: unknown,
  directory: string,
  options: SaveImagesOptions = {},
): Promise<SavedImage[]> {
  const images = (data as { images?: { url: string; content_type?: string }[] } | null)?.images;
  return Array.isArray(images) ? saveImages({ images }, directory, options) : Promise.resolve([]);
}
