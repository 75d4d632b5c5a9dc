/** The path of a URL for messages: never its query or credentials; the input itself if unparsable. */
export function pathOfUrl(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
