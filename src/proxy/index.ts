/**
 * Server-side proxy for browser apps: `import { createProxy, toNodeHandler } from "chainhub-fal-client/proxy"`.
 * @packageDocumentation
 */
export { createProxy, type ProxyOptions } from "./create-proxy.js";
export { toNodeHandler } from "./node-handler.js";
