// .whosaidrc.json: parsing, validation with line and column, presets, and merging into engine options.
// Pure: the caller reads the file; this module only sees its text.
import {parseTree, printParseErrorCode, type Node as JsonNode, type ParseError} from 'jsonc-parser';
import {RULE_IDS, type EngineOptions, type ExtraPhrases, type RuleId, type RuleSetting} from '../types';

export const CONFIG_FILE_NAMES = ['.whosaidrc.json', '.whosaidrc'] as const;

export interface WhosaidConfig {
  preset?: string;
  rules?: Partial<Record<RuleId, RuleSetting>>;
  allow?: string[];
  extra?: ExtraPhrases;
  maxLength?: number;
}

export interface ConfigError {
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** 0-based offsets of the offending text, for editors. */
  start: number;
  end: number;
  message: string;
}

export type ParsedConfig = {ok: true; config: WhosaidConfig} | {ok: false; errors: ConfigError[]};

const SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off', 'default'];
const EXTRA_KEYS: readonly (keyof ExtraPhrases)[] = ['vagueSources', 'hedges', 'editorial'];
const TOP_KEYS = ['$schema', 'preset', 'rules', 'allow', 'extra', 'maxLength'];

/** Built-in presets: rule settings applied before the config's own `rules`. */
export const PRESETS: Readonly<Record<string, Partial<Record<RuleId, RuleSetting>>>> = {
  default: {},
  // Everything the engine knows, loaded verbs included, as warnings; also turns on the strict checks
  // (vague quantities, see STRICT_PRESETS).
  strict: {'loaded-verb': 'warning'},
  // AP style: anonymity and attribution are hard rules; hedges in quotes are the source's business.
  ap: {'anonymous-source': 'error', 'unattributed-quote': 'error', 'leftover-tk': 'error', 'loaded-verb': 'warning'},
  // For opinion and analysis desks, where judgement words are the point.
  opinion: {editorializing: 'off', hedge: 'info', 'loaded-verb': 'off'}
};

/** Presets that also turn on the engine's strict checks (EngineOptions.strict). */
export const STRICT_PRESETS: ReadonlySet<string> = new Set(['strict']);

export const DEFAULT_MAX_LENGTH = 2_000_000;

