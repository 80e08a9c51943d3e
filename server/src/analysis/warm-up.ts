// A long-running host (the language server) calls warmUp() once at start-up, so the writer's first
// draft is not the one that pays for building the lexicon and for the JIT compiling the parser and the
// rules: the first analysis in a fresh process runs several times slower than every later one.
// A one-file CLI run gains nothing from it and does not call it.
import {createAnalyzer} from './engine';
import {preloadTagger} from './nlp/tags';
import type {AnalysisResult} from './types';

/** An invented wire-style brief that walks every rule and both document formats. */
const SAMPLE = [
  '# Harbour board delays vote on ferry fares',
  '',
  'The Kestrel Bay harbour board postponed a vote on ferry fares on Tuesday, citing unnamed officials who',
  'said the budget figures were not ready. Fares are expected to rise by 12% next year, and critics argue',
  'the increase might hurt commuters.',
  '',
  '"We will not rush this," board chair Mara Oyelaran told reporters after the meeting. "The numbers',
  'have to be right." A person familiar with the talks said a deal could possibly come in March.',
  '',
  '- It is believed that the shocking plan was drawn up in secret.',
  '- "Nobody asked us," one resident complained.',
  '',
  'About 4,000 people use the ferry each day, according to the port authority. [TK: check the count]'
].join('\n');

/**
 * Analyses the built-in sample once as plain text and once as Markdown, and returns the Markdown text
 * and result, so a host can warm its own code (diagnostics, serialisation) on them too.
 */
export function warmUp(): {text: string; result: AnalysisResult} {
  // The part-of-speech model loads on the first paragraph tagged; a host that warms up pays it here.
  preloadTagger();
  const analyzer = createAnalyzer();
  analyzer.analyze(SAMPLE.replace(/^# /, ''), 'plaintext');
  return {text: SAMPLE, result: analyzer.analyze(SAMPLE, 'markdown')};
}
