import type { Contract } from "../internal/contract.js";
import type { JobTiming } from "./jobs.js";
import type { Fault, Route } from "./faults.js";

/** How to start the emulator; every option has a default. */
export interface EmulatorOptions {
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Only loopback: the emulator is for tests and demos on this machine. @default "127.0.0.1" */
  host?: string;
  /** The key clients must send, the way the spec's securitySchemes say (Bearer if they say nothing). @default "sk-emulator" */
  apiKey?: string;
  /** Time spent queued and running. @default { queueMs: 200, runMs: 300 } */
  timing?: Partial<JobTiming>;
  /** Multiplies output image sides (1 = about a megapixel). @default 1 */
  imageScale?: number;
  /** Answer submits with the finished result itself, as some relays do. @default false */
  syncSubmit?: boolean;
  /** Origin the envelope's URLs name, as the real relay passes fal's through. @default "https://queue.fal.run" */
  envelopeOrigin?: string;
  /**
   * Keep jobs in this file (JSON lines) so that an emulator started again on it still answers
   * for every job it accepted. `kontext batch --emulator` keeps it under its out folder.
   */
  stateFile?: string;
  /**
   * Serve another generated spec instead of the bundled one: its `contract` export and its
   * `openapi.json` (results are made from the document's schemas).
   */
  spec?: {
    /** The generated folder's `contract` export. */
    contract: Contract;
    /** The generated folder's `openapi.json`, parsed. */
    document: Record<string, unknown>;
  };
}

/** What the emulator saw: read it in tests to assert what was paid and sent. */
export interface EmulatorStats {
  /** Accepted submits by operationId: a paid job each. */
  submits: Record<string, number>;
  /** sha256 of every accepted submit body, in order: the same digest twice is a duplicate payment. */
  submitDigests: string[];
  /** Every API request: method, path, the route it hit and when it arrived (ms since epoch). */
  requests: {
    /** HTTP method. */
    method: string;
    /** Path, without the query string. */
    path: string;
    /** The route it hit (`submit`, `status`...), or "unknown". */
    route: Route | "unknown";
    /** Arrival time, in ms since the epoch. */
    at: number;
  }[];
  /** Image downloads served by the CDN. */
  cdnDownloads: number;
  /** Downloads that arrived with an Authorization header (and were refused). */
  cdnRequestsWithAuthorization: number;
}

/** A running emulator: its URLs, its key, what it saw, and fault injection. */
export interface Emulator {
  /** Base URL of the relay API, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Origin of the image CDN (a second server). */
  cdnUrl: string;
  /** The key clients must send (pass it as `apiKey` to `createClient`). */
  apiKey: string;
  /** Live counters: what was submitted, requested and downloaded. */
  stats: EmulatorStats;
  /** Makes the next matching request(s) fail. */
  inject(fault: Fault): void;
  /** Drops every pending fault. */
  clearFaults(): void;
  /** Stops both servers and every pending timer. */
  close(): Promise<void>;
}
