// .whosaidrc.json: parseConfig (validation with line and column), resolveOptions (presets and layers),
// readConfigFile / findConfigFile on disk, and the JSON Schema kept in step with the engine.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DEFAULT_MAX_LENGTH} from '../../server/src/analysis/config/config';
import {
  CONFIG_FILE_NAMES,
  PRESETS,
  RULE_IDS,
  parseConfig,
  resolveOptions,
  type ConfigError,
  type ParsedConfig
} from '../../server/src/analysis';
import {MAX_CONFIG_BYTES, findConfigFile, formatConfigError, readConfigFile} from '../../server/src/node/config-files';

const PATH = '/drafts/.whosaidrc.json';
const ROOT = join(__dirname, '..', '..');

function errorsOf(parsed: ParsedConfig): ConfigError[] {
  if (parsed.ok) throw new Error(`expected errors, got ${JSON.stringify(parsed.config)}`);
  return parsed.errors;
}
const brief = (errors: ConfigError[]) => errors.map(({line, column, message}) => ({line, column, message}));

describe('parseConfig: valid configs', () => {
  it('an empty object', () => {
    expect(parseConfig('{}', PATH)).toEqual({ok: true, config: {}});
  });

  it('every setting', () => {
    const text = JSON.stringify({
      $schema: './node_modules/whosaid/schemas/whosaidrc.schema.json',
      preset: 'ap',
      rules: {hedge: 'off', 'loaded-verb': 'warning', 'anonymous-source': 'default'},
      allow: ['so-called', 'reportedly'],
      extra: {vagueSources: ['market watchers'], hedges: ['on paper'], editorial: ['watershed']},
      maxLength: 500000
    });
    expect(parseConfig(text, PATH)).toEqual({
      ok: true,
      config: {
        preset: 'ap',
        rules: {hedge: 'off', 'loaded-verb': 'warning', 'anonymous-source': 'default'},
        allow: ['so-called', 'reportedly'],
        extra: {vagueSources: ['market watchers'], hedges: ['on paper'], editorial: ['watershed']},
        maxLength: 500000
      }
    });
  });

  it('every rule id and every setting is accepted', () => {
    for (const id of RULE_IDS) {
      for (const setting of ['error', 'warning', 'info', 'hint', 'off', 'default']) {
        expect(parseConfig(JSON.stringify({rules: {[id]: setting}}), PATH)).toEqual({ok: true, config: {rules: {[id]: setting}}});
      }
    }
  });

  it('every preset is accepted', () => {
    for (const preset of Object.keys(PRESETS)) expect(parseConfig(JSON.stringify({preset}), PATH)).toEqual({ok: true, config: {preset}});
  });

  it('comments are allowed (the file is JSON with comments)', () => {
    expect(parseConfig('// house rules\n{"preset": "ap" /* wire desk */}', PATH)).toEqual({ok: true, config: {preset: 'ap'}});
  });

  it('blank phrases are dropped from lists', () => {
    expect(parseConfig('{"allow": ["so-called", "  ", ""]}', PATH)).toEqual({ok: true, config: {allow: ['so-called']}});
  });
});

