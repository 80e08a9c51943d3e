// Participles and gerunds whose speaker is the sentence's subject: "..., saying that", "began by saying".

export const SUBJECT_PARTICIPLES = new Set([
  'saying', 'stating', 'noting', 'adding', 'warning', 'arguing', 'claiming', 'insisting', 'explaining', 'declaring',
  'acknowledging', 'announcing', 'confirming', 'denying', 'suggesting', 'predicting', 'stressing', 'urging', 'vowing', 'pledging',
  'promising', 'recalling', 'describing', 'accusing', 'conceding', 'admitting', 'reporting', 'revealing', 'indicating', 'telling'
]);

export const SAYING = new Set(['saying', 'stating', 'adding', 'arguing', 'insisting', 'explaining', 'declaring', 'telling', 'claiming', 'noting', 'warning']);

export const GERUND_PREPOSITIONS = new Set(['by', 'after', 'before', 'while', 'without', 'in', 'when']);
