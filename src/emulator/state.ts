import { loadContractDocument } from "../internal/contract-document.js";
import {
  bundledOperations,
  defaultContract,
  type AuthScheme,
  type OperationDescriptor,
} from "../internal/contract.js";
import { schemeOf } from "../middleware/credential.js";
import { OperationIndex } from "../internal/operation-index.js";
import { pathTemplatePattern } from "../internal/path-template.js";
import { FaultPlan } from "./faults.js";
import { ImageStore } from "./images/image-store.js";
import { JobStore, type JobTiming } from "./jobs.js";
import { taskRoles, type TaskRole } from "./routes/tasks.js";
import type { EmulatorOptions, EmulatorStats } from "./types.js";

/** Everything the emulator's routes share, resolved once from the options. */
export interface EmulatorState {
  apiKey: string;
  /** How calls outside the spec's paths (queue URLs, controls) carry the key: the document's scheme. */
  defaultAuth: AuthScheme | null;
  timing: JobTiming;
  imageScale: number;
  envelopeOrigin: string;
  syncSubmit: boolean;
  /** The normalized OpenAPI document results are made from. */
  contract: Record<string, unknown>;
  /** The operations served. */
  operations: OperationIndex;
  /** Submit routes by `METHOD /path`. */
  submitRoutes: Map<string, OperationDescriptor>;
  /** Operations whose path has `{parameters}`, matched by pattern. */
  templateRoutes: { method: string; pattern: RegExp; descriptor: OperationDescriptor }[];
  /** Operations that submit, poll or cancel a declared task protocol, by operationId. */
  taskRoles: Map<string, TaskRole>;
  jobs: JobStore;
  images: ImageStore;
  faults: FaultPlan;
  stats: EmulatorStats;
  /** Pending timers (stalls, webhooks), cleared on close. */
  timers: Set<NodeJS.Timeout>;
  /** Set once the CDN server listens. */
  cdnUrl: string;
}

export async function createState(options: EmulatorOptions): Promise<EmulatorState> {
  const submitRoutes = new Map<string, OperationDescriptor>();
  const templateRoutes: EmulatorState["templateRoutes"] = [];
  // Another spec's operations and document when given; the bundled spec's otherwise.
  const operations = options.spec
    ? new OperationIndex(options.spec.contract.operationTable)
    : bundledOperations;
  for (const descriptor of operations.all()) {
    const method = descriptor.method.toUpperCase();
    if (descriptor.path.includes("{"))
      templateRoutes.push({
        method,
        pattern: pathTemplatePattern(descriptor.path, { trailingSlash: true }),
        descriptor,
      });
    else submitRoutes.set(`${method} ${descriptor.path}`, descriptor);
  }
  return {
    apiKey: options.apiKey ?? "sk-emulator",
    defaultAuth: schemeOf((options.spec?.contract ?? defaultContract).auth),
    timing: { queueMs: 200, runMs: 300, ...options.timing },
    imageScale: options.imageScale ?? 1,
    envelopeOrigin: options.envelopeOrigin ?? "https://queue.fal.run",
    syncSubmit: options.syncSubmit ?? false,
    contract: options.spec ? options.spec.document : await loadContractDocument(),
    operations,
    submitRoutes,
    templateRoutes,
    taskRoles: taskRoles([...operations.all()]),
    jobs: new JobStore(options.stateFile),
    images: new ImageStore(),
    faults: new FaultPlan(),
    stats: {
      submits: {},
      submitDigests: [],
      requests: [],
      cdnDownloads: 0,
      cdnRequestsWithAuthorization: 0,
    },
    timers: new Set(),
    cdnUrl: "",
  };
}
