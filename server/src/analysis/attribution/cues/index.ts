// The cue finders of one sentence, in the order they run. The order matters: a word a finder takes is not
// offered to the later ones.
import type {Lexicon} from '../../lexicon';
import {isQuoteMark, type Sentence} from '../../nlp/tokens';
import type {SourceKind} from '../../types';
import {AS_WORDS, endsClause, holdsVerb, isDemand, isParenthetical, labelFollows, objectThen, saysWhat, timeAfter, timeBefore} from '../clauses';
import {ANONYMOUS_FIRST_MENTIONS, BODY_ANAPHORS, type Recent, resolveAnaphor} from '../context';
import type {LocalAttribution} from '../model';
import {blank, crowdless, firstSubject, spanTextOf} from '../records';
import {BE_FORMS, classifySource, isAdverbLike, isDeterminer, isPreposition, isTitleCase, phraseAfter, QUANTIFIER_SUBJECTS, type SourceClass, type Span, subjectBefore} from '../sources';
import {documentSubject, firstVerbGuess, isCrowdHead, lastWordOf, openingSubject, personSubject, plausibleSubjectEnd, possessorBefore, quantifierStandsAlone, relativeHead, trimAtVerb, untilVerb} from '../subjects';
import {beliefAt, clauseFollows} from './beliefs';
import {BASE_DOCUMENT_VERBS, baseFormAgrees, FIND_FORMS, findingReported, RECORD_FORMS} from './documents';
import {inPhrase} from './in-phrases';
import {firstAsAdverb, NOUN_PRECEDERS} from './not-a-cue';
import {GERUND_PREPOSITIONS, SAYING, SUBJECT_PARTICIPLES} from './participles';
import {ASKED_ABOUT} from './passives';
import {colonTag, quoteTag, speakerColon} from './quote-tags';
import {COORDINATORS, INVERTING_VERBS, PERSON_OBJECT_VERBS} from './reporting-verbs';

