// Every rule, declared once: its id, what it is in an editor's words, its default severity, the report
// category it counts in, its documentation page and the description of its setting. The id list
// (RULE_IDS), the check registry (rules/index.ts, typed so every declared rule has a check), the
// schema's and package.json's rule settings (scripts/sync-rules.mjs, test/unit/rule-declarations.test.ts)
// and the report's categories derive from this list. Data only: the VS Code client reads it without
// bundling the engine.
import type {Severity} from '../types';

/**
 * Which count of the sourcing report a rule's findings go to: sources (anonymous, vague), claims nobody
 * stands behind ("unattributed"), the writer's voice, or the draft's state.
 */
export type RuleCategory = 'source' | 'unattributed' | 'voice' | 'draft';

export interface RuleMeta {
  id: RuleId;
  category: RuleCategory;
  /** The rule's page under docs/rules/. */
  page: string;
  /** One line for the rule's setting in package.json and the config schema. */
  setting: string;
  /** The severity of a finding in the writer's own voice. */
  defaultSeverity: Severity;
  title: string;
  /** Two or three lines for a hover. */
  summary: string;
  /** The question an editor should put to the reporter. */
  ask: string;
  /** The newsroom guidance the rule rests on. */
  guidance: string;
}

// Relative to the repository, where the pages live; the CLI and the server point it at the installed
// copy (a file URL), so a link always opens offline and never names a site that does not exist.
const DOCS_BASE_DEFAULT = 'docs/rules/';
let docsBase = DOCS_BASE_DEFAULT;

/** Where rule pages live; the CLI and the server point this at the installed docs folder. */
export function setDocsBase(base: string): void {
  docsBase = base.endsWith('/') ? base : base + '/';
}

export function ruleDocsUrl(id: RuleId): string {
  return docsBase + ruleMeta(id).page;
}

