// The whosaid engine: pure analysis of a news draft. No LSP, no VS Code, no file system, no network.
export * from './types';
export {RULES, ruleMeta, ruleDocsUrl, rulesIn, setDocsBase, type RuleCategory, type RuleMeta} from './rules/meta';
export {analyze, changedRange, createAnalyzer, type Analyzer, type DocumentSession} from './engine';
export {
  parseConfig,
  resolveOptions,
  PRESETS,
  CONFIG_FILE_NAMES,
  type WhosaidConfig,
  type ConfigError,
  type ParsedConfig
} from './config/config';
export {warmUp} from './warm-up';
export {preloadTagger, tagParagraph, tagText, tagOf, tagsOf, type Tagged, type TaggedToken, type Upos, type WordTag} from './nlp/tags';
