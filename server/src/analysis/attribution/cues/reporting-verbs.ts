// Reporting verbs and their subjects: "the minister said", "critics who say", "..., said Mr Dobrow.".

/** Verbs that stand before their speaker at the end of a sentence ("..., said Mr Dobrow."); not "told X". */
export const INVERTING_VERBS = new Set(['said', 'says', 'added', 'adds', 'warned', 'warns', 'insisted', 'insists', 'explained', 'explains', 'noted', 'notes', 'argued', 'argues', 'claimed', 'claims', 'stressed', 'stresses', 'wrote', 'writes', 'continued', 'continues', 'concluded']);

/** Reporting verbs that take a bare object when a person speaks ("She noted the deadline", "He mentioned the wall"). */
export const PERSON_OBJECT_VERBS = /^(not(e|es|ed|ing)|mention(s|ed|ing)?|explain(s|ed|ing)?|stress(es|ed|ing)?|recall(s|ed|ing)?|question(s|ed|ing)?|describe(s|d)?|ask(s|ed)?|tout(s|ed|ing)?|urg(e|es|ed|ing)|remind(s|ed|ing)?|assur(e|es|ed|ing)|thank(ed|ing)?|encourag(e|es|ed|ing)|discuss(es|ed|ing)?|repeat(ed|ing)|highlight(ed|ing))$/;

export const COORDINATORS = new Set(['and', 'but', 'then']);