const DECLARED = [
  {
    id: 'anonymous-source',
    category: 'source',
    page: 'anonymous-source.md',
    setting: 'Information attributed to a source the reader cannot identify, with no reason for anonymity.',
    defaultSeverity: 'warning',
    title: 'Anonymous source',
    summary:
      'Information is attributed to a source the reader cannot identify. Readers need to know why the source was granted anonymity and how the source knows.',
    ask: 'Why did this source need anonymity, and what is their position or access to the information? Can we get it on the record?',
    guidance:
      "AP: use anonymous sources only when the material is information, not opinion, and explain in the story why the source requested anonymity. Reuters and The New York Times also require the source's vantage point to be described."
  },
  {
    id: 'vague-source',
    category: 'source',
    page: 'vague-source.md',
    setting: 'A crowd instead of a source: "experts say", "critics argue", "local media reported".',
    defaultSeverity: 'warning',
    title: 'Vague source',
    summary:
      'The attribution names a crowd rather than a source: "experts say", "critics argue", "local media reported". The reader cannot judge who is speaking or how many agree.',
    ask: 'Which experts, which critics, which outlet? Name at least one and say what they said.',
    guidance:
      'Wikipedia MOS:WEASEL ("words to watch"): phrases such as "some people say" or "experts believe" give the appearance of support without a verifiable source. AP: attribute to a named person or organization.'
  },
  {
    id: 'unattributed-claim',
    category: 'unattributed',
    page: 'unattributed-claim.md',
    setting: 'A prediction, belief or concern with nobody behind it: "is expected to", "concerns persist".',
    defaultSeverity: 'warning',
    title: 'Unattributed claim',
    summary:
      'A prediction, belief, concern or allegation stands with nobody behind it: "is expected to", "concerns persist that", "it is believed". Passive voice hides who holds the view.',
    ask: 'Who expects, believes or fears this? Attribute it, or report it as fact if it can be verified.',
    guidance:
      'AP: opinions and predictions must be attributed. Wikipedia MOS:WEASEL: "it is believed", "is widely regarded" are unsupported attributions.'
  },
  {
    id: 'hedge',
    category: 'voice',
    page: 'hedge.md',
    setting: 'A word of doubt ("might", "reportedly", "appears to") in the writer\'s own voice.',
    defaultSeverity: 'warning',
    title: "Hedge in the writer's voice",
    summary:
      'A word of doubt ("might", "possibly", "reportedly", "appears to") in the writer\'s own sentence. Inside a quote or attributed statement it is the source\'s word and is shown only as information.',
    ask: 'Do we know this or not? If a source says it might happen, attribute the possibility to them.',
    guidance:
      'Reuters: "reportedly" is not a substitute for attribution; say who reported it. AP: avoid speculation in the reporter\'s voice.'
  },
  {
    id: 'editorializing',
    category: 'voice',
    page: 'editorializing.md',
    setting: 'The writer\'s judgement in a news sentence: "significant", "it\'s noteworthy that", "clearly".',
    defaultSeverity: 'warning',
    title: 'Editorializing',
    summary:
      'The writer\'s judgement appears in a news sentence: "significant", "it\'s noteworthy that", "clearly", "so-called". Let the facts and the sources carry the weight.',
    ask: 'Who says it is significant? Cut the judgement or attribute it.',
    guidance:
      'AP: news stories should not express the writer\'s opinion. Wikipedia "words to watch": puffery and editorializing words (notably, remarkably, clearly, of course).'
  },
  {
    id: 'unsourced-statistic',
    category: 'unattributed',
    page: 'unsourced-statistic.md',
    setting: 'A figure or trend with no source in its sentence or paragraph.',
    defaultSeverity: 'warning',
    title: 'Unsourced statistic',
    summary: 'A percentage, count, amount or trend is stated with no source in the sentence or its attributed paragraph.',
    ask: 'Where does this number come from? Cite the report, agency or dataset.',
    guidance: "AP and Reuters: figures must be attributed to their source unless they are common knowledge or the reporter's own count."
  },
  {
    id: 'unattributed-quote',
    category: 'unattributed',
    page: 'unattributed-quote.md',
    setting: 'A direct quotation with no speaker nearby.',
    defaultSeverity: 'warning',
    title: 'Quote without a speaker',
    summary: 'A direct quotation has no speaker in its sentence or the sentences beside it.',
    ask: 'Who said this, and where (interview, statement, speech)?',
    guidance: 'AP: every direct quote needs a speaker, usually with "said". Reuters: never leave a quotation unattributed.'
  },
  {
    id: 'loaded-verb',
    category: 'voice',
    page: 'loaded-verb.md',
    setting: 'An attribution verb that takes sides: "claimed", "admitted", "slammed".',
    defaultSeverity: 'info',
    title: 'Loaded attribution verb',
    summary:
      'An attribution verb that takes sides: "claimed" casts doubt, "admitted" implies guilt, "slammed" dramatizes. "Said" is neutral.',
    ask: 'Is the verb the writer\'s judgement? Prefer "said" unless the stronger verb is a fact.',
    guidance: 'AP Stylebook ("said"): said is almost always the right verb; claim, admit and insist carry connotations.'
  },
  {
    id: 'leftover-tk',
    category: 'draft',
    page: 'leftover-tk.md',
    setting: 'A [TK: ...] mark still in the draft.',
    defaultSeverity: 'warning',
    title: 'Leftover TK mark',
    summary: 'A [TK: ...] placeholder is still in the draft: something is still to come.',
    ask: 'Fill in the missing information or cut the sentence before publication.',
    guidance: 'Newsroom convention: TK ("to come") marks must all be resolved before a story is published.'
  }
] as const satisfies readonly (Omit<RuleMeta, 'id'> & {id: string})[];

export type RuleId = (typeof DECLARED)[number]['id'];

/** The rules, in the order their findings are reported for the same span. */
export const RULES: readonly RuleMeta[] = DECLARED;

export const RULE_IDS: readonly RuleId[] = DECLARED.map((rule) => rule.id);

const byId = new Map<RuleId, RuleMeta>(RULES.map((rule) => [rule.id, rule]));

export function ruleMeta(id: RuleId): RuleMeta {
  const meta = byId.get(id);
  if (!meta) throw new Error(`Unknown rule id: ${id}`);
  return meta;
}

/** The rules of a report category, e.g. the "unattributed" claims, statistics and quotes. */
export function rulesIn(category: RuleCategory): ReadonlySet<RuleId> {
  return new Set(RULES.filter((rule) => rule.category === category).map((rule) => rule.id));
}
