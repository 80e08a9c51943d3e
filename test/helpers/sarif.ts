// A structural check of a SARIF 2.1.0 log: the properties the OASIS schema requires, their types and
// enums, no unknown properties on the objects whosaid writes, and the cross-references the spec asks
// for (ruleIndex points at the rule with that id). Written from the SARIF 2.1.0 specification, since
// the official schema cannot be downloaded here. Returns a list of problems; empty means valid.

type Json = unknown;
const LEVELS = ['none', 'note', 'warning', 'error'];

const KNOWN: Record<string, string[]> = {
  sarifLog: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'],
  run: [
    'tool',
    'invocations',
    'conversion',
    'language',
    'versionControlProvenance',
    'originalUriBaseIds',
    'artifacts',
    'logicalLocations',
    'graphs',
    'results',
    'automationDetails',
    'runAggregates',
    'baselineGuid',
    'redactionTokens',
    'defaultEncoding',
    'defaultSourceLanguage',
    'newlineSequences',
    'columnKind',
    'externalPropertyFileReferences',
    'threadFlowLocations',
    'taxonomies',
    'addresses',
    'translations',
    'policies',
    'webRequests',
    'webResponses',
    'specialLocations',
    'properties'
  ],
  tool: ['driver', 'extensions', 'properties'],
  toolComponent: [
    'guid',
    'name',
    'organization',
    'product',
    'productSuite',
    'shortDescription',
    'fullDescription',
    'fullName',
    'version',
    'semanticVersion',
    'dottedQuadFileVersion',
    'releaseDateUtc',
    'downloadUri',
    'informationUri',
    'globalMessageStrings',
    'notifications',
    'rules',
    'taxa',
    'locations',
    'language',
    'contents',
    'isComprehensive',
    'localizedDataSemanticVersion',
    'minimumRequiredLocalizedDataSemanticVersion',
    'associatedComponent',
    'translationMetadata',
    'supportedTaxonomies',
    'properties'
  ],
  reportingDescriptor: [
    'id',
    'deprecatedIds',
    'guid',
    'deprecatedGuids',
    'name',
    'deprecatedNames',
    'shortDescription',
    'fullDescription',
    'messageStrings',
    'defaultConfiguration',
    'helpUri',
    'help',
    'relationships',
    'properties'
  ],
  reportingConfiguration: ['enabled', 'level', 'rank', 'parameters', 'properties'],
  multiformatMessageString: ['text', 'markdown', 'properties'],
  message: ['text', 'markdown', 'id', 'arguments', 'properties'],
  result: [
    'ruleId',
    'ruleIndex',
    'rule',
    'kind',
    'level',
    'message',
    'analysisTarget',
    'locations',
    'guid',
    'correlationGuid',
    'occurrenceCount',
    'partialFingerprints',
    'fingerprints',
    'stacks',
    'codeFlows',
    'graphs',
    'graphTraversals',
    'relatedLocations',
    'suppressions',
    'baselineState',
    'rank',
    'attachments',
    'hostedViewerUri',
    'workItemUris',
    'provenance',
    'fixes',
    'taxa',
    'webRequest',
    'webResponse',
    'properties'
  ],
  location: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
  physicalLocation: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'],
  artifactLocation: ['uri', 'uriBaseId', 'index', 'description', 'properties'],
  region: [
    'startLine',
    'startColumn',
    'endLine',
    'endColumn',
    'charOffset',
    'charLength',
    'byteOffset',
    'byteLength',
    'snippet',
    'message',
    'sourceLanguage',
    'properties'
  ],
  artifactContent: ['text', 'binary', 'rendered', 'properties']
};

const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInt = (value: Json, min: number) => Number.isInteger(value) && (value as number) >= min;

