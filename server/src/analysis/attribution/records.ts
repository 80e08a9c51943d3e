// The attribution record every cue finder builds, and the small helpers they share.
import type {Sentence} from '../nlp/tokens';
import type {SourceKind} from '../types';
import type {LocalAttribution} from './model';
import type {Span} from './sources';

/** Kinds a stance or a request never credits ("Officials plan to", "Many extortionists ... threatening"). */
export function crowdless(kind: SourceKind): boolean {
  return kind === 'anonymous' || kind === 'vague';
}

export function spanTextOf(sentence: Sentence, span: Span): string {
  const parts: string[] = [];
  for (let i = span.from; i < span.to; i++) {
    const token = sentence.tokens[i];
    if (i > span.from && token.start > sentence.tokens[i - 1].end) parts.push(' ');
    parts.push(token.text);
  }
  return parts.join('');
}

/** A cue's subject as the finders pass it on: where it is, what kind of source, and whom a pronoun stands for. */
export interface Subject {
  span: Span;
  kind: SourceKind;
  resolved: string | null;
}

/** The source of the first cue found that has one. */
export function firstSubject(found: LocalAttribution[]): Subject | null {
  const first = found.find((attribution) => attribution.source);
  return first?.source ? {span: first.source, kind: first.kind, resolved: first.resolvedSource} : null;
}

export function blank(sentence: number): LocalAttribution {
  return {
    sentence,
    kind: 'named',
    cue: {from: 0, to: 0},
    source: null,
    sourceText: null,
    resolvedSource: null,
    content: null,
    quote: null,
    anonymityReason: null,
    position: null,
    loaded: null,
    stance: false
  };
}
