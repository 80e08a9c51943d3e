// leftover-tk: "[TK: ...]" marks (to come) still in the draft.
import type {RawFinding, Rule} from './rule';

const TK = /\[\s*[Tt][Kk]\b[^\]\n]{0,200}\]|\bTK\b/g;

export const leftoverTk: Rule = ({model}) => {
  const findings: RawFinding[] = [];
  if (!/tk/i.test(model.text)) return findings;
  for (const match of model.text.matchAll(TK)) {
    findings.push({
      ruleId: 'leftover-tk',
      secondary: false,
      message: `Leftover TK mark "${match[0]}": fill it in before publication`,
      start: match.index!,
      end: match.index! + match[0].length,
      expected: [],
      suggestions: [],
      related: []
    });
  }
  return findings;
};
