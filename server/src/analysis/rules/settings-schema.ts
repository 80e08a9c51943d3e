// The rules' settings as package.json (VS Code's `whosaid.rules`) and schemas/whosaidrc.schema.json list
// them, derived from the declarations in meta.ts. scripts/sync-rules.mjs writes them into those files;
// test/unit/rule-declarations.test.ts fails when the files and the declarations disagree.
import {RULES} from './meta';

const SETTINGS = ['default', 'error', 'warning', 'info', 'hint', 'off'] as const;
const SETTING_DESCRIPTIONS = [
  "The rule's own levels (e.g. hedges inside a quote are only information)",
  'Show as an error',
  'Show as a warning',
  'Show as information',
  'Show as a hint (faint dots)',
  'Turn the rule off'
];

/** `contributes.configuration.properties['whosaid.rules'].properties` of package.json. */
export function packageJsonRuleSettings(): Record<
  string,
  {type: 'string'; enum: string[]; enumDescriptions: string[]; description: string}
> {
  return Object.fromEntries(
    RULES.map((rule) => [
      rule.id,
      {type: 'string' as const, enum: [...SETTINGS], enumDescriptions: [...SETTING_DESCRIPTIONS], description: rule.setting}
    ])
  );
}

/** `properties.rules.properties` of schemas/whosaidrc.schema.json. */
export function schemaRuleSettings(): Record<string, {$ref: string}> {
  return Object.fromEntries(RULES.map((rule) => [rule.id, {$ref: '#/definitions/setting'}]));
}