describe('parseConfig: malformed JSON names the line and column', () => {
  it('a missing comma', () => {
    const text = '{\n  "preset": "ap"\n  "rules": {}\n}';
    expect(brief(errorsOf(parseConfig(text, PATH)))).toEqual([{line: 3, column: 3, message: 'Invalid JSON: comma expected'}]);
  });

  it('a trailing comma', () => {
    const errors = errorsOf(parseConfig('{\n  "rules": {\n    "hedge": "off",\n  }\n}', PATH));
    expect(errors[0]).toMatchObject({path: PATH, line: 4, column: 3});
    expect(errors[0].message).toMatch(/^Invalid JSON: /);
  });

  it('an empty file (or only white space) is an empty config, not an error', () => {
    expect(parseConfig('', PATH)).toEqual({ok: true, config: {}});
    expect(parseConfig(' \n\t\n', PATH)).toEqual({ok: true, config: {}});
  });

  it('an unclosed object', () => {
    const errors = errorsOf(parseConfig('{\n  "preset": "ap"', PATH));
    expect(errors[0].message).toMatch(/^Invalid JSON/);
    expect(errors[0].line).toBe(2);
  });

  it('CRLF line ends count lines the same way', () => {
    expect(brief(errorsOf(parseConfig('{\r\n  "preset": 3\r\n}', PATH)))).toEqual([
      {line: 2, column: 13, message: '"preset" must be a string'}
    ]);
  });

  it('errors carry offsets of the offending text', () => {
    const text = '{"preset": "house"}';
    const [error] = errorsOf(parseConfig(text, PATH));
    expect(text.slice(error.start, error.end)).toBe('"house"');
  });

  it.each(['[]', '"ap"', '42', 'null'])('the root must be an object: %s', (text) => {
    const [error] = errorsOf(parseConfig(text, PATH));
    expect(error.message).toBe('The config must be a JSON object, e.g. {"preset": "default"}');
    expect([error.line, error.column]).toEqual([1, 1]);
  });

  it('never throws, whatever the text', () => {
    for (const text of ['{', '}', '{"rules": {"hedge": }}', '\u0000', '{"a":'.repeat(1000), '{"rules": ' + '['.repeat(500)]) {
      expect(() => parseConfig(text, PATH)).not.toThrow();
      expect(parseConfig(text, PATH).ok).toBe(false);
    }
  });
});

describe('parseConfig: wrong types, unknown names', () => {
  it.each([
    ['{"preset": 3}', 1, 12, '"preset" must be a string'],
    ['{"rules": []}', 1, 11, '"rules" must be an object of rule ids to severities'],
    ['{"rules": {"hedge": "loud"}}', 1, 21, 'Rule "hedge" must be one of: error, warning, info, hint, off, default'],
    ['{"rules": {"hedge": false}}', 1, 21, 'Rule "hedge" must be one of: error, warning, info, hint, off, default'],
    ['{"allow": "so-called"}', 1, 11, '"allow" must be an array of strings'],
    ['{"allow": [1]}', 1, 11, '"allow" must be an array of strings'],
    ['{"extra": []}', 1, 11, '"extra" must be an object with vagueSources, hedges, editorial'],
    ['{"extra": {"hedges": "x"}}', 1, 22, '"extra.hedges" must be an array of strings'],
    ['{"maxLength": 0}', 1, 15, '"maxLength" must be a positive whole number of characters'],
    ['{"maxLength": 1.5}', 1, 15, '"maxLength" must be a positive whole number of characters'],
    ['{"maxLength": "10"}', 1, 15, '"maxLength" must be a positive whole number of characters']
  ])('%s', (text, line, column, message) => {
    expect(brief(errorsOf(parseConfig(text, PATH)))).toEqual([{line, column, message}]);
  });

  it('an unknown rule id points at the key and lists the known ones', () => {
    const text = '{\n  "rules": {\n    "hedges": "off"\n  }\n}';
    const [error] = errorsOf(parseConfig(text, PATH));
    expect([error.line, error.column]).toEqual([3, 5]);
    expect(error.message).toBe(`Unknown rule "hedges"; known rules: ${RULE_IDS.join(', ')}`);
  });

  it('an unknown preset', () => {
    expect(brief(errorsOf(parseConfig('{"preset": "house"}', PATH)))).toEqual([
      {line: 1, column: 12, message: 'Unknown preset "house"; use one of: default, strict, ap, opinion'}
    ]);
  });

  it('an unknown top-level key', () => {
    expect(brief(errorsOf(parseConfig('{"colour": "red"}', PATH)))).toEqual([
      {line: 1, column: 2, message: 'Unknown setting "colour"; known settings: preset, rules, allow, extra, maxLength'}
    ]);
  });

  it('an unknown extra list', () => {
    expect(brief(errorsOf(parseConfig('{"extra": {"names": []}}', PATH)))).toEqual([
      {line: 1, column: 12, message: 'Unknown list "extra.names"; use one of: vagueSources, hedges, editorial'}
    ]);
  });

  it('all problems are reported at once, in order', () => {
    const text = '{"rules": {"hedges": "off", "hedge": "loud"}, "preset": "house", "colour": 1}';
    expect(errorsOf(parseConfig(text, PATH)).map((e) => e.column)).toEqual([12, 38, 57, 66]);
  });

  it('formatConfigError: path:line:column: message', () => {
    const [error] = errorsOf(parseConfig('{"preset": "house"}', PATH));
    expect(formatConfigError(error)).toBe(`${PATH}:1:12: Unknown preset "house"; use one of: default, strict, ap, opinion`);
  });
});

