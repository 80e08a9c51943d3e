// Applies a quick fix's TextEdits to a string, the way an editor does: all offsets refer to the
// original text, so the edits are applied right to left. Overlapping edits are a bug in the fix.
import type {Suggestion, TextEdit} from '../../server/src/analysis/types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (const edit of ordered) {
    if (!(
      Number.isInteger(edit.start) &&
      Number.isInteger(edit.end) &&
      0 <= edit.start &&
      edit.start <= edit.end &&
      edit.end <= text.length
    )) {
      throw new RangeError(`edit out of range: ${JSON.stringify(edit)} (text length ${text.length})`);
    }
  }
  for (let i = 1; i < ordered.length; i++) {
    // ordered[i] starts at or before ordered[i - 1]; it must end before the later one starts.
    // Two insertions at the same point are ambiguous too.
    if (ordered[i].end > ordered[i - 1].start || (ordered[i].start === ordered[i - 1].start && ordered[i].end === ordered[i - 1].start)) {
      throw new RangeError(`overlapping edits: ${JSON.stringify(ordered[i])} and ${JSON.stringify(ordered[i - 1])}`);
    }
  }
  let out = text;
  for (const edit of ordered) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

export function applySuggestion(text: string, suggestion: Suggestion): string {
  return applyEdits(text, suggestion.edits);
}
