import { levelOf, type Change, type ChangeSink } from "./change.js";

/** What a comparator knows about one change besides its rule and message. */
export interface ChangeValues {
  before?: unknown;
  after?: unknown;
  /** JSON pointers into each side's normalized contract, turned into file:line for reviewers. */
  pointers?: { base?: string; head?: string };
}

/** Records one change under the sink's operation, at the level its rule has; returns it. */
export function emitChange(
  context: ChangeSink,
  id: string,
  message: string,
  location: string | undefined,
  values: ChangeValues,
  source = "spec",
): Change {
  const change: Change = {
    id,
    level: levelOf(id),
    method: context.method,
    path: context.path,
    message,
    source,
  };
  if (location !== undefined && location !== "") change.location = location;
  if (values.before !== undefined) change.before = values.before;
  if (values.after !== undefined) change.after = values.after;
  if (values.pointers && (values.pointers.base || values.pointers.head))
    change.pointers = { ...values.pointers };
  context.changes.push(change);
  return change;
}
