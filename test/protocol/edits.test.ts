// The generic quick-fix edits on awkward documents: CRLF line ends, TOML and unclosed front matter,
// indented paragraphs, an existing file-level comment, config files with and without an allow list.
import {describe, expect, it} from 'vitest';
import {parse as parseJsonc} from 'jsonc-parser';
import type {TextEdit} from 'vscode-languageserver-protocol';
import {allowPhraseEdit, bodyStart, disableForFileEdit, ignoreHereEdit} from '../../server/src/lsp/code-actions';
import {applyTextEdits} from './harness';

const apply = (text: string, edit: {start: number; end: number; newText: string}) =>
  text.slice(0, edit.start) + edit.newText + text.slice(edit.end);

describe('ignore-here comment', () => {
  it("goes on its own line above the paragraph, with the paragraph's indentation and line ending", () => {
    const text = 'Intro.\r\n\r\n  The union might accept.\r\n';
    const at = text.indexOf('The union');
    expect(apply(text, ignoreHereEdit(text, at, 'hedge'))).toBe(
      'Intro.\r\n\r\n  <!-- whosaid-disable-next-line hedge -- TK: reason -->\r\n  The union might accept.\r\n'
    );
  });

  it('goes above a list item or a quotation line, not inside it', () => {
    const text = '- first\n- The union might accept.\n';
    const at = text.indexOf('- The');
    expect(apply(text, ignoreHereEdit(text, at, 'hedge'))).toBe(
      '- first\n<!-- whosaid-disable-next-line hedge -- TK: reason -->\n- The union might accept.\n'
    );
  });
});

describe('turn a rule off for the file', () => {
  it('finds the end of YAML, TOML and CRLF front matter, and ignores unclosed front matter', () => {
    expect(bodyStart('---\ntitle: x\n---\nBody')).toBe('---\ntitle: x\n---\n'.length);
    expect(bodyStart('---\r\ntitle: x\r\n...\r\nBody')).toBe('---\r\ntitle: x\r\n...\r\n'.length);
    expect(bodyStart('+++\ntitle = "x"\n+++\nBody')).toBe('+++\ntitle = "x"\n+++\n'.length);
    expect(bodyStart('---\ntitle: x\nBody without a closing fence')).toBe(0);
    expect(bodyStart('Body --- with a rule\n')).toBe(0);
  });

  it('inserts a comment at the top, or adds the rule to the comment already there', () => {
    expect(apply('Body.\n', disableForFileEdit('Body.\n', 'hedge'))).toBe('<!-- whosaid-disable hedge -->\nBody.\n');
    const fm = '---\na: 1\n---\n<!-- whosaid-disable hedge -->\nBody.\n';
    expect(apply(fm, disableForFileEdit(fm, 'loaded-verb'))).toBe('---\na: 1\n---\n<!-- whosaid-disable hedge loaded-verb -->\nBody.\n');
    // Front matter with nothing after it and no final newline.
    expect(apply('---\na: 1\n---', disableForFileEdit('---\na: 1\n---', 'hedge'))).toBe('---\na: 1\n---\n<!-- whosaid-disable hedge -->');
  });
});

describe('allow-list edit', () => {
  const caps = {documentChanges: true, createFiles: true};
  const edited = (text: string, phrase: string) => {
    const edit = allowPhraseEdit({path: '/ws/.whosaidrc.json', exists: true, text}, phrase, caps);
    if (!edit) return null;
    const change = edit.documentChanges![0] as {edits: TextEdit[]};
    return applyTextEdits(text, change.edits);
  };

  it('adds an allow list to a config without one, and appends to an existing list', () => {
    expect(parseJsonc(edited('{"preset": "ap"}\n', 'so-called')!)).toEqual({preset: 'ap', allow: ['so-called']});
    expect(parseJsonc(edited('{\n  "allow": ["a"]\n}\n', 'b')!)).toEqual({allow: ['a', 'b']});
  });

  it('offers nothing when the phrase is already allowed or the file cannot be edited safely', () => {
    expect(edited('{"allow": ["So-Called"]}', 'so-called')).toBeNull();
    expect(edited('{"allow": "not a list"}', 'x')).toBeNull();
    expect(edited('{"allow": [', 'x')).toBeNull();
    expect(edited('[1, 2]', 'x')).toBeNull();
    // A missing file needs a client that can create files.
    expect(
      allowPhraseEdit({path: '/ws/.whosaidrc.json', exists: false, text: null}, 'x', {documentChanges: true, createFiles: false})
    ).toBeNull();
  });
});