describe('resolveOptions', () => {
  it('no layers: defaults', () => {
    expect(resolveOptions()).toEqual({
      rules: {},
      allow: [],
      extra: {vagueSources: [], hedges: [], editorial: []},
      maxLength: DEFAULT_MAX_LENGTH
    });
    expect(resolveOptions(undefined, {})).toEqual(resolveOptions());
  });

  it('a preset expands to its rules', () => {
    for (const [name, rules] of Object.entries(PRESETS)) expect(resolveOptions({preset: name}).rules).toEqual(rules);
    expect(resolveOptions({preset: 'ap'}).rules).toEqual({
      'anonymous-source': 'error',
      'unattributed-quote': 'error',
      'leftover-tk': 'error',
      'loaded-verb': 'warning'
    });
  });

  it('only the strict preset turns on the strict checks, and the last preset named decides', () => {
    expect(resolveOptions({preset: 'strict'}).strict).toBe(true);
    for (const preset of ['default', 'ap', 'opinion']) expect(resolveOptions({preset}).strict).toBeUndefined();
    expect(resolveOptions({preset: 'strict'}, {preset: 'default'}).strict).toBeUndefined();
    expect(resolveOptions({preset: 'ap'}, {preset: 'strict'}).strict).toBe(true);
    expect(resolveOptions({preset: 'strict'}, {rules: {hedge: 'info'}}).strict).toBe(true);
  });

  it("a layer's own rules win over its preset", () => {
    expect(resolveOptions({preset: 'ap', rules: {'anonymous-source': 'warning'}}).rules?.['anonymous-source']).toBe('warning');
  });

  it("later layers win: the editor's preset and rules over the file's", () => {
    const file = {preset: 'ap', rules: {hedge: 'off' as const}};
    const editor = {preset: 'opinion', rules: {'leftover-tk': 'hint' as const}};
    expect(resolveOptions(file, editor).rules).toEqual({
      'anonymous-source': 'error',
      'unattributed-quote': 'error',
      editorializing: 'off',
      hedge: 'info',
      'loaded-verb': 'off',
      'leftover-tk': 'hint'
    });
  });

  it('allow lists and extra phrases add up; maxLength is the last one set', () => {
    const options = resolveOptions(
      {allow: ['so-called'], extra: {hedges: ['on paper']}, maxLength: 1000},
      {allow: ['reportedly'], extra: {hedges: ['in theory'], vagueSources: ['pundits']}},
      {maxLength: 2000}
    );
    expect(options.allow).toEqual(['so-called', 'reportedly']);
    expect(options.extra).toEqual({vagueSources: ['pundits'], hedges: ['on paper', 'in theory'], editorial: []});
    expect(options.maxLength).toBe(2000);
  });

  it('does not change the presets it reads', () => {
    const before = JSON.stringify(PRESETS);
    const rules = resolveOptions({preset: 'ap'}).rules ?? {};
    rules['anonymous-source'] = 'off';
    expect(JSON.stringify(PRESETS)).toBe(before);
  });
});

