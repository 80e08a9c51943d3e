// Each declared rule's check (rules/meta.ts declares the rules; the type makes a missing or extra check a
// compile error).
import type {RuleId} from '../types';
import type {Rule} from './rule';
import {anonymousSource} from './anonymous-source';
import {vagueSource} from './vague-source';
import {unattributedClaim} from './unattributed-claim';
import {hedge} from './hedge';
import {editorializing} from './editorializing';
import {unsourcedStatistic} from './unsourced-statistic';
import {unattributedQuote} from './unattributed-quote';
import {loadedVerb} from './loaded-verb';
import {leftoverTk} from './leftover-tk';

export const RULE_CHECKS: Readonly<Record<RuleId, Rule>> = {
  'anonymous-source': anonymousSource,
  'vague-source': vagueSource,
  'unattributed-claim': unattributedClaim,
  hedge,
  editorializing,
  'unsourced-statistic': unsourcedStatistic,
  'unattributed-quote': unattributedQuote,
  'loaded-verb': loadedVerb,
  'leftover-tk': leftoverTk
};
