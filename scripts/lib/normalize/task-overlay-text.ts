/** What the generator guessed about an undeclared task protocol, for the overlay it prints. */
export interface TaskGuess {
  method: string;
  path: string;
  /** The id's property name, and pointers into the submit's answer. */
  key: string;
  id: string;
  status?: string;
  /** The object the id stands in (`["data"]` for `/data/task_id`), where the poll answers too. */
  container: string[];
  /** A poll the spec already has; absent: the overlay adds one. */
  poll?: { label: string; parameter: string; status?: string; result?: string };
}

/**
 * The overlay that makes a task-id operation runnable, as YAML text ready to save: the poll
 * route (when the spec has none) answering the id, the status and the result in the same object
 * the submit answers them in, and the `x-async-task` that ties submit and poll together. The
 * status values are the common ones; the message asks to check them against the vendor's docs.
 */
export function taskOverlayText(guess: TaskGuess): string {
  const parameter = guess.poll?.parameter ?? guess.key;
  const pollPath = `${guess.path}/{${parameter}}`;
  const pollLabel = guess.poll?.label ?? `GET ${pollPath}`;
  const statusPointer = guess.poll?.status ?? guess.status ?? pointer(guess.container, "status");
  const statusKey = statusPointer.split("/").pop()!;
  const resultPointer = pointer(guess.container, "result");
  const lines = [
    "overlay: 1.0.0",
    "info:",
    `  title: Task protocol of ${guess.method.toUpperCase()} ${guess.path}`,
    "  version: 1.0.0",
    "actions:",
  ];
  if (!guess.poll) {
    // The poll answers in the submit's shape: the same container, the id, status and result.
    let schema = [
      "type: object",
      "properties:",
      `  ${guess.key}: { type: string }`,
      `  ${statusKey}: { type: string }`,
      "  result: { type: object }",
    ];
    for (const name of [...guess.container].reverse())
      schema = ["type: object", "properties:", `  ${name}:`, ...schema.map((l) => `    ${l}`)];
    lines.push(
      "  - target: $.paths",
      "    update:",
      `      ${yamlKey(pollPath)}:`,
      "        get:",
      `          summary: The task's status, and its result when done`,
      "          parameters:",
      `            - { name: ${parameter}, in: path, required: true, schema: { type: string } }`,
      "          responses:",
      "            '200':",
      "              description: The task",
      "              content:",
      "                application/json:",
      "                  schema:",
      ...schema.map((l) => `                    ${l}`),
    );
  }
  lines.push(
    `  - target: $.paths[${singleQuoted(guess.path)}].${guess.method}`,
    "    update:",
    "      x-async-task:",
    `        id: ${guess.id}`,
    `        poll: { operation: ${singleQuoted(pollLabel)}, params: { path: { ${parameter}: '{id}' } } }`,
    `        status: ${statusPointer}`,
    "        done: [completed]",
    "        failed: [failed]",
    `        result: ${guess.poll ? (guess.poll.result ?? "''") : resultPointer}`,
  );
  return lines.join("\n") + "\n";
}

function pointer(container: string[], name: string): string {
  return name === ""
    ? container.length
      ? `/${container.join("/")}`
      : ""
    : `/${[...container, name].join("/")}`;
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A path as a YAML key: quoted, since `{` would open a flow mapping. */
function yamlKey(path: string): string {
  return singleQuoted(path);
}
