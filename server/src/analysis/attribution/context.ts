// What carries from one paragraph to the next: the last speakers (any, person, body) and a quotation
// left open, and how a pronoun or "the spokesman" resolves against them.
import type {SourceKind} from '../types';

/** What the previous paragraph hands to the next. */
export interface CarriedContext {
  /** The last speaker of any kind, and the last person and the last body (institution, outlet, document). */
  lastSource: {text: string; kind: SourceKind} | null;
  lastPerson: {text: string; kind: SourceKind} | null;
  lastBody: {text: string; kind: SourceKind} | null;
  /** A quotation left open at the end of the previous paragraph; who spoke it, or the quotation it ended on. */
  openQuote: boolean;
  quoteSpeaker: string | null;
}

export const EMPTY_CONTEXT: CarriedContext = {lastSource: null, lastPerson: null, lastBody: null, openQuote: false, quoteSpeaker: null};

export type Recent = Pick<CarriedContext, 'lastSource' | 'lastPerson' | 'lastBody'>;

/** A paragraph that opens with a quotation mark (after any Markdown quote or list marks). */
const OPENS_WITH_QUOTE = /^[\s>*+_#-]*["\u201c\u201e\u00ab'\u2018]/;

/**
 * The part of the carried context a paragraph can use: the speaker of a quotation the last paragraph
 * ended on matters only to a paragraph that opens with one. Dropping it elsewhere keeps the paragraph
 * cache from redoing paragraphs that cannot be affected.
 */
export function contextFor(context: CarriedContext, paragraphText: string): CarriedContext {
  if (context.openQuote || context.quoteSpeaker === null || OPENS_WITH_QUOTE.test(paragraphText)) return context;
  return {...context, quoteSpeaker: null};
}

export function contextKey(context: CarriedContext): string {
  const key = (source: CarriedContext['lastSource']) => (source ? source.kind + ':' + source.text : '');
  return `${key(context.lastSource)}|${key(context.lastPerson)}|${key(context.lastBody)}|${context.openQuote ? 1 : 0}|${context.quoteSpeaker ?? ''}`;
}

const BODY_KINDS = new Set<SourceKind>(['institutional', 'media', 'document']);

/** Anaphors that point back to a body rather than a person ("the company said"). */
/** Anaphoric heads that name nobody when nothing comes before them: a role title ("the minister") does. */
export const ANONYMOUS_FIRST_MENTIONS = /^the source$/;

export const BODY_ANAPHORS = /^(it|its|the (company|ministry|agency|statement|report|group|firm))$/;

const PERSON_ANAPHORS =
  /^(he|she|his|her|i|the (spokesman|spokeswoman|spokesperson|official|minister|president|source|lawmaker|senator|governor|mayor|chief|judge|prime minister|analyst|economist|coach|lawyer|chairman|leader|diplomat|aide|officer|professor|researcher))$/;

/**
 * What a pronoun or "the spokesman" points back to: "it" and "the company" to the last body, "he",
 * "she" and "the minister" to the last person, "they" and "we" to whoever spoke last.
 */
export function resolveAnaphor(head: string, recent: Recent): CarriedContext['lastSource'] {
  // A body's noun ("the ministry") points back to a body only: after Judge Varga spoke, "The ministry
  // said" is the ministry, not the judge. "It" may fall back to whoever spoke last, and so may a
  // person's role, who can speak for a body ("The Kremlin said ... The spokesman added").
  if (BODY_ANAPHORS.test(head)) return recent.lastBody ?? (head.startsWith('the ') ? null : recent.lastSource);
  if (PERSON_ANAPHORS.test(head)) return recent.lastPerson ?? recent.lastSource;
  return recent.lastSource;
}

export function remember(recent: Recent, speaker: {text: string; kind: SourceKind}): Recent {
  return {
    lastSource: speaker,
    lastPerson: BODY_KINDS.has(speaker.kind) ? recent.lastPerson : speaker,
    lastBody: BODY_KINDS.has(speaker.kind) ? speaker : recent.lastBody
  };
}