describe('readConfigFile and findConfigFile on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'whosaid-config-'));
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('a valid file', () => {
    const path = join(dir, 'valid.json');
    writeFileSync(path, '{"preset": "strict"}');
    expect(readConfigFile(path)).toEqual({ok: true, config: {preset: 'strict'}});
  });

  it('an invalid file names the file, line and column', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{\n  "preset": "ap"\n  "rules": {}\n}');
    const [error] = errorsOf(readConfigFile(path));
    expect(formatConfigError(error)).toBe(`${path}:3:3: Invalid JSON: comma expected`);
  });

  it('a folder', () => {
    const path = join(dir, 'folder.json');
    mkdirSync(path);
    expect(brief(errorsOf(readConfigFile(path)))).toEqual([{line: 1, column: 1, message: 'The config path is a folder, not a file'}]);
  });

  it('a missing file', () => {
    const path = join(dir, 'missing.json');
    const [error] = errorsOf(readConfigFile(path));
    expect(error).toMatchObject({path, line: 1, column: 1, message: 'The config file does not exist'});
  });

  it('an enormous file is refused without being parsed', () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '{"allow": [' + '"x",'.repeat(MAX_CONFIG_BYTES / 4) + '"y"]}');
    const [error] = errorsOf(readConfigFile(path));
    expect(error.message).toMatch(/^The config file is too large \(\d+ bytes; the limit is 1000000\)$/);
  });

  it('a file just under the limit is read', () => {
    const path = join(dir, 'big.json');
    const body = '{"allow": [' + '"x",'.repeat(1000) + '"y"]}';
    writeFileSync(path, body);
    const parsed = readConfigFile(path);
    expect(parsed.ok && parsed.config.allow?.length).toBe(1001);
  });

  // Notepad and some Windows editors save a byte order mark; JSON readers (VS Code's included) skip it.
  it('a file with a UTF-8 byte order mark', () => {
    const path = join(dir, 'bom.json');
    writeFileSync(path, '\uFEFF{"preset": "ap"}');
    expect(readConfigFile(path)).toEqual({ok: true, config: {preset: 'ap'}});
  });

  it('findConfigFile walks upward, prefers .whosaidrc.json, and stops at stopDir', () => {
    const top = join(dir, 'newsroom');
    const deep = join(top, 'desk', 'drafts', '2026');
    mkdirSync(deep, {recursive: true});
    expect(findConfigFile(deep, top)).toBeNull();
    writeFileSync(join(top, '.whosaidrc'), '{}');
    expect(findConfigFile(deep, top)).toBe(join(top, '.whosaidrc'));
    writeFileSync(join(top, '.whosaidrc.json'), '{}');
    expect(findConfigFile(deep, top)).toBe(join(top, '.whosaidrc.json'));
    writeFileSync(join(top, 'desk', '.whosaidrc'), '{}');
    expect(findConfigFile(deep, top)).toBe(join(top, 'desk', '.whosaidrc'));
    // Above stopDir is not searched.
    expect(findConfigFile(deep, join(top, 'desk', 'drafts'))).toBeNull();
    expect(CONFIG_FILE_NAMES).toEqual(['.whosaidrc.json', '.whosaidrc']);
  });
});

describe('schemas/whosaidrc.schema.json is consistent with the engine', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'whosaidrc.schema.json'), 'utf8'));

  it('every rule id is in the schema, and nothing else', () => {
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual([...RULE_IDS].sort());
    expect(schema.properties.rules.additionalProperties).toBe(false);
  });

  it('every preset is in its enum, and nothing else', () => {
    expect([...schema.properties.preset.enum].sort()).toEqual(Object.keys(PRESETS).sort());
  });

  it('the settings enum is what parseConfig accepts', () => {
    const settings: string[] = schema.definitions.setting.enum;
    expect([...settings].sort()).toEqual(['default', 'error', 'hint', 'info', 'off', 'warning']);
    for (const id of Object.keys(schema.properties.rules.properties))
      expect(schema.properties.rules.properties[id]).toEqual({$ref: '#/definitions/setting'});
    for (const setting of settings) expect(parseConfig(JSON.stringify({rules: {hedge: setting}}), PATH).ok).toBe(true);
  });

  it('the top-level and extra keys are what parseConfig accepts', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'allow', 'extra', 'maxLength', 'preset', 'rules']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.extra.properties).sort()).toEqual(['editorial', 'hedges', 'vagueSources']);
    expect(schema.properties.maxLength).toMatchObject({type: 'integer', minimum: 1});
  });

  it('the VS Code settings in package.json list the same rules and presets', () => {
    const contributes = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
    expect(Object.keys(contributes['whosaid.rules'].properties).sort()).toEqual([...RULE_IDS].sort());
    expect(contributes['whosaid.preset'].enum.filter(Boolean).sort()).toEqual(Object.keys(PRESETS).sort());
  });
});
