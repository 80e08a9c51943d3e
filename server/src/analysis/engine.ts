// Placeholder while the engine is written; replaced in the next commit.
import type {AnalysisResult, DocumentFormat, EngineOptions} from './types';

export interface Analyzer {
  /** Analyses a whole document, reusing cached paragraph results where their text and context are unchanged. */
  analyze(text: string, format?: DocumentFormat): AnalysisResult;
  readonly options: EngineOptions;
  /** How many paragraphs the last call analysed afresh and how many it took from the cache. */
  lastRun(): {analysed: number; reused: number};
}

export function createAnalyzer(options: EngineOptions = {}): Analyzer {
  throw new Error('engine not written yet');
}

export function analyze(text: string, options: EngineOptions = {}): AnalysisResult {
  return createAnalyzer(options).analyze(text, options.format);
}
