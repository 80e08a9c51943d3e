// The engine's public data shapes. Offsets are UTF-16 code-unit offsets into the
// original document text (what JavaScript strings and LSP positions use); `end` is exclusive.

// The rules are declared once, in rules/meta.ts.
import type {RuleId} from './rules/meta';
export {RULE_IDS, type RuleId} from './rules/meta';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A rule's setting in a config: a severity, `off`, or `default` (the rule's own levels). */
export type RuleSetting = Severity | 'off' | 'default';

export type DocumentFormat = 'markdown' | 'plaintext';

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type SuggestionKind = 'attribute' | 'rewrite' | 'remove' | 'name-source' | 'add-reason' | 'add-speaker';

/** A ready-made, minimal fix. Edits never reach outside the finding's sentence. */
export interface Suggestion {
  title: string;
  kind: SuggestionKind;
  edits: TextEdit[];
}

export interface RelatedSpan {
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** The editor-facing explanation, e.g. "Anonymous source with no reason given for anonymity (AP: explain why)". */
  message: string;
  start: number;
  end: number;
  /** The flagged text. */
  actual: string;
  /** Replacement suggestions, possibly empty. */
  expected: string[];
  /** The rule's documentation page. */
  url: string;
  source: 'whosaid';
  suggestions: Suggestion[];
  /** E.g. the attribution that makes a hedge the source's word. */
  related: RelatedSpan[];
  /** The paragraph the finding sits in: where an ignore comment goes. */
  paragraph: {start: number; end: number};
}

export type SourceKind = 'named' | 'institutional' | 'media' | 'document' | 'anonymous' | 'vague';

export interface Attribution {
  kind: SourceKind;
  /** The reporting verb or phrase: "said", "according to", "citing". */
  cue: TextSpan;
  /** The source phrase as written (may be a pronoun). */
  source: TextSpan | null;
  /** For pronouns and "the spokesman": the earlier source it refers to. */
  resolvedSource: string | null;
  /** What the attribution covers: the that-clause, the quote, or the sentence reported. */
  content: TextSpan | null;
  /** Whether the content is a direct quotation. */
  quote: boolean;
  /** For anonymous sources: the reason the text gives for anonymity, if any. */
  anonymityReason: string | null;
  /** For anonymous sources: the source's position or knowledge ("a senior official", "familiar with the talks"). */
  position: string | null;
  /**
   * A stand the source takes ("the union backed the plan", "the council voted") rather than
   * information it gives: it covers its content, but the sourcing report does not count it as a source.
   */
  stance: boolean;
}

export interface Quote {
  start: number;
  end: number;
  /** The speaker found for the quote, or null. */
  speaker: string | null;
}

/**
 * A paragraph whose analysis failed (a bug in whosaid, never the writer's fault). The rest of the
 * document is still checked; this paragraph has no findings.
 */
export interface ParagraphFailure {
  /** The paragraph's range in the document. */
  start: number;
  end: number;
  /** `whosaid could not check this paragraph: ...`, naming the error but never quoting the text. */
  message: string;
  /** The error's class, message and first stack frames (code locations only), for a log. */
  error: string;
}

export interface AnalysisResult {
  findings: Finding[];
  attributions: Attribution[];
  quotes: Quote[];
  stats: {words: number; paragraphs: number; sentences: number};
  /** Non-fatal notes, e.g. a document over the size limit. */
  notices: string[];
  /** Paragraphs that could not be checked; absent when every paragraph was. */
  failures?: ParagraphFailure[];
}

export interface ExtraPhrases {
  vagueSources?: string[];
  hedges?: string[];
  editorial?: string[];
}

export interface EngineOptions {
  format?: DocumentFormat;
  /** Per-rule settings, already merged with the preset. Missing rules use `default`. */
  rules?: Partial<Record<RuleId, RuleSetting>>;
  /** Phrases never to flag (case-insensitive, whole words). */
  allow?: string[];
  extra?: ExtraPhrases;
  /** Documents larger than this many UTF-16 code units are declined with a notice. */
  maxLength?: number;
  /**
   * The `strict` preset's extra checks: vague quantities in the writer's voice ("many of the
   * buildings", "in some cases"). Wikipedia counts them as weasel words; in news they are usually
   * plain description, so the other presets do not report them at all.
   */
  strict?: boolean;
}
