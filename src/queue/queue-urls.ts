/**
 * Where a job's status, result and cancel live. fal serves them under the first two path
 * segments of the model (`/fal-ai/flux-pro/kontext/max` -> `/fal-ai/flux-pro/requests/{id}`).
 * The submit envelope's URLs point at queue.fal.run; only their path is used, joined to our
 * own base URL, so the key never travels to a host named in a response body.
 */
export interface QueueUrls {
  status: string;
  result: string;
  cancel: string;
}

export function queueUrls(operationPath: string, requestId: string): QueueUrls {
  const [owner, app] = operationPath.split("/").filter(Boolean);
  const base = `/${owner}/${app}/requests/${encodeURIComponent(requestId)}`;
  return { status: `${base}/status`, result: base, cancel: `${base}/cancel` };
}

/** The envelope's URL as a path on our base, if it names this job; otherwise the derived one. */
export function relayPath(envelopeUrl: unknown, requestId: string, fallback: string): string {
  if (typeof envelopeUrl !== "string") return fallback;
  try {
    const { pathname } = new URL(envelopeUrl, "https://relay.invalid");
    return pathname.includes(`/requests/${requestId}`) ||
      pathname.includes(`/requests/${encodeURIComponent(requestId)}`)
      ? pathname
      : fallback;
  } catch {
    return fallback;
  }
}
