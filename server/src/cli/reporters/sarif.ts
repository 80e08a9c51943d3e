// SARIF 2.1.0, for code-scanning dashboards.
import type {Log, Result} from 'sarif';
import {RULES} from '../../analysis';
import type {JsonFileReport} from '../report';

const LEVEL: Record<string, Result.level> = {error: 'error', warning: 'warning', info: 'note', hint: 'note'};

export function formatSarif(reports: JsonFileReport[], version: string, toUri: (path: string) => string): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id as string, index]));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'whosaid',
            version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
              shortDescription: {text: rule.title},
              fullDescription: {text: rule.summary},
              help: {text: `${rule.ask}\n${rule.guidance}`},
              defaultConfiguration: {level: LEVEL[rule.defaultSeverity]}
            }))
          }
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((report) =>
          report.messages.map((message): Result => ({
            ruleId: message.ruleId,
            ruleIndex: ruleIndex.get(message.ruleId),
            level: LEVEL[message.severity],
            message: {text: message.message},
            locations: [
              {
                physicalLocation: {
                  artifactLocation: {uri: toUri(report.path)},
                  region: {
                    startLine: message.line,
                    startColumn: message.column,
                    endLine: message.endLine,
                    endColumn: message.endColumn,
                    snippet: {text: message.actual}
                  }
                }
              }
            ]
          }))
        )
      }
    ]
  };
  return JSON.stringify(log, null, 2) + '\n';
}
