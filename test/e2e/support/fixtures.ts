// Drafts for the end-to-end tests: an invented wire-style story of our own, written into a temp
// folder, and the seed article from ../shared when it is there (read in place, never copied into
// the repository).
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {REPO} from './build';

/**
 * Invented story. Each paragraph is built to draw one finding in the writer's voice, and the
 * sentences the fixes rewrite are known exactly (see FIXES).
 */
export const DRAFT = `# Flood barrier for Marrow Quay delayed again

MARROW QUAY, Estland (Wire) — The harbour board on Thursday pushed back the opening of the town's flood barrier by a year, the third delay since work began.

Board chair Agnes Tolliver said the steel gates had failed two load tests in the spring and would be rebuilt. "We will not open a barrier we cannot trust," Tolliver said.

Experts say the delay leaves the lower town exposed for another winter.

The new gates are expected to arrive from the foundry in March.

The rebuilt gates will probably be ready before the autumn storms.

It's worth noting that the quay flooded four times last year.

About 40 percent of homes in the lower town sit below the spring tide line.

A senior official at the harbour board said the contractor had been warned about the welds in January.
`;

/** The two fixes the VS Code test applies, with the exact text before and after. */
export const FIXES = {
  attribute: {
    rule: 'unsourced-statistic',
    find: '40 percent',
    title: /^Attribute this/,
    before: 'About 40 percent of homes in the lower town sit below the spring tide line.',
    after: 'About 40 percent of homes in the lower town sit below the spring tide line, according to [TK: source].'
  },
  remove: {
    rule: 'editorializing',
    find: "It's worth noting that",
    title: /^Remove/,
    before: "It's worth noting that the quay flooded four times last year.",
    after: 'The quay flooded four times last year.'
  }
} as const;

/** Rule ids the draft must draw (each at least once). */
export const DRAFT_RULES = [
  'vague-source',
  'unattributed-claim',
  'hedge',
  'editorializing',
  'unsourced-statistic',
  'anonymous-source'
] as const;

/** The seed article in ../shared, when present. */
export function seedArticle(): string | undefined {
  const path = join(REPO, '..', 'shared', 'examples', 'seed-article.txt');
  return existsSync(path) ? path : undefined;
}

export function seedText(): string | undefined {
  const path = seedArticle();
  return path ? readFileSync(path, 'utf8') : undefined;
}

export interface Workspace {
  root: string;
  draft: string;
  cleanup(): void;
}

/** A temp folder holding the draft as draft.md (and any extra files). */
export function makeWorkspace(prefix: string, extra: Record<string, string> = {}): Workspace {
  const root = mkdtempSync(join(tmpdir(), `whosaid-e2e-${prefix}-`));
  const draft = join(root, 'draft.md');
  writeFileSync(draft, DRAFT);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(root, name), text);
  return {root, draft, cleanup: () => rmSync(root, {recursive: true, force: true})};
}
