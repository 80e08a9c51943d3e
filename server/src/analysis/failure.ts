// Fault isolation per paragraph: what a failed paragraph reports, and the test hook that makes one fail.

/**
 * A test hook, reachable only from code in the same process (a `node -r` preload or a test), never
 * from a document or a config: a function stored under this symbol on `globalThis` is called with
 * each paragraph's text before it is analysed, and may throw to stand for a bug in the engine.
 */
export const PARAGRAPH_FAULT_HOOK = Symbol.for('whosaid.test.paragraphFault');

/** Calls the test hook, when a test has set one, with the paragraph's text. */
export function runFaultHook(text: string): void {
  const hook = (globalThis as {[key: symbol]: unknown})[PARAGRAPH_FAULT_HOOK];
  if (typeof hook === 'function') hook(text);
}

/** The error, never the paragraph: its class and message (cut short, on one line) and where it was thrown. */
export function describeFailure(error: unknown): {message: string; error: string} {
  const name = error instanceof Error ? error.name : typeof error;
  const text = error instanceof Error ? error.message : String(error);
  const short = `${name}: ${text.replace(/\s+/g, ' ').slice(0, 200)}`;
  const frames =
    error instanceof Error && typeof error.stack === 'string'
      ? error.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .slice(0, 4)
      : [];
  return {message: `whosaid could not check this paragraph: ${short}`, error: [short, ...frames.map((line) => line.trim())].join('\n')};
}