export function validateSarif(log: Json): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);

  const object = (value: Json, where: string, kind: string, required: string[] = []): value is Record<string, Json> => {
    if (!isObject(value)) {
      fail(where, `must be an object (${kind})`);
      return false;
    }
    for (const key of required) if (!(key in value)) fail(where, `missing required "${key}"`);
    for (const key of Object.keys(value)) if (!KNOWN[kind].includes(key)) fail(where, `unknown property "${key}" on ${kind}`);
    return true;
  };
  const string = (value: Json, where: string) => {
    if (typeof value !== 'string') fail(where, 'must be a string');
  };
  const multiformat = (value: Json, where: string) => {
    if (object(value, where, 'multiformatMessageString', ['text'])) string(value.text, `${where}.text`);
  };

  if (!object(log, '$', 'sarifLog', ['version', 'runs'])) return problems;
  if (log.version !== '2.1.0') fail('$.version', `must be "2.1.0" (got ${JSON.stringify(log.version)})`);
  if ('$schema' in log) string(log.$schema, '$.$schema');
  if (!Array.isArray(log.runs)) {
    fail('$.runs', 'must be an array');
    return problems;
  }
  log.runs.forEach((run, r) => {
    const at = `$.runs[${r}]`;
    if (!object(run, at, 'run', ['tool'])) return;
    if ('columnKind' in run && !['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string))
      fail(`${at}.columnKind`, 'bad enum value');
    let ruleIds: string[] = [];
    if (object(run.tool, `${at}.tool`, 'tool', ['driver'])) {
      const driver = run.tool.driver;
      if (object(driver, `${at}.tool.driver`, 'toolComponent', ['name'])) {
        string(driver.name, `${at}.tool.driver.name`);
        if ('version' in driver) string(driver.version, `${at}.tool.driver.version`);
        if ('informationUri' in driver) string(driver.informationUri, `${at}.tool.driver.informationUri`);
        if ('rules' in driver) {
          if (!Array.isArray(driver.rules)) fail(`${at}.tool.driver.rules`, 'must be an array');
          else {
            driver.rules.forEach((rule, i) => {
              const where = `${at}.tool.driver.rules[${i}]`;
              if (!object(rule, where, 'reportingDescriptor', ['id'])) return;
              string(rule.id, `${where}.id`);
              if ('name' in rule) string(rule.name, `${where}.name`);
              for (const key of ['shortDescription', 'fullDescription', 'help'] as const)
                if (key in rule) multiformat(rule[key], `${where}.${key}`);
              if ('helpUri' in rule) string(rule.helpUri, `${where}.helpUri`);
              if (
                'defaultConfiguration' in rule &&
                object(rule.defaultConfiguration, `${where}.defaultConfiguration`, 'reportingConfiguration')
              ) {
                const level = rule.defaultConfiguration.level;
                if (level !== undefined && !LEVELS.includes(level as string)) fail(`${where}.defaultConfiguration.level`, 'bad enum value');
              }
            });
            ruleIds = driver.rules.map((rule) => (isObject(rule) ? String(rule.id) : ''));
            if (new Set(ruleIds).size !== ruleIds.length) fail(`${at}.tool.driver.rules`, 'rule ids must be unique');
          }
        }
      }
    }
    if (!('results' in run)) return;
    if (!Array.isArray(run.results)) {
      fail(`${at}.results`, 'must be an array');
      return;
    }
    run.results.forEach((result, i) => {
      const where = `${at}.results[${i}]`;
      if (!object(result, where, 'result', ['message'])) return;
      if (object(result.message, `${where}.message`, 'message') && !('text' in result.message) && !('id' in result.message)) {
        fail(`${where}.message`, 'needs "text" or "id"');
      }
      if ('ruleId' in result) string(result.ruleId, `${where}.ruleId`);
      if ('level' in result && !LEVELS.includes(result.level as string))
        fail(`${where}.level`, `bad enum value ${JSON.stringify(result.level)}`);
      if ('ruleIndex' in result) {
        if (!isInt(result.ruleIndex, -1)) fail(`${where}.ruleIndex`, 'must be an integer >= -1');
        else if (result.ruleIndex !== -1 && ruleIds[result.ruleIndex as number] !== result.ruleId)
          fail(`${where}.ruleIndex`, `does not point at rule "${result.ruleId}"`);
      }
      if (!('locations' in result)) return;
      if (!Array.isArray(result.locations)) {
        fail(`${where}.locations`, 'must be an array');
        return;
      }
      result.locations.forEach((location, l) => {
        const lat = `${where}.locations[${l}]`;
        if (!object(location, lat, 'location') || !('physicalLocation' in location)) return;
        const physical = location.physicalLocation;
        if (!object(physical, `${lat}.physicalLocation`, 'physicalLocation')) return;
        if (!('artifactLocation' in physical) && !('address' in physical))
          fail(`${lat}.physicalLocation`, 'needs "artifactLocation" or "address"');
        if (
          'artifactLocation' in physical &&
          object(physical.artifactLocation, `${lat}.physicalLocation.artifactLocation`, 'artifactLocation')
        ) {
          if ('uri' in physical.artifactLocation) string(physical.artifactLocation.uri, `${lat}.physicalLocation.artifactLocation.uri`);
        }
        if (!('region' in physical)) return;
        const region = physical.region;
        const rat = `${lat}.physicalLocation.region`;
        if (!object(region, rat, 'region')) return;
        if (!('startLine' in region) && !('charOffset' in region) && !('byteOffset' in region))
          fail(rat, 'needs startLine, charOffset or byteOffset');
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
          if (key in region && !isInt(region[key], 1)) fail(`${rat}.${key}`, 'must be an integer >= 1');
        }
        if (isInt(region.startLine, 1) && isInt(region.endLine, 1) && (region.endLine as number) < (region.startLine as number))
          fail(rat, 'endLine < startLine');
        if (
          region.startLine === region.endLine &&
          isInt(region.startColumn, 1) &&
          isInt(region.endColumn, 1) &&
          (region.endColumn as number) < (region.startColumn as number)
        ) {
          fail(rat, 'endColumn < startColumn on one line');
        }
        if ('snippet' in region && object(region.snippet, `${rat}.snippet`, 'artifactContent')) {
          if (!('text' in region.snippet) && !('binary' in region.snippet)) fail(`${rat}.snippet`, 'needs "text" or "binary"');
        }
      });
    });
  });
  return problems;
}
