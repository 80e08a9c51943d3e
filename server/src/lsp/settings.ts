// The editor's `whosaid` settings: checked field by field, never trusted to be well formed.
import {PRESETS, RULE_IDS, type RuleId, type RuleSetting, type WhosaidConfig} from '../analysis';
import type {WhosaidSettings} from './protocol';

export const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];

export const DEFAULT_SETTINGS: WhosaidSettings = {
  enable: true,
  rules: {},
  preset: '',
  languages: DEFAULT_LANGUAGES,
  allow: [],
  maxLength: null
};

const RULE_SETTINGS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off', 'default'];

/** Turns whatever the client sent into settings; bad fields fall back to their defaults. */
export function normalizeSettings(raw: unknown): WhosaidSettings {
  const input = isObject(raw) ? raw : {};
  const settings: WhosaidSettings = {...DEFAULT_SETTINGS, rules: {}, languages: [...DEFAULT_LANGUAGES], allow: []};
  if (typeof input.enable === 'boolean') settings.enable = input.enable;
  if (isObject(input.rules)) {
    for (const [id, value] of Object.entries(input.rules)) {
      if ((RULE_IDS as readonly string[]).includes(id) && typeof value === 'string' && RULE_SETTINGS.includes(value)) {
        settings.rules[id as RuleId] = value;
      }
    }
  }
  if (typeof input.preset === 'string' && (input.preset === '' || input.preset in PRESETS)) settings.preset = input.preset;
  if (Array.isArray(input.languages)) {
    const languages = input.languages.filter((id): id is string => typeof id === 'string' && id.trim() !== '');
    if (languages.length > 0) settings.languages = languages;
  }
  if (Array.isArray(input.allow)) {
    settings.allow = input.allow.filter((phrase): phrase is string => typeof phrase === 'string' && phrase.trim() !== '');
  }
  if (typeof input.maxLength === 'number' && Number.isInteger(input.maxLength) && input.maxLength > 0) {
    settings.maxLength = input.maxLength;
  }
  return settings;
}

/** The settings as a config layer that goes over `.whosaidrc.json`. */
export function settingsLayer(settings: WhosaidSettings): WhosaidConfig {
  const layer: WhosaidConfig = {};
  if (settings.preset) layer.preset = settings.preset;
  if (Object.keys(settings.rules).length > 0) layer.rules = settings.rules as Partial<Record<RuleId, RuleSetting>>;
  if (settings.allow.length > 0) layer.allow = settings.allow;
  if (settings.maxLength !== null) layer.maxLength = settings.maxLength;
  return layer;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
