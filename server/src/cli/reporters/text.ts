// A stylish-like report: a file's path, then one aligned line a finding, then a summary.
import type {JsonFileReport} from '../report';

const LABELS: Record<string, string> = {error: 'error', warning: 'warning', info: 'info', hint: 'hint'};

export function formatText(reports: JsonFileReport[], color: boolean, unreadable = 0): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const counts: Record<string, number> = {error: 0, warning: 0, info: 0, hint: 0};
  for (const report of reports) {
    if (report.messages.length === 0 && !report.notices?.length) continue;
    out.push(paint(4, report.path));
    for (const notice of report.notices ?? []) out.push(`  ${paint(33, 'notice')}  ${notice}`);
    const width = Math.max(0, ...report.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const message of report.messages) {
      counts[message.severity]++;
      const where = `${message.line}:${message.column}`.padEnd(width);
      const level =
        message.severity === 'error'
          ? paint(31, 'error  ')
          : message.severity === 'warning'
            ? paint(33, 'warning')
            : paint(36, LABELS[message.severity].padEnd(7));
      out.push(`  ${where}  ${level}  ${message.message}  ${paint(90, message.ruleId)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  // A file declined (too large, binary) or not read at all is no clean file: say so in the summary.
  const declined = reports.filter((report) => report.notices?.some((notice) => notice.startsWith('Not checked'))).length;
  const caveats = [declined > 0 ? `${declined} not checked` : '', unreadable > 0 ? `${unreadable} could not be read` : ''].filter(Boolean);
  const files = `${reports.length + unreadable} file${reports.length + unreadable === 1 ? '' : 's'}${caveats.length > 0 ? ` (${caveats.join(', ')})` : ''}`;
  if (total === 0 && caveats.length > 0) out.push(paint(33, `No findings in ${files}`));
  else if (total === 0) out.push(paint(32, `\u2714 No sourcing problems in ${files}`));
  else {
    const parts = (['error', 'warning', 'info', 'hint'] as const)
      .filter((level) => counts[level] > 0)
      .map((level) => `${counts[level]} ${level === 'info' || level === 'hint' ? level : level + (counts[level] === 1 ? '' : 's')}`);
    out.push(paint(counts.error > 0 ? 31 : 33, `\u2716 ${total} finding${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files}`));
  }
  return out.join('\n') + '\n';
}
