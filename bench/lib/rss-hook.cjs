// Preloaded with `node -r` into a CLI under test: at exit, writes the process's peak RSS (in KiB,
// worker threads included) to the file named by WHOSAID_BENCH_RSS_FILE.
'use strict';
const {isMainThread} = require('node:worker_threads');
const out = process.env.WHOSAID_BENCH_RSS_FILE;
if (out && isMainThread) {
  process.on('exit', () => {
    try {
      require('node:fs').writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      // The measurement is optional; never change the CLI's behaviour.
    }
  });
}