export function findAttributions(
  sentence: Sentence,
  index: number,
  lexicon: Lexicon,
  recent: Recent
): LocalAttribution[] {
  const lastSource = recent.lastSource;
  const {tokens, norms} = sentence;
  const found: LocalAttribution[] = [];
  const titleCase = isTitleCase(sentence);
  let mainSubject: {span: Span; kind: SourceKind; resolved: string | null} | null = null;
  const bareStances: LocalAttribution[] = [];

  const make = (cue: Span, source: Span | null, verbNorm: string | null, unknownAs: SourceKind | null): LocalAttribution | null => {
    let kind: SourceClass = 'unknown';
    let resolved: string | null = null;
    if (source) {
      const reading = classifySource(sentence, source, lexicon);
      kind = reading.kind;
      if (kind === 'pronoun') {
        const antecedent = resolveAnaphor(reading.head, recent);
        if (antecedent) {
          kind = antecedent.kind;
          resolved = antecedent.text;
        } else {
          // A first mention: "The ministry said" is the ministry itself; "The source said" with no
          // source before it is a source nobody has named.
          kind = ANONYMOUS_FIRST_MENTIONS.test(reading.head) ? 'anonymous' : BODY_ANAPHORS.test(reading.head) && reading.head.startsWith('the ') ? 'institutional' : 'named';
        }
      }
    }
    if (kind === 'unknown') {
      // Speech verbs with an unlisted subject ("the 45-year-old said") are still attributions;
      // thoughts and perceptions need a recognizable source.
      if (!unknownAs) return null;
      kind = unknownAs;
    }
    return {
      ...blank(index),
      kind,
      cue,
      source,
      resolvedSource: resolved,
      loaded: verbNorm ? lexicon.loadedVerbs.get(verbNorm) ?? null : null
    };
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'word') continue;

    // "according to X", "citing X": the source follows. An unlisted one is still a source
    // ("according to the 2021 census").
    const after = lexicon.sourceAfterCues.matchAt(norms, i);
    if (after) {
      const source = phraseAfter(sentence, after.to, {opensSentence: !tokens.slice(0, i).some((t) => t.kind === 'word')});
      if (source) {
        const attribution = make({from: i, to: after.to}, source, null, 'document');
        if (attribution) found.push(attribution);
        i = source.to - 1;
        continue;
      }
    }

    const norm = token.norm;
    // "Trump's claim that ...", "his promise that ...": the owner said it.
    if (lexicon.possessiveNounCues.has(norm) && norms[i + 1] === 'that') {
      const owner = possessorBefore(sentence, i, lexicon);
      if (owner) {
        const attribution = make({from: i, to: i + 1}, owner, null, null);
        if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') found.push(attribution);
        continue;
      }
    }
    // "Trump's criticism of the deal", "her support for the bill": a stand the owner takes.
    if (lexicon.possessiveStanceNouns.has(norm) && lexicon.stanceNounPrepositions.has(norms[i + 1] ?? '')) {
      const owner = possessorBefore(sentence, i, lexicon);
      if (owner) {
        const attribution = make({from: i, to: i + 1}, owner, null, null);
        if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') {
          attribution.stance = true;
          // "Britain's decision to leave" is the sentence's cue only when it has no other ("The IMF
          // pointed to Britain's decision": "pointed to").
          (norm === 'decision' || norm === 'refusal' ? bareStances : found).push(attribution);
        }
        continue;
      }
    }
    // "drew criticism from fellow senators", "won the endorsement of the union": a stand, its owner
    // after "from" when named there.
    if (lexicon.bareStanceNouns.has(norm) && lexicon.bareStanceNounPrepositions.has(norms[i + 1] ?? '') && !token.capitalized && !token.quoted) {
      const from = norms[i + 1] === 'from' ? untilVerb(norms, phraseAfter(sentence, i + 2)) : null;
      const attribution = make({from: i, to: i + 1}, from, null, 'named');
      if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') {
        attribution.stance = true;
        bareStances.push(attribution);
      }
      if (from) i = from.to - 1;
      continue;
    }
    // "The mayor is confident that", "Officials were adamant that", "He's convinced that", "Some are
    // worried it could": a view the subject holds, like "believes that".
    if (lexicon.beliefAdjectives.has(norm) && (norms[i + 1] === 'that' || clauseFollows(tokens, i + 1)) && !token.quoted) {
      const belief = beliefAt(sentence, i, lexicon);
      if (belief) {
        // As with "believe", an unnamed holder is an anonymous or vague source ("Many are convinced that").
        const attribution = make(belief.cue, belief.source, null, null);
        if (attribution) {
          found.push(attribution);
          mainSubject ??= {span: belief.source, kind: attribution.kind, resolved: attribution.resolvedSource};
        }
        continue;
      }
      // Otherwise "worried" may still be the verb ("Ruiz worried that").
    }
    const isSpeech = lexicon.speechVerbs.has(norm);
    const isThought = !isSpeech && lexicon.cognitionVerbs.has(norm);
    const isStance = !isSpeech && !isThought && lexicon.stanceVerbs.has(norm);
    const isDocumentVerb = !isSpeech && !isThought && !isStance && lexicon.documentVerbs.has(norm);
    const isCrowdOpinion = !isSpeech && !isThought && !isStance && !isDocumentVerb && lexicon.crowdOpinionVerbs.has(norm);
    if (!isSpeech && !isThought && !isStance && !isDocumentVerb && !isCrowdOpinion) continue;
    // "I know", "you know", "I have learned", "I will never answer to" are a speaker's own words (BBC quotes often run
    // over paragraphs, where the quote marks do not pair), not a new speaker for the quote.
    if (/^(know|knew|answer|learn)/.test(norm) && (token.quoted || /^(i|we|you)$/.test(tokens[i - 1]?.norm ?? '') || /^(i|we|you)$/.test(tokens[i - 2]?.norm ?? ''))) continue;
    const prev = tokens[i - 1];
    // "noted Friday that": a day between the verb and its clause.
    // "concluded this month that", "wrote last week that", "wrote recently.": a time phrase too.
    const next = tokens[i + 1 + timeAfter(norms, i + 1)];
    // "declined to comment" is a stand; "Shares declined to 300p" is a price.
    if (/^declin/.test(norm) && (tokens[i + 1]?.norm !== 'to' || !/^[a-z]+$/.test(tokens[i + 2]?.norm ?? ''))) continue;
    // "began by saying", "after telling reporters": the gerund's speaker is the sentence's subject.
    if (isSpeech && norm.endsWith('ing') && prev && GERUND_PREPOSITIONS.has(prev.norm)) {
      const subject = mainSubject ?? firstSubject(found) ?? openingSubject(sentence, lexicon, lastSource);
      if (subject) found.push({...blank(index), kind: subject.kind, cue: {from: i, to: i + 1}, source: subject.span, resolvedSource: subject.resolved, loaded: lexicon.loadedVerbs.get(norm) ?? null});
      continue;
    }
    // "It's worth noting that" is the writer's aside, not a source speaking.
    if (prev?.norm === 'worth') continue;
    // Nouns: "the report", "a statement", "his claims", "of the latest reports"; names: "the United States".
    // ("He's claiming" is a pronoun and its auxiliary, not a possessive.)
    // ("Some say", "Several said", "Most believe": a quantifier standing alone is the subject.)
    // "the first member of Congress to endorse him", "has yet to endorse", "refused to endorse": endorsing
    // is a stand, whoever the sentence says takes it (a crowd takes none).
    if (norm === 'endorse' && prev?.norm === 'to') {
      const subject = mainSubject ?? firstSubject(found) ?? openingSubject(sentence, lexicon, lastSource);
      if (!subject || !crowdless(subject.kind)) {
        found.push({...blank(index), kind: subject?.kind ?? 'named', cue: {from: i - 1, to: i + 1}, source: subject?.span ?? null, resolvedSource: subject?.resolved ?? null, stance: true});
      }
      continue;
    }
    if (prev && prev.kind === 'word' && ((isDeterminer(prev.norm) && !(QUANTIFIER_SUBJECTS.has(prev.norm) && !lexicon.ambiguousNouns.has(norm) && quantifierStandsAlone(tokens, i - 1))) || (prev.norm.endsWith("'s") && !/^(he|she|it|who|that)'s$/.test(prev.norm)) || (NOUN_PRECEDERS.has(prev.norm) && !firstAsAdverb(tokens, i)) || (isPreposition(prev.norm) && prev.norm !== 'who'))) continue;
    // Headlines capitalize their verbs ("Obama Sees 'Personal Insult'"); elsewhere a capital is a name.
    if (token.capitalized && i > 0 && !isQuoteMark(tokens[i - 1]) && !titleCase) continue;
    // "That said, ..."; "with, say, Burma" ("say" as "for example").
    if (norm === 'said' && prev?.norm === 'that' && next?.norm === ',') continue;
    if (norm === 'say' && prev?.norm === ',' && next?.norm === ',') continue;
    // "the album, which saw Andre 3000 produce one disc": a thing that saw events, not a witness.
    if ((norm === 'saw' || norm === 'sees' || norm === 'see') && prev?.norm === 'which') continue;
    // "his home state", "a reality show": a noun after a common word, not a verb after its subject.
    if (lexicon.ambiguousNouns.has(norm) && prev && !plausibleSubjectEnd(prev, lexicon) && !(isDocumentVerb && documentSubject(sentence, i, lexicon))) continue;
    // "the Merriam-Webster list were", "the report was": a noun before its own verb. Not after a pronoun
    // or a relative ("a show they claim is", "a bill which critics claim would"): there the clause
    // reported has its subject left out.
    if (lexicon.ambiguousNouns.has(norm) && next && /^(was|were|is|are|has|have|had|will|would)$/.test(next.norm) && prev && !lexicon.pronouns.has(prev.norm) && !/^(which|that|who)$/.test(norms[i - 2] ?? '')) continue;
    // "EU member states": a compound noun, though "member" can head a source ("a member said").
    if (norm === 'states' && prev?.norm === 'member') continue;
    // Passives are claims, not attributions, unless "by" names the agent ("is telling" is no passive).
    let p = i - 1;
    while (p >= 0 && isAdverbLike(tokens[p])) p--;
    if (p >= 0 && BE_FORMS.has(tokens[p].norm) && !norm.endsWith('ing')) {
      // "The papers were found by a member of the public", "recorded by the band": finding or recording
      // something is no report.
      if (next?.norm === 'by' && !isStance && !FIND_FORMS.has(norm) && !RECORD_FORMS.has(norm)) {
        const agent = phraseAfter(sentence, i + 2, {passiveAgent: true});
        if (agent) {
          const attribution = make({from: i, to: i + 2}, agent, null, 'named');
          if (attribution) found.push(attribution);
        }
      } else if (norm === 'asked' && ASKED_ABOUT.has(next?.norm ?? '.')) {
        // "Ruiz was asked about the closure", "was asked whether": the one asked answers; a stance, not
        // information, and never a crowd ("Voters were asked which"). "was asked to" is a request.
        const subject = subjectBefore(sentence, p);
        const attribution = subject && make({from: p, to: i + 1}, subject, null, null);
        if (attribution && !crowdless(attribution.kind)) {
          attribution.stance = true;
          found.push(attribution);
        }
      }
      continue;
    }

    const complementFollows =
      next === undefined ||
      next.norm === 'that' ||
      next.norm === 'whether' ||
      next.norm === 'if' ||
      next.norm === ':' ||
      next.norm === ',' ||
      next.norm === '.' ||
      isQuoteMark(next) ||
      next.norm === 'in' ||
      next.norm === 'on' ||
      // "called for new elections", "agreed to clean up the mines", "spoke about the plan"
      (lexicon.complementWords(norm)?.has(next.norm) ?? false) ||
      // "He called Burma a \"good news story\"": naming something is a judgement.
      (norm.startsWith('call') && labelFollows(tokens, i)) ||
      // "urged Congress to act", "described the plan as"
      objectThen(tokens, i, lexicon.objectComplements(norm)) ||
      (next.kind === 'word' && lexicon.pronouns.has(next.norm));
    const afterQuoteOrComma = prev !== undefined && (prev.norm === ',' || isQuoteMark(prev));

    // Participles after a comma take the sentence's main subject: "The Kremlin confirmed ..., stating that",
    // "Sanders is pushing back, questioning Clinton's judgment".
    // (", speaking on condition of anonymity" describes how the subject spoke; its verb comes later.)
    if ((SUBJECT_PARTICIPLES.has(norm) || (isSpeech && norm.endsWith('ing') && norm !== 'speaking' && norm !== 'talking')) && prev?.norm === ',') {
      const subject = mainSubject ?? firstSubject(found) ?? openingSubject(sentence, lexicon, lastSource);
      if (subject && !(crowdless(subject.kind) && (isStance || isDemand(norm, next, tokens, i)))) {
        found.push({...blank(index), kind: subject.kind, cue: {from: i, to: i + 1}, source: subject.span, resolvedSource: subject.resolved, loaded: lexicon.loadedVerbs.get(norm) ?? null});
      } else if (!subject && SAYING.has(norm) && saysWhat(tokens, i)) {
        // "Rubio hit back again, saying Christie was ...": somebody the model cannot name says it; the
        // words are reported (they are not the writer's), but no source is made up for them.
        found.push({...blank(index), cue: {from: i, to: i + 1}});
      }
      continue;
    }

    // "As Tom Ridge put it: ...", "as one official put it,": the words are the speaker's.
    if ((norm === 'put' || norm === 'puts') && norms[i + 1] === 'it' && (i + 2 >= tokens.length || /^[,:.;]$/.test(norms[i + 2]) || isQuoteMark(tokens[i + 2]))) {
      const subject = subjectBefore(sentence, i);
      const attribution = subject && make({from: i, to: i + 2}, subject, null, 'named');
      if (attribution) found.push(attribution);
      continue;
    }
    if (isDocumentVerb) {
      // "Court records show ...", "The census put the population at ...": only a real source counts.
      // The nearest noun phrase first; else a document heading the clause, however long its subject
      // ("A 2014 study by Loyola Law School professor Justin Levitt found", "The average of polls taken
      // over the past two weeks shows").
      // "the mining company, which estimates ...": the relative pronoun stands for the noun phrase before it.
      const nearest = prev && prev.norm === 'which' && tokens[i - 2]?.norm === ',' ? relativeHead(sentence, i - 1, lexicon) : subjectBefore(sentence, i);
      const heading = documentSubject(sentence, i, lexicon);
      for (const subject of [nearest, heading]) {
        if (!subject) continue;
        // A finding noun heading the clause is a document whatever its modifiers ("Another slide").
        const attribution = make({from: i, to: i + 1}, subject, null, subject === heading ? 'document' : null);
        // "Varga found a job", "Lennon recorded his album" are no findings; "the X Factor show", "a box
        // office record" are nouns.
        const finding = FIND_FORMS.has(norm) || (RECORD_FORMS.has(norm) && attribution?.kind === 'named');
        if (
          attribution &&
          attribution.kind !== 'anonymous' &&
          (norm !== 'put' && norm !== 'puts' || attribution.kind === 'document') &&
          (!BASE_DOCUMENT_VERBS.has(norm) || baseFormAgrees(sentence, i, subject)) &&
          (!finding || findingReported(sentence, i, subject, subject === heading ? 'document' : attribution.kind, lexicon))
        ) {
          found.push(attribution);
          mainSubject ??= {span: subject, kind: attribution.kind, resolved: attribution.resolvedSource};
          break;
        }
      }
      continue;
    }

    // "He noted the deadline", "Varga mentioned the wall": a few of these verbs report with a bare object
    // too, when a person says it (checked once the subject is known).
    const bareObject = lexicon.needsComplement.has(norm) && !complementFollows && !afterQuoteOrComma && !isParenthetical(tokens, i);
    if (bareObject && !PERSON_OBJECT_VERBS.test(norm)) continue;

    // "The White House is saying that": the subject stands before the auxiliary. "Liam Fox on Saturday
    // called him": a time between the subject and its verb is skipped.
    const subjectEnd = timeBefore(norms, norm.endsWith('ing') && p >= 0 && BE_FORMS.has(tokens[p].norm) ? p : i);
    // "voters who said", "critics who say": the relative pronoun stands for the noun phrase before it.
    const relative = prev !== undefined && (prev.norm === 'who' || prev.norm === 'which') && i >= 2;
    let source = relative ? relativeHead(sentence, i - 1, lexicon) : trimAtVerb(sentence, subjectBefore(sentence, subjectEnd), lexicon);
    // "The survey of more than 1,000 people reported": a finding noun heading the clause is the source,
    // not the last noun before the verb.
    const heading = source && !relative ? documentSubject(sentence, i, lexicon) : null;
    if (source && heading && heading.from < source.from && heading.to >= source.to) source = heading;
    // "what many thought", "Some say": the quantifier alone is the subject.
    if (prev && QUANTIFIER_SUBJECTS.has(prev.norm) && quantifierStandsAlone(tokens, i - 1)) source = {from: i - 1, to: i};
    // "Cruz exhorted Republicans ... and said he": the coordinated verb shares the sentence's subject.
    if (!source && prev && COORDINATORS.has(prev.norm) && !isDocumentVerb) {
      const subject = mainSubject ?? firstSubject(found) ?? openingSubject(sentence, lexicon, lastSource);
      if (subject) {
        if (!(crowdless(subject.kind) && (isStance || isDemand(norm, next, tokens, i)))) {
          found.push({...blank(index), kind: subject.kind, cue: {from: i, to: i + 1}, source: subject.span, resolvedSource: subject.resolved, loaded: lexicon.loadedVerbs.get(norm) ?? null});
        }
        continue;
      }
    }
    let inverted = false;
    // "..., it is thought he failed to get the numbers, said Mr Dobrow.": what stands before the comma
    // is a clause, what was said; the name after the verb is the speaker.
    if (source && INVERTING_VERBS.has(norm) && prev?.norm === ',' && holdsVerb(norms, source)) {
      const after = phraseAfter(sentence, i + 1);
      if (after && tokens[after.from].capitalized && !holdsVerb(norms, after) && endsClause(tokens, after.to)) {
        source = after;
        inverted = true;
      }
    }
    // A participle after a comma takes the sentence's subject, never the words after it ("..., alleging they
    // created false accounts").
    if (!source && isSpeech && !norm.endsWith('ing') && (afterQuoteOrComma || i === 0 || prev?.norm === '"')) {
      // "“...,” said the ministry." / "..., said John Smith, a spokesman."
      source = phraseAfter(sentence, i + 1);
      // "“resilient,” repeated often, ...": an adverb is no speaker.
      if (source && tokens.slice(source.from, source.to).every((word) => isAdverbLike(word))) source = null;
      inverted = source !== null;
    }
    // "... said Friday." opening a sentence (often a split after "Rep. X (D-Md.)"): the cue stands alone.
    if (!source && i === 0 && isSpeech && !norm.endsWith('ing')) {
      found.push({...blank(index), kind: lastSource?.kind ?? 'named', cue: {from: i, to: i + 1}, resolvedSource: lastSource?.text ?? null});
      continue;
    }
    if (!source) continue;
    if (isThought && inverted) continue;
    // "..., BBC Scotland has learned." reports what comes before; "what they have learned." does not.
    if (/^learn/.test(norm) && (next === undefined || next.norm === '.') && tokens[source.from - 1]?.norm !== ',') continue;
    // "from member state to member state": a phrase opening with a preposition is no subject.
    if (isPreposition(tokens[source.from].norm) && tokens[source.from].norm !== 'who') continue;
    // Forms that are as often nouns ("teaching posts") need a recognizable source.
    // "The term refers to", "The figure refers to" define; only a person refers to something.
    // "Ruiz talks about" is a person speaking; "Trade talks about tariffs" are a noun.
    if ((bareObject || /^refer/.test(norm) || norm === 'talks') && !personSubject(sentence, source, lexicon)) continue;
    const attribution = make({from: i, to: i + 1}, source, norm, isSpeech && !lexicon.ambiguousNouns.has(norm) ? 'named' : null);
    if (!attribution) continue;
    // "Officials plan to reopen the bridge", "G7 ministers called for ..." credit no information to anybody.
    // "whether the executives knew that", "Few games have hinted at", "users can see": knowing, hinting
    // and seeing credit the writer's statement to nobody, so they make no anonymous or vague source;
    // "Economists see the report as key" is an opinion.
    const demand = isStance || isDemand(norm, next, tokens, i) || /^(know|knows|knew|learned|learnt|learns|hint|hints|hinted|hinting|hoping)$/.test(norm) || (norm === 'see' && (!objectThen(tokens, i, AS_WORDS) || norms[source.to - 1] === 'people'));
    if (demand && (attribution.kind === 'anonymous' || attribution.kind === 'vague')) continue;
    // "people who feel taken for granted" describes a crowd; only "critics who say" credits it with words.
    // "legal battles with people who claim to have been hurt" describes them too;
    // "reporters who asked about the audit" ask; they tell nothing.
    if (relative && (!isSpeech || norms[source.to - 1] === 'people' || /^(ask|question)/.test(norm)) && crowdless(attribution.kind)) continue;
    // "Many fans consider the album his finest": judging verbs attribute only for a crowd.
    // "Everyone could see the sweeteners" is perception, not judgement.
    if (isCrowdOpinion && (attribution.kind !== 'vague' || !isCrowdHead(norms[lastWordOf(sentence, source)] ?? '', lexicon) || /^(can|could|will|would)$/.test(norms[i - 1] ?? ''))) continue;
    attribution.stance = isStance;
    found.push(attribution);
    if (!mainSubject && !inverted) mainSubject = {span: source, kind: attribution.kind, resolved: attribution.resolvedSource};
    if (inverted) i = source.to - 1;
  }

  // A stance noun is the sentence's cue only when it has no other ("He cited criticism of X": "cited").
  if (found.length === 0) found.push(...bareStances);

  // "PENCE: Gennifer Flowers will not be attending", "Poll: Clinton and Trump in dead heat".
  if (found.length === 0) {
    const colon = speakerColon(sentence);
    if (colon) {
      const attribution = make({from: colon.colon, to: colon.colon + 1}, colon.speaker, null, null);
      if (attribution) found.push(attribution);
    }
  }

  // Phrases like "in a statement" or "told reporters" with no verb found: the sentence's subject speaks.
  if (found.length === 0) {
    const phrase = lexicon.otherCues.findAll(norms)[0];
    if (phrase) {
      const subject = subjectBefore(sentence, firstVerbGuess(sentence, phrase.from));
      if (subject) {
        const attribution = make({from: phrase.from, to: phrase.to}, subject, null, 'named');
        if (attribution) found.push(attribution);
      }
    }
  }

  // "“Denver,” he answered.", "The Christie supporter retorted: “...”": any verb in a quotation's tag.
  if (found.length === 0) {
    const tag: {cue: Span; source: Span; kind?: SourceKind} | null = quoteTag(sentence, lexicon) ?? colonTag(sentence, lexicon, lastSource);
    if (tag) {
      const attribution = make(tag.cue, tag.source, null, tag.kind ?? 'named');
      if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') found.push(attribution);
    }
  }

  // "in a CNN poll", "in the latest surveys": the poll is the source. "in an interview", "in his
  // op-ed": the sentence's subject speaks. "in Forbes' words": the owner does.
  for (let k = 0; k < tokens.length; k++) {
    if (norms[k] !== 'in') continue;
    const phrase = inPhrase(sentence, k);
    if (!phrase) continue;
    let attribution: LocalAttribution | null = null;
    if (phrase.kind === 'poll') attribution = make({from: k, to: k + 1}, {from: k + 1, to: phrase.head + 1}, null, 'document');
    else if (phrase.kind === 'view') attribution = make({from: k, to: k + 1}, {from: k + 1, to: k + 2}, null, null);
    else if (found.length === 0) {
      const subject = subjectBefore(sentence, firstVerbGuess(sentence, k));
      if (subject && !isPreposition(norms[subject.from])) attribution = make({from: k, to: phrase.head + 1}, subject, null, 'named');
      // "In an interview with CBS, the senator ...": the speaker comes after; no source is made up.
      else if (!subject && /^(a|an)$/.test(norms[k + 1] ?? '') && norms[phrase.head] !== 'video' && !tokens.slice(0, k).some((t) => t.kind === 'word')) attribution = make({from: k, to: phrase.head + 1}, null, null, 'named');
    }
    if (attribution && attribution.kind !== 'anonymous' && attribution.kind !== 'vague') found.push(attribution);
  }

  for (const attribution of found) {
    if (attribution.source) attribution.sourceText = spanTextOf(sentence, attribution.source);
  }
  return found;
}
