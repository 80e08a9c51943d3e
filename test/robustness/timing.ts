// Growth measurements for "does this stay linear?" tests. Nothing here is a wall-clock limit: a test
// compares the time for input size n with the time for size 4n, on the same machine, interleaved,
// keeping the best of several trials. Time is the process's CPU time (user + system), not wall time,
// so other work on a shared machine does not count against the code measured.

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** CPU milliseconds for one call of `fn`, repeated until at least `minMs` have passed (for fast calls). */
export function timeOnce(fn: () => void, minMs = 4): number {
  let calls = 0;
  const start = cpuMs();
  let elapsed = 0;
  do {
    fn();
    calls++;
    elapsed = cpuMs() - start;
  } while (elapsed < minMs && calls < 100_000);
  return elapsed / calls;
}

export interface Growth {
  small: number;
  large: number;
  /** large / small: about 4 for linear work, 16 for quadratic. */
  ratio: number;
}

/**
 * Best-of-`trials` time of `run(make(n))` and `run(make(4n))`, measured alternately after a warm-up.
 * `minMs` repeats fast calls so timer resolution does not decide the ratio.
 */
export function growth(make: (n: number) => string, n: number, run: (input: string) => void, trials = 3, minMs = 4): Growth {
  const small = make(n);
  const large = make(4 * n);
  run(small); // warm-up: compile the code paths before timing them
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let i = 0; i < trials; i++) {
    bestSmall = Math.min(
      bestSmall,
      timeOnce(() => run(small), minMs)
    );
    bestLarge = Math.min(
      bestLarge,
      timeOnce(() => run(large), minMs)
    );
  }
  return {small: bestSmall, large: bestLarge, ratio: bestLarge / bestSmall};
}

/** Linear work grows about 4x from n to 4n; quadratic work 16x. Anything under this bound passes. */
export const LINEAR_BOUND = 9;
