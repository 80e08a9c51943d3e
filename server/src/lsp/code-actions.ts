// Quick fixes. Each edit is a versioned WorkspaceEdit that touches only the text it must:
// the engine's own suggestions stay inside the finding's sentence, and the generic actions only insert.
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {applyEdits, modify, parse as parseJsonc, type ParseError} from 'jsonc-parser';
import {CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver';
import type {TextDocument} from 'vscode-languageserver-textdocument';
import type {Finding, RuleId, TextEdit as EngineEdit} from '../analysis';
import {rangeOf} from './diagnostics';
import {Commands, SERVER_NAME, type DiagnosticData} from './protocol';

export interface EditCapabilities {
  documentChanges: boolean;
  createFiles: boolean;
}

export interface ActionContext {
  doc: TextDocument;
  caps: EditCapabilities;
  /** False in an untrusted workspace: nothing that writes a file other than the document. */
  trusted: boolean;
  /** Where "Always allow this phrase" writes: the config file in force, or where a new one goes. */
  allowTarget: {path: string; exists: boolean; text: string | null} | null;
}

/** The reason placeholder in an ignore comment: a TK, so the comment cannot be forgotten unexplained. */
export const IGNORE_REASON_PLACEHOLDER = 'TK: reason';

/** Rules where allowing the flagged text makes no sense (a TK mark must always go). */
const NO_ALLOW: ReadonlySet<RuleId> = new Set<RuleId>(['leftover-tk']);
const MAX_ALLOW_LENGTH = 80;

export function actionsFor(diagnostic: Diagnostic, data: DiagnosticData, ctx: ActionContext): CodeAction[] {
  const {doc} = ctx;
  const rule = data.ruleId;
  const actions: CodeAction[] = [];
  const diagnostics = [diagnostic];

  for (const suggestion of data.suggestions) {
    if (suggestion.edits.length === 0) continue;
    actions.push({
      title: suggestion.title,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: documentEdit(doc, suggestion.edits, ctx.caps)
    });
  }

  actions.push({
    title: `Ignore ${rule} here, with a reason`,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: documentEdit(doc, [ignoreHereEdit(doc.getText(), data.paragraphStart, rule)], ctx.caps)
  });

  actions.push({
    title: `Turn ${rule} off for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: documentEdit(doc, [disableForFileEdit(doc.getText(), rule)], ctx.caps)
  });

  const phrase = data.actual.trim();
  if (ctx.trusted && ctx.allowTarget && !NO_ALLOW.has(rule) && phrase !== '' && phrase.length <= MAX_ALLOW_LENGTH) {
    const edit = allowPhraseEdit(ctx.allowTarget, phrase, ctx.caps);
    if (edit) {
      actions.push({
        title: `Always allow "${phrase}" (add it to ${ctx.allowTarget.exists ? baseName(ctx.allowTarget.path) : '.whosaidrc.json'})`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit
      });
    }
  }

  actions.push({
    title: `Show the documentation for ${rule}`,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    command: {
      title: `Show the documentation for ${rule}`,
      command: Commands.showRuleDocumentation,
      arguments: [rule, typeof diagnostic.codeDescription?.href === 'string' ? diagnostic.codeDescription.href : undefined]
    }
  });
  return actions;
}

export function isWhosaidDiagnostic(diagnostic: Diagnostic): boolean {
  return diagnostic.source === SERVER_NAME && typeof diagnostic.code === 'string' && diagnostic.code !== 'config';
}

/** What the code actions need of a finding (diagnostics carry no `data`: the server matches them to its findings). */
export function dataFromFinding(finding: Finding, version: number): DiagnosticData {
  return {
    version,
    ruleId: finding.ruleId,
    actual: finding.actual,
    paragraphStart: finding.paragraph.start,
    suggestions: finding.suggestions
  };
}

function documentEdit(doc: TextDocument, edits: EngineEdit[], caps: EditCapabilities): WorkspaceEdit {
  const lspEdits: TextEdit[] = edits.map((edit) => ({range: rangeOf(doc, edit.start, edit.end), newText: edit.newText}));
  if (caps.documentChanges) {
    return {documentChanges: [{textDocument: {uri: doc.uri, version: doc.version}, edits: lspEdits}]};
  }
  return {changes: {[doc.uri]: lspEdits}};
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineStartOf(text: string, offset: number): number {
  let start = Math.max(0, Math.min(offset, text.length));
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/**
 * `<!-- whosaid-disable-next-line RULE -- TK: reason -->` on its own line above the paragraph's first
 * line, indented like it. Inserted at the start of that line, so nothing after it moves within its line.
 */
export function ignoreHereEdit(text: string, paragraphStart: number, rule: RuleId): EngineEdit {
  const lineStart = lineStartOf(text, paragraphStart);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, paragraphStart))?.[0] ?? '';
  return {
    start: lineStart,
    end: lineStart,
    newText: `${indent}<!-- whosaid-disable-next-line ${rule} -- ${IGNORE_REASON_PLACEHOLDER} -->${eolOf(text)}`
  };
}

/** Where the document body starts: after YAML (---) or TOML (+++) front matter, if any. */
export function bodyStart(text: string): number {
  const match = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!match) return 0;
  const fence = match[1];
  const closers = fence === '---' ? ['---', '...'] : ['+++'];
  let pos = match[0].length;
  while (pos <= text.length) {
    const next = text.indexOf('\n', pos);
    const lineEnd = next === -1 ? text.length : next;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '').trimEnd();
    if (closers.includes(line)) return next === -1 ? text.length : next + 1;
    if (next === -1) break;
    pos = next + 1;
  }
  return 0; // Unclosed front matter: treat it as text.
}

const FILE_DIRECTIVE = /^(<!--[ \t]*whosaid-disable)((?:[ \t]+[a-z-]+)*)[ \t]*-->/;

/**
 * `<!-- whosaid-disable RULE -->` at the top of the body. If the body already opens with such a
 * comment, the rule is added to it instead of stacking a second comment.
 */
export function disableForFileEdit(text: string, rule: RuleId): EngineEdit {
  const start = bodyStart(text);
  if (start === text.length && start > 0 && !/\n$/.test(text)) {
    return {start, end: start, newText: `${eolOf(text)}<!-- whosaid-disable ${rule} -->`};
  }
  const existing = FILE_DIRECTIVE.exec(text.slice(start));
  if (existing) {
    const rules = existing[2].trim().split(/\s+/).filter(Boolean);
    if (rules.length > 0 && !rules.includes(rule)) {
      const at = start + existing[1].length + existing[2].length;
      return {start: at, end: at, newText: ` ${rule}`};
    }
  }
  return {start, end: start, newText: `<!-- whosaid-disable ${rule} -->${eolOf(text)}`};
}

/** The allow-list edit: a new `.whosaidrc.json`, or one array element added to an existing file. */
export function allowPhraseEdit(
  target: {path: string; exists: boolean; text: string | null},
  phrase: string,
  caps: EditCapabilities
): WorkspaceEdit | null {
  const uri = pathToFileURL(target.path).href;
  if (!target.exists) {
    if (!caps.documentChanges || !caps.createFiles) return null;
    const content = JSON.stringify({allow: [phrase]}, null, 2) + '\n';
    return {
      documentChanges: [
        {kind: 'create', uri, options: {ignoreIfExists: true}},
        {textDocument: {uri, version: null}, edits: [{range: zeroRange(), newText: content}]}
      ]
    };
  }
  const text = target.text;
  if (text === null) return null;
  const errors: ParseError[] = [];
  const current = parseJsonc(text, errors, {allowTrailingComma: false});
  if (errors.length > 0 || typeof current !== 'object' || current === null || Array.isArray(current)) return null;
  const allow: unknown = (current as Record<string, unknown>).allow;
  if (allow !== undefined && !Array.isArray(allow)) return null;
  if (Array.isArray(allow) && allow.some((item) => typeof item === 'string' && item.toLowerCase() === phrase.toLowerCase())) return null;
  const eol = eolOf(text);
  const jsonEdits = modify(text, ['allow', -1], phrase, {
    isArrayInsertion: true,
    formattingOptions: {insertSpaces: true, tabSize: 2, eol}
  });
  if (jsonEdits.length === 0) return null;
  // Positions are computed on the file's own text.
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const position = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
    return {line, character: offset - lineStarts[line]};
  };
  const edits: TextEdit[] = jsonEdits.map((edit) => ({
    range: {start: position(edit.offset), end: position(edit.offset + edit.length)},
    newText: edit.content
  }));
  // A sanity check that the edits produce valid JSON with the phrase in it.
  const after = applyEdits(text, jsonEdits);
  const check: ParseError[] = [];
  const parsed = parseJsonc(after, check) as {allow?: unknown};
  if (check.length > 0 || !Array.isArray(parsed?.allow) || !parsed.allow.includes(phrase)) return null;
  if (caps.documentChanges) return {documentChanges: [{textDocument: {uri, version: null}, edits}]};
  return {changes: {[uri]: edits}};
}

/** Where "Always allow this phrase" should write for a document. */
export function allowTargetFor(
  configPath: string | null,
  root: string | null,
  docPath: string | null,
  openText: (path: string) => string | null
): ActionContext['allowTarget'] {
  if (configPath) {
    let text = openText(configPath);
    if (text === null) {
      try {
        text = readFileSync(configPath, 'utf8');
      } catch {
        return null;
      }
    }
    return {path: configPath, exists: true, text};
  }
  const dir = root ?? (docPath ? dirname(docPath) : null);
  if (!dir) return null;
  const path = join(dir, '.whosaidrc.json');
  return {path, exists: existsSync(path), text: existsSync(path) ? safeRead(path) : null};
}

function safeRead(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function zeroRange() {
  return {start: {line: 0, character: 0}, end: {line: 0, character: 0}};
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
