import { ChainHubError } from "./chainhub-error.js";

/** The client was set up wrongly (no API key, a bad base URL); nothing was sent. */
export class ConfigurationError extends ChainHubError {
  /** Always `"ConfigurationError"`. */
  override name = "ConfigurationError";
}
