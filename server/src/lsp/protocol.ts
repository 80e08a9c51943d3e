// What the whosaid language server adds to LSP: command ids, the sourcing-report request and the
// shapes it returns. Types and string constants only, so the VS Code client can import it without
// pulling the server into its bundle.
import type {AnalysisResult, Attribution, Finding, RuleId, SourceKind} from '../analysis/types';
import type {SourceEntry} from '../sources/list';

export const SERVER_NAME = 'whosaid';

/** Custom request: the engine's attributions and findings for an open document, as JSON. */
export const SOURCING_REPORT_REQUEST = 'whosaid/sourcingReport';

export const Commands = {
  /** Server command (workspace/executeCommand): check every draft under the workspace folders. */
  checkWorkspace: 'whosaid.checkWorkspace',
  /** Client command in VS Code; a server command in other editors (answers with window/showDocument). */
  showRuleDocumentation: 'whosaid.showRuleDocumentation',
  /** Client command in VS Code (webview); a server command elsewhere (answers with a message and the report). */
  showSourcingReport: 'whosaid.showSourcingReport',
  /** Client only. */
  restartServer: 'whosaid.restartServer',
  /** Client only: the source list of a draft (the report's `sources`) as a new Markdown or CSV document. */
  exportSourceList: 'whosaid.exportSourceList'
} as const;

/** What a client tells the server in `initializationOptions`. Every field is optional. */
export interface InitializationOptions {
  /** False in an untrusted workspace: the server then offers nothing that writes files. Default true. */
  trusted?: boolean;
  /**
   * True when the client implements `whosaid.showRuleDocumentation` and `whosaid.showSourcingReport`
   * itself (the VS Code extension does). The server then does not claim those command ids.
   */
  clientCommands?: boolean;
  /** Settings for clients without `workspace/configuration` (same shape as the `whosaid` section). */
  settings?: unknown;
}

/** The `whosaid` settings section, as the client sends it (each field optional and checked). */
export interface WhosaidSettings {
  enable: boolean;
  rules: Partial<Record<RuleId, string>>;
  /** A preset name, or "" to leave the config file's preset alone. */
  preset: string;
  /** Document language ids to check. */
  languages: string[];
  allow: string[];
  maxLength: number | null;
}

export interface SourcingReportParams {
  uri: string;
}

export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface ReportAttribution extends Attribution {
  cueRange: LspRange;
  sourceRange: LspRange | null;
  contentRange: LspRange | null;
}

export interface ReportFinding extends Finding {
  range: LspRange;
}

export interface SourcingCounts {
  /** Distinct sources by kind (a source quoted three times counts once). */
  byKind: Record<SourceKind, number>;
  /** Distinct on-the-record sources: named people, institutions, media and documents. */
  named: number;
  anonymous: number;
  vague: number;
  /** Findings of unattributed-claim, unsourced-statistic and unattributed-quote. */
  unattributedClaims: number;
  findings: number;
  byRule: Partial<Record<RuleId, number>>;
}

export interface SourcingReport {
  uri: string;
  /** The document version the report describes. */
  version: number;
  /** False when whosaid is disabled for the document or its language is not checked. */
  checked: boolean;
  counts: SourcingCounts;
  attributions: ReportAttribution[];
  findings: ReportFinding[];
  stats: AnalysisResult['stats'];
  notices: string[];
  /** The source list (as `whosaid sources` prints it): every attribution in reading order, stances included. */
  sources: SourceEntry[];
}

/** The result of `whosaid.checkWorkspace`. */
export interface WorkspaceCheckResult {
  files: number;
  filesWithFindings: number;
  findings: number;
  byRule: Partial<Record<RuleId, number>>;
  cancelled: boolean;
  skipped: number;
}

/** What the code actions need of a finding; the server builds it from its own findings for the current version. */
export interface DiagnosticData {
  /** The document version the finding was computed for. */
  version: number;
  ruleId: RuleId;
  actual: string;
  paragraphStart: number;
  suggestions: Finding['suggestions'];
}
