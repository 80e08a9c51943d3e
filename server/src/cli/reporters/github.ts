// GitHub Actions workflow commands: one `::warning file=...,line=...::message` line a finding, which
// the Actions runner turns into an annotation on the pull request's diff (the convention ESLint's and
// others' GitHub formatters follow). Escaping is the runner's own (actions/toolkit, command.ts): in the
// message %, CR and LF; in a property also : and , (which would end the property).
import type {JsonFileReport} from '../report';

const COMMAND: Record<string, string> = {error: 'error', warning: 'warning', info: 'notice', hint: 'notice'};

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: JsonFileReport[]): string {
  const out: string[] = [];
  for (const report of reports) {
    const file = escapeProperty(report.path.replace(/\\/g, '/'));
    for (const notice of report.notices ?? []) out.push(`::notice file=${file},title=${escapeProperty('whosaid')}::${escapeData(notice)}`);
    for (const message of report.messages) {
      const properties = [
        `file=${file}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(`whosaid: ${message.ruleId}`)}`
      ];
      out.push(`::${COMMAND[message.severity] ?? 'warning'} ${properties.join(',')}::${escapeData(message.message)}`);
    }
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}
