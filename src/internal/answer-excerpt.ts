/** An answer quoted in an error: short, as JSON (so control characters arrive escaped). */
export function answerExcerpt(data: unknown): string {
  const text = data === undefined ? "an empty body" : JSON.stringify(data);
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}
