// Config files on disk and the analyzers built from them.
// A config file is re-read when its modification time or size changes, or when the client reports a
// change. A broken file keeps its last good contents in force and is reported once per distinct error.
import {readFileSync, statSync} from 'node:fs';
import {createAnalyzer, resolveOptions, type Analyzer, type ConfigError, type EngineOptions, type WhosaidConfig} from '../analysis';
import {findConfigFile, MAX_CONFIG_BYTES, readConfigFile} from '../node/config-files';

interface ConfigEntry {
  stamp: string;
  /** The last contents that parsed, if any ever did. */
  lastGood: WhosaidConfig | undefined;
  /** The current errors, or null when the file is fine. */
  errors: ConfigError[] | null;
  /** The file's text when it was read, for turning error offsets into positions. */
  text: string;
}

export interface ConfigProblem {
  path: string;
  errors: ConfigError[];
  text: string;
  /** Whether an older good version of the file is still in force. */
  usingLastGood: boolean;
}

export interface ConfigListener {
  /** Called when a config file turns broken or changes its errors (problem set) or turns good (problem null). */
  (path: string, problem: ConfigProblem | null): void;
}

export class ConfigStore {
  private readonly entries = new Map<string, ConfigEntry>();
  private readonly analyzers = new Map<string, Analyzer>();
  private static readonly MAX_ANALYZERS = 8;

  constructor(private readonly onProblem: ConfigListener) {}

  /** The config file that governs a document in `dir`, searching up to `stopDir`. */
  find(dir: string, stopDir: string | undefined): string | null {
    return findConfigFile(dir, stopDir);
  }

  /** The config in force for the file at `path` (the last good one if the file is broken now). */
  load(path: string): WhosaidConfig | undefined {
    const stamp = fileStamp(path);
    let entry = this.entries.get(path);
    if (entry && entry.stamp === stamp) return entry.lastGood;
    const parsed = readConfigFile(path);
    let text = '';
    if (!parsed.ok) {
      // The text is for the diagnostic on the config file; a pipe or device (refused above) is not read.
      try {
        const stat = statSync(path);
        if (stat.isFile() && stat.size <= MAX_CONFIG_BYTES) text = readFileSync(path, 'utf8');
      } catch {
        text = '';
      }
    }
    const before = entry;
    entry = {
      stamp,
      lastGood: parsed.ok ? parsed.config : before?.lastGood,
      errors: parsed.ok ? null : parsed.errors,
      text
    };
    this.entries.set(path, entry);
    const hadErrors = before?.errors ? signature(before.errors) : null;
    const hasErrors = entry.errors ? signature(entry.errors) : null;
    if (hadErrors !== hasErrors) {
      this.onProblem(path, entry.errors ? {path, errors: entry.errors, text, usingLastGood: entry.lastGood !== undefined} : null);
    }
    return entry.lastGood;
  }

  /** Forget what is known about a file, so the next load re-reads it. Its last good contents are kept. */
  invalidate(path: string): void {
    const entry = this.entries.get(path);
    if (entry) entry.stamp = '';
  }

  /** Config files currently known to be broken. */
  problems(): ConfigProblem[] {
    const list: ConfigProblem[] = [];
    for (const [path, entry] of this.entries) {
      if (entry.errors) list.push({path, errors: entry.errors, text: entry.text, usingLastGood: entry.lastGood !== undefined});
    }
    return list;
  }

  /** Engine options from the file config and the editor settings; settings win. */
  options(fileConfig: WhosaidConfig | undefined, settings: WhosaidConfig): EngineOptions {
    return resolveOptions(fileConfig, settings);
  }

  /** One analyzer per distinct set of options, so each keeps its own paragraph cache. */
  analyzer(options: EngineOptions): {key: string; analyzer: Analyzer} {
    const key = JSON.stringify(options);
    let analyzer = this.analyzers.get(key);
    if (analyzer) {
      // Keep the most recently used last.
      this.analyzers.delete(key);
    } else {
      analyzer = createAnalyzer(options);
      if (this.analyzers.size >= ConfigStore.MAX_ANALYZERS) {
        const oldest = this.analyzers.keys().next().value;
        if (oldest !== undefined) this.analyzers.delete(oldest);
      }
    }
    this.analyzers.set(key, analyzer);
    return {key, analyzer};
  }
}

function fileStamp(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  } catch {
    return 'missing';
  }
}

function signature(errors: ConfigError[]): string {
  return errors.map((error) => `${error.start}:${error.end}:${error.message}`).join('\n');
}