/** Parses and validates a config file's text. Never throws. */
export function parseConfig(text: string, path: string): ParsedConfig {
  const errors: ConfigError[] = [];
  const locate = lineLocator(text);
  const fail = (start: number, end: number, message: string) => {
    const {line, column} = locate(start);
    errors.push({path, line, column, start, end, message});
  };

  // A byte order mark (Windows editors add one) is not an error; a space keeps the offsets.
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  // An empty file is an empty config, not a syntax error.
  if (text.trim() === '') return {ok: true, config: {}};
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, {allowTrailingComma: false, disallowComments: false});
  for (const error of parseErrors) {
    fail(error.offset, error.offset + error.length, `Invalid JSON: ${describeParseError(printParseErrorCode(error.error))}`);
  }
  if (errors.length > 0) return {ok: false, errors};
  if (!root || root.type !== 'object') {
    fail(0, text.length, 'The config must be a JSON object, e.g. {"preset": "default"}');
    return {ok: false, errors};
  }

  const config: WhosaidConfig = {};
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    const bad = (message: string, node: JsonNode = valueNode) => fail(node.offset, node.offset + node.length, message);
    switch (key) {
      case '$schema':
        break;
      case 'preset':
        if (valueNode.type !== 'string') bad('"preset" must be a string');
        else if (!(valueNode.value in PRESETS)) bad(`Unknown preset "${valueNode.value}"; use one of: ${Object.keys(PRESETS).join(', ')}`);
        else config.preset = valueNode.value;
        break;
      case 'rules': {
        if (valueNode.type !== 'object') {
          bad('"rules" must be an object of rule ids to severities');
          break;
        }
        const rules: Partial<Record<RuleId, RuleSetting>> = {};
        for (const rule of valueNode.children ?? []) {
          const [idNode, settingNode] = rule.children ?? [];
          if (!idNode || !settingNode) continue;
          const id = String(idNode.value);
          if (!(RULE_IDS as readonly string[]).includes(id)) {
            bad(`Unknown rule "${id}"; known rules: ${RULE_IDS.join(', ')}`, idNode);
          } else if (settingNode.type !== 'string' || !SETTINGS.includes(settingNode.value)) {
            bad(`Rule "${id}" must be one of: ${SETTINGS.join(', ')}`, settingNode);
          } else {
            rules[id as RuleId] = settingNode.value;
          }
        }
        config.rules = rules;
        break;
      }
      case 'allow': {
        const list = stringList(valueNode, '"allow"', bad);
        if (list) config.allow = list;
        break;
      }
      case 'extra': {
        if (valueNode.type !== 'object') {
          bad(`"extra" must be an object with ${EXTRA_KEYS.join(', ')}`);
          break;
        }
        const extra: ExtraPhrases = {};
        for (const entry of valueNode.children ?? []) {
          const [nameNode, listNode] = entry.children ?? [];
          if (!nameNode || !listNode) continue;
          const name = String(nameNode.value) as keyof ExtraPhrases;
          if (!EXTRA_KEYS.includes(name)) {
            bad(`Unknown list "extra.${name}"; use one of: ${EXTRA_KEYS.join(', ')}`, nameNode);
            continue;
          }
          const list = stringList(listNode, `"extra.${name}"`, (message) => bad(message, listNode));
          if (list) extra[name] = list;
        }
        config.extra = extra;
        break;
      }
      case 'maxLength':
        if (valueNode.type !== 'number' || !Number.isInteger(valueNode.value) || valueNode.value < 1) {
          bad('"maxLength" must be a positive whole number of characters');
        } else config.maxLength = valueNode.value;
        break;
      default:
        bad(`Unknown setting "${key}"; known settings: ${TOP_KEYS.filter((k) => k !== '$schema').join(', ')}`, keyNode);
    }
  }
  return errors.length > 0 ? {ok: false, errors} : {ok: true, config};
}

function stringList(node: JsonNode, name: string, bad: (message: string) => void): string[] | undefined {
  if (node.type !== 'array' || !(node.children ?? []).every((child) => child.type === 'string')) {
    bad(`${name} must be an array of strings`);
    return undefined;
  }
  return (node.children ?? []).map((child) => String(child.value)).filter((phrase) => phrase.trim() !== '');
}

function describeParseError(code: string): string {
  // jsonc-parser's codes are CamelCase ("CommaExpected"); say them as words.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineLocator(text: string): (offset: number) => {line: number; column: number} {
  return (offset) => {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return {line, column: offset - lineStart + 1};
  };
}

/**
 * Merges a config (and, on top, editor settings) into engine options.
 * Later layers win: preset, then the config's rules, then the overrides' preset and rules.
 */
export function resolveOptions(...layers: (WhosaidConfig | undefined)[]): EngineOptions {
  const rules: Partial<Record<RuleId, RuleSetting>> = {};
  const allow: string[] = [];
  const extra: Required<ExtraPhrases> = {vagueSources: [], hedges: [], editorial: []};
  let maxLength = DEFAULT_MAX_LENGTH;
  let strict = false;
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.preset && PRESETS[layer.preset]) {
      Object.assign(rules, PRESETS[layer.preset]);
      // The last preset named decides, as it does for the rules.
      strict = STRICT_PRESETS.has(layer.preset);
    }
    if (layer.rules) Object.assign(rules, layer.rules);
    if (layer.allow) allow.push(...layer.allow);
    for (const key of EXTRA_KEYS) extra[key].push(...(layer.extra?.[key] ?? []));
    if (layer.maxLength) maxLength = layer.maxLength;
  }
  return strict ? {rules, allow, extra, maxLength, strict} : {rules, allow, extra, maxLength};
}
