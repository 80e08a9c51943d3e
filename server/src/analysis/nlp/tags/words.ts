// Word classes that more than one part of the tagger reads.

export const HYPHENS = new Set(['-', '\u2010', '\u2011']);
export const POSSESSIVE_PRONOUNS = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their', 'thy', 'whose']);
