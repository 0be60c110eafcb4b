// Why: one place that turns a thrown IPC failure (no Tauri backend, a panic in a command) into the
// same typed `CommandError` the commands return, so screens only ever branch on `error.kind`.
import type { CommandError, Result } from "./bindings";

export type { CommandError, Result };

/** Runs a generated command and never throws: a thrown failure becomes an `io` error. */
export async function settle<T>(run: () => Promise<Result<T, CommandError>>): Promise<Result<T, CommandError>> {
  try {
    return await run();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { status: "error", error: { kind: "io", message } };
  }
}

/** A short sentence for an error the user can do nothing about but retry or report. */
export function describeError(error: CommandError): string {
  switch (error.kind) {
    case "invalid":
      return "Some fields need attention.";
    case "not_found":
      return "That item no longer exists. The list has been refreshed.";
    case "conflict":
      return `This clashes with existing data: ${error.message}`;
    case "storage":
      return `The database could not be read or written: ${error.message}`;
    case "io":
      return `Hallway could not reach its data: ${error.message}`;
    case "import":
      return `${error.file} could not be read${error.line === null ? "" : ` (line ${error.line})`}: ${error.message}`;
    case "cancelled":
      return "Cancelled; nothing was changed.";
  }
}
