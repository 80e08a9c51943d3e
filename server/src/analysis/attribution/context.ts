// What carries from one paragraph to the next: the last speakers (any, person, body) and a quotation
// left open, and how a pronoun or "the spokesman" resolves against them.
import type {SourceKind} from '../types';

/** What the previous paragraph hands to the next. */
export interface CarriedContext {
  /** The last speaker of any kind, and the last person and the last body (institution, outlet, document). */
  lastSource: {text: string; kind: SourceKind} | null;
  lastPerson: {text: string; kind: SourceKind} | null;
  lastBody: {text: string; kind: SourceKind} | null;
  /** A quotation left open at the end of the previous paragraph, and who spoke it. */
  openQuote: boolean;
  quoteSpeaker: string | null;
}

export const EMPTY_CONTEXT: CarriedContext = {lastSource: null, lastPerson: null, lastBody: null, openQuote: false, quoteSpeaker: null};

export type Recent = Pick<CarriedContext, 'lastSource' | 'lastPerson' | 'lastBody'>;

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
  if (BODY_ANAPHORS.test(head)) return recent.lastBody ?? recent.lastSource;
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
