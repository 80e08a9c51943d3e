// The sourcing report's HTML, separate from the webview so it can be tested without VS Code.
// Strict CSP: nothing remote, one nonce-tagged script and style, no inline style attributes.
import type {LspRange, ReportAttribution, ReportFinding, SourcingReport} from '../../server/src/lsp/protocol';
import {rulesIn} from '../../server/src/analysis/rules/meta';

const KINDS = ['named', 'institutional', 'document', 'media', 'anonymous', 'vague'] as const;
const UNATTRIBUTED: ReadonlySet<string> = rulesIn('unattributed');

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);
}

function clip(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function rangeAttr(range: LspRange | null): string {
  return range ? ` data-range="${esc(JSON.stringify(range))}" tabindex="0"` : '';
}

function sourceRow(a: ReportAttribution): string {
  const who = a.source ? a.source.text : '(no source phrase)';
  const resolved = a.resolvedSource && a.resolvedSource !== a.source?.text ? ` <span class="muted">= ${esc(a.resolvedSource)}</span>` : '';
  const notes: string[] = [];
  // The position is worth a line only when it says more than the source phrase itself.
  if (a.position && a.position !== a.source?.text) notes.push(`position: ${esc(a.position)}`);
  if (a.kind === 'anonymous')
    notes.push(a.anonymityReason ? `why anonymous: ${esc(a.anonymityReason)}` : '<strong>no reason for anonymity given</strong>');
  const covers = a.content
    ? `${a.quote ? '<span class="tag">quote</span> ' : ''}${esc(clip(a.content.text))}`
    : '<span class="muted">(nothing found)</span>';
  return (
    `<tr class="row"${rangeAttr(a.sourceRange ?? a.cueRange)}>` +
    `<td><span class="kind kind-${esc(a.kind)}">${esc(a.kind)}</span></td>` +
    `<td>${esc(who)}${resolved}${notes.length ? `<div class="muted">${notes.join(' · ')}</div>` : ''}</td>` +
    `<td>${esc(a.cue.text)}</td>` +
    `<td>${covers}</td></tr>`
  );
}

function claimRow(f: ReportFinding): string {
  return (
    `<tr class="row"${rangeAttr(f.range)}>` +
    `<td><code>${esc(f.ruleId)}</code></td>` +
    `<td>${esc(clip(f.actual, 120))}</td>` +
    `<td>${esc(f.message)}</td>` +
    `<td>${f.range.start.line + 1}</td></tr>`
  );
}

export function renderHtml(report: SourcingReport | null, name: string, nonceValue: string): string {
  const csp = `default-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; style-src 'nonce-${nonceValue}'; script-src 'nonce-${nonceValue}';`;
  let body: string;
  if (!report) {
    body = '<p>The language server did not answer. Is it running? Try "whosaid: Restart server".</p>';
  } else if (!report.checked) {
    body = '<p>whosaid does not check this document (it is disabled for it, or its language is not in <code>whosaid.languages</code>).</p>';
  } else {
    const byKind = report.counts.byKind;
    const total = KINDS.reduce((sum, kind) => sum + byKind[kind], 0);
    const bars = KINDS.map(
      (kind) =>
        `<div class="bar-row"><span class="bar-label">${kind}</span>` +
        `<span class="bar"><span class="fill kind-${kind}" data-pct="${total ? ((byKind[kind] / total) * 100).toFixed(1) : '0'}"></span></span>` +
        `<span class="bar-count">${byKind[kind]}</span></div>`
    ).join('');
    const claims = report.findings.filter((f) => UNATTRIBUTED.has(f.ruleId));
    const others = report.findings.filter((f) => !UNATTRIBUTED.has(f.ruleId));
    body =
      `<p class="summary">${report.counts.named} named · ${report.counts.anonymous} anonymous · ${report.counts.vague} vague — ` +
      `${report.counts.unattributedClaims} unattributed claim${report.counts.unattributedClaims === 1 ? '' : 's'}` +
      ` · ${report.stats.words} words</p>` +
      `<h2>Source mix</h2><div class="chart" role="img" aria-label="Distinct sources by kind">${bars}</div>` +
      `<h2>Sources (${report.attributions.length} attributions)</h2>` +
      (report.attributions.length
        ? `<table><thead><tr><th>Kind</th><th>Source</th><th>Cue</th><th>Cited for</th></tr></thead><tbody>${report.attributions.map(sourceRow).join('')}</tbody></table>`
        : '<p class="muted">No attributions found.</p>') +
      `<h2>Unattributed claims (${claims.length})</h2>` +
      (claims.length
        ? `<table><thead><tr><th>Rule</th><th>Text</th><th>Why</th><th>Line</th></tr></thead><tbody>${claims.map(claimRow).join('')}</tbody></table>`
        : '<p class="muted">None.</p>') +
      `<h2>Other findings (${others.length})</h2>` +
      (others.length
        ? `<table><thead><tr><th>Rule</th><th>Text</th><th>Why</th><th>Line</th></tr></thead><tbody>${others.map(claimRow).join('')}</tbody></table>`
        : '<p class="muted">None.</p>') +
      report.notices.map((notice) => `<p class="muted">${esc(notice)}</p>`).join('');
  }
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sourcing report</title>
<style nonce="${nonceValue}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em 2em; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
tr.row { cursor: pointer; } tr.row:hover, tr.row:focus { background: var(--vscode-list-hoverBackground); outline: none; }
.muted { opacity: 0.75; font-size: 0.9em; }
.tag { font-size: 0.8em; border: 1px solid currentColor; border-radius: 3px; padding: 0 3px; }
.kind { font-weight: 600; }
.chart { max-width: 32em; }
.bar-row { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.bar-label { width: 7em; } .bar-count { width: 2em; text-align: right; }
.bar { flex: 1; height: 12px; background: var(--vscode-editorWidget-background, #8882); border-radius: 2px; overflow: hidden; }
.fill { display: block; height: 100%; width: 0; }
.fill.kind-named { background: #3c8d3c; } .fill.kind-institutional { background: #2f7fb5; } .fill.kind-document { background: #6a5acd; }
.fill.kind-media { background: #b58a2f; } .fill.kind-anonymous { background: #c0504d; } .fill.kind-vague { background: #999; }
</style></head>
<body><h1>Sourcing report: ${esc(name)}</h1>${body}
<script nonce="${nonceValue}">
(function () {
  const vscode = acquireVsCodeApi();
  for (const fill of document.querySelectorAll('.fill')) fill.style.width = (Number(fill.dataset.pct) || 0) + '%';
  function go(row) {
    try { vscode.postMessage({type: 'reveal', range: JSON.parse(row.dataset.range)}); } catch (e) { /* ignore */ }
  }
  for (const row of document.querySelectorAll('tr[data-range]')) {
    row.addEventListener('click', () => go(row));
    row.addEventListener('keydown', (event) => { if (event.key === 'Enter') go(row); });
  }
})();
</script></body></html>`;
}
