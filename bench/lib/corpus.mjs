// Builds the benchmark texts.
// Source: ../shared/corpus/bbc-news.jsonl (one article per line, `text` field, paragraphs split by blank lines)
// when it is there; otherwise the project's own drafts under examples/ and test/fixtures/.
// Nothing from the corpus is written into the repository: texts go to a temporary folder.
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {join, extname, basename} from 'node:path';

export const SIZES = [1_000, 10_000, 100_000, 1_000_000];

export function countWords(text) {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}

/** Articles as {title, paragraphs[]} from the shared corpus, or null when absent. */
function loadCorpus(repoRoot) {
  const file = join(repoRoot, '..', 'shared', 'corpus', 'bbc-news.jsonl');
  if (!existsSync(file)) return null;
  const articles = [];
  const seen = new Set();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof record.text !== 'string') continue;
    // The corpus holds some articles twice; keep one copy so repeated text is only where we repeat it.
    if (seen.has(record.text)) continue;
    seen.add(record.text);
    const blocks = record.text
      .split(/\n\s*\n/)
      .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
      .filter(Boolean);
    // Some stories were filed twice with small changes: drop paragraphs already seen.
    const fresh = blocks.filter((b) => !seen.has(b));
    for (const b of fresh) seen.add(b);
    if (fresh.length < 2) continue;
    articles.push({title: fresh[0], paragraphs: fresh.slice(1)});
  }
  return articles.length ? {source: 'bbc-news.jsonl (../shared/corpus)', articles} : null;
}

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) walk(path, out);
    else if (['.md', '.txt', '.markdown', '.jsonl'].includes(extname(name))) out.push(path);
  }
  return out;
}

/** The project's own drafts as {title, paragraphs[]}. */
function loadOwnDrafts(repoRoot) {
  const files = [...walk(join(repoRoot, 'examples'), []), ...walk(join(repoRoot, 'test', 'fixtures'), [])];
  const articles = [];
  for (const file of files) {
    if (file.endsWith('.jsonl')) {
      // Labelled fixtures: one sentence a line; three sentences make a paragraph.
      const sentences = [];
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        try {
          const t = JSON.parse(line).text;
          if (typeof t === 'string' && t.trim()) sentences.push(t.replace(/\s+/g, ' ').trim());
        } catch {
          // not a record
        }
      }
      const paragraphs = [];
      for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
      if (paragraphs.length) articles.push({title: basename(file, '.jsonl').replace(/-/g, ' '), paragraphs});
      continue;
    }
    let text = readFileSync(file, 'utf8');
    text = text.replace(/^---\n[\s\S]*?\n---\n/, ''); // front matter
    text = text.replace(/<!--[\s\S]*?-->/g, ''); // ignore comments and similar
    const blocks = text
      .split(/\n\s*\n/)
      .map((b) =>
        b
          .replace(/^#+\s*/, '')
          .replace(/\s*\n\s*/g, ' ')
          .trim()
      )
      .filter((b) => countWords(b) > 0);
    if (blocks.length < 2) continue;
    articles.push({title: blocks[0], paragraphs: blocks.slice(1)});
  }
  return articles.length ? {source: `the project's own drafts (${files.length} files under examples/ and test/fixtures/)`, articles} : null;
}

export function loadSource(repoRoot) {
  const corpus = loadCorpus(repoRoot) ?? loadOwnDrafts(repoRoot);
  if (!corpus) throw new Error('No benchmark text: neither ../shared/corpus/bbc-news.jsonl nor drafts under examples/ or test/fixtures/.');
  corpus.totalWords = corpus.articles.reduce((n, a) => n + countWords(a.title) + a.paragraphs.reduce((m, p) => m + countWords(p), 0), 0);
  return corpus;
}

/**
 * The paragraphs of pass `k` over the source. Pass 0 is the articles as written. Later passes (needed
 * when the target exceeds the source) merge runs of neighbouring blocks (headline included), two, three
 * then four at a time, and from the fourth repeat on, shuffle each article's sentences, so that no
 * paragraph of a repeat is identical to an earlier one: a paragraph cache that dedupes within one
 * document must not get free hits from the repetition.
 */
function shuffle(items, seed) {
  const out = [...items];
  let x = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function* passBlocks(article, k, markdown) {
  if (k === 0) {
    yield markdown ? `## ${article.title}` : article.title;
    yield* article.paragraphs;
    return;
  }
  let blocks = [article.title, ...article.paragraphs];
  let run = 1 + k; // passes 1-3: runs of 2, 3, 4 blocks
  if (k > 3) {
    // Many passes (a small source): the article's sentences in a shuffled order, in runs of 3.
    blocks = shuffle(
      blocks.flatMap((b) => b.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/)),
      k * 7919 + blocks.length
    );
    run = 3;
  }
  const runs = [];
  for (let i = 0; i < blocks.length; i += run) runs.push(blocks.slice(i, i + run));
  // Fold runs of one block into a neighbour.
  const merged = [];
  for (const r of runs) {
    if (r.length === 1 && merged.length) merged[merged.length - 1].push(...r);
    else merged.push([...r]);
  }
  if (merged.length > 1 && merged[0].length === 1) merged[1].unshift(...merged.shift());
  for (const r of merged) yield r.join('. ').replace(/\.\. /g, '. ');
}

/**
 * Concatenates articles' paragraphs until `words` is reached (whole paragraphs; the last one is cut at
 * the word count). Returns {text, words, passes}: passes > 1 means the source was repeated.
 */
export function buildText(corpus, words, {markdown = false} = {}) {
  const out = [];
  let count = 0;
  let pass = 0;
  outer: for (; ; pass++) {
    for (const article of corpus.articles) {
      for (const block of passBlocks(article, pass, markdown)) {
        const w = countWords(block);
        if (count + w >= words) {
          const need = words - count;
          const cut = need === w ? block : block.split(/\s+/).slice(0, need).join(' ');
          if (need > 0) out.push(cut);
          count += need;
          break outer;
        }
        out.push(block);
        count += w;
      }
    }
    if (pass > 10_000) throw new Error('source too small');
  }
  const text = out.join('\n\n') + '\n';
  return {text, words: countWords(text), passes: pass + 1};
}
