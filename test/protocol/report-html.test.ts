// The sourcing-report webview's HTML, rendered from a real report the server sent: strict CSP, no
// remote content, draft text escaped, rows that point back at the text, a chart of the source mix.
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {renderHtml} from '../../client/src/report-html';
import type {SourcingReport} from '../../server/src/lsp/protocol';
import {COUNCIL_VOTE} from './drafts';
import {buildServer, fileUri, LspClient, removeDir, tempDir, textOf} from './harness';

const HOSTILE =
  COUNCIL_VOTE + '\nAnalysts argue the <script>alert(1)</script> closure & <img src=https://example.org/p.png> will hurt students.\n';

let dir: string;
let client: LspClient;
let report: SourcingReport;

beforeAll(async () => {
  await buildServer();
  dir = tempDir();
  client = await LspClient.start({folder: dir});
  const uri = fileUri(join(dir, 'council.md'));
  await client.open(uri, HOSTILE, 'markdown', 1);
  report = await client.request<SourcingReport>('whosaid/sourcingReport', {uri});
});

afterAll(async () => {
  await client?.stop();
  removeDir(dir);
});

describe('sourcing report HTML', () => {
  it('has a strict CSP: nothing by default, scripts and styles only with the nonce', () => {
    const html = renderHtml(report, 'council.md', 'N0nce123');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'nonce-N0nce123'");
    expect(csp).toContain("style-src 'nonce-N0nce123'");
    expect(csp).not.toContain('unsafe');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="N0nce123">');
    expect(html).toContain('<style nonce="N0nce123">');
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/<(link|iframe|object|embed|img)\b/i);
  });

  it('escapes the draft: no markup from the text gets through, and no remote address is live', () => {
    expect(report.attributions.some((a) => a.content?.text.includes('<script>'))).toBe(true);
    const html = renderHtml(report, 'council.md', 'n');
    expect(html).not.toContain('alert(1)</script>');
    expect(html).not.toContain('<img src=https://example.org');
    // Draft text appears only escaped.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; closure &amp; &lt;img src=https://example.org/p.png&gt;');
    // No element carries an address (escaped text may mention one).
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)=/i);
  });

  it('lists every source with its kind and what it is cited for, each row pointing at the text', () => {
    const html = renderHtml(report, 'council.md', 'n');
    const rows = [...html.matchAll(/<tr class="row" data-range="([^"]+)"/g)].map((m) =>
      JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    );
    expect(rows.length).toBe(report.attributions.length + report.findings.length);
    for (const [i, a] of report.attributions.entries()) {
      expect(rows[i]).toEqual(a.sourceRange ?? a.cueRange);
      if (a.source) expect(textOf(HOSTILE, rows[i])).toBe(a.source.text);
      expect(html).toContain(`<span class="kind kind-${a.kind}">${a.kind}</span>`);
    }
    expect(html).toContain('council clerk Joan Ruiz');
    expect(html).toContain('no reason for anonymity given');
    expect(html).toMatch(/Unattributed claims \(1\)/);
  });

  it('draws the source mix as bars whose widths add up to the whole', () => {
    const html = renderHtml(report, 'council.md', 'n');
    const bars = [...html.matchAll(/<span class="fill kind-(\w+)" data-pct="([\d.]+)">/g)];
    expect(bars.map((b) => b[1])).toEqual(['named', 'institutional', 'document', 'media', 'anonymous', 'vague']);
    const total = bars.reduce((sum, b) => sum + Number(b[2]), 0);
    expect(total).toBeGreaterThan(99.5);
    expect(total).toBeLessThan(100.5);
  });

  it('says so when there is no report or the document is not checked', () => {
    expect(renderHtml(null, 'x.md', 'n')).toContain('did not answer');
    expect(renderHtml({...report, checked: false}, 'x.md', 'n')).toContain('does not check this document');
  });
});
