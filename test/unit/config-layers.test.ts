// The engine's overrides, profiles and policy: YAML files, front matter edge cases, the shared config object.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ConfigCache, configForDocument, frontMatterProfile, resolveConfig } from '../../server/src/engine/config/index.js';
import { KNOWN_RULES, makeTempDir, removeDir, RULE_INFO, writeTree } from './config-helpers.js';

const RULE = 'benefit-needs-support';

describe('config: overrides, profiles and policy (engine)', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('reads overrides from YAML and puts a bad glob error at its position', () => {
    writeTree(root, { '.blueprintlint.yaml': `overrides:\n  - files: ["legacy/**"]\n    rules: { ${RULE}: error }\n  - files: ["[oops"]\n    rules: { ${RULE}: off }\n` });
    const legacy = resolveConfig({ filePath: join(root, 'legacy', 'a.md'), knownRules: KNOWN_RULES, ruleInfo: RULE_INFO });
    assert.equal(legacy.config.rules[RULE]?.severity, 'error');
    assert.deepEqual(
      legacy.errors.map((e) => [e.line, e.column, e.code]),
      [[4, 13, 'glob']],
    );
    assert.match(legacy.errors[0]!.message, /^invalid glob "\[oops"/);
    const other = resolveConfig({ filePath: join(root, 'docs', 'a.md'), knownRules: KNOWN_RULES, ruleInfo: RULE_INFO });
    assert.equal(other.config.rules[RULE], undefined);
  });

  it('documents that match the same overrides share one config object', () => {
    writeTree(root, { '.blueprintlint.jsonc': JSON.stringify({ overrides: [{ files: ['legacy/**'], rules: { [RULE]: 'error' } }] }) });
    const cache = new ConfigCache();
    const at = (rel: string) => resolveConfig({ filePath: join(root, rel), knownRules: KNOWN_RULES, ruleInfo: RULE_INFO, cache }).config;
    assert.equal(at('legacy/a.md'), at('legacy/b/c.md'));
    assert.equal(at('docs/a.md'), at('x.md'));
    assert.notEqual(at('legacy/a.md'), at('docs/a.md'));
  });

  it('reads profile from front matter only: CRLF, an unclosed fence, a value that is not a name', () => {
    assert.deepEqual(frontMatterProfile('---\r\nprofile: draft\r\n---\r\n# T\r\n'), { name: 'draft', start: 14, end: 19 });
    assert.equal(frontMatterProfile('---\nprofile: draft\n# no closing fence\n'), undefined);
    assert.equal(frontMatterProfile('# T\n\n---\nprofile: draft\n---\n'), undefined);
    assert.deepEqual(frontMatterProfile('---\nprofile: [a, b]\n---\n'), { message: 'front matter "profile" must be the name of a profile from the configuration', start: 4, end: 11 });
  });

  it('applies a profile the configuration composed, and names the profiles when none is close', () => {
    writeTree(root, { '.blueprintlint.jsonc': JSON.stringify({ profiles: { draft: { rules: { [RULE]: 'info' } }, release: { rules: { [RULE]: 'error' } } } }) });
    const { config } = resolveConfig({ filePath: join(root, 'a.md'), knownRules: KNOWN_RULES, ruleInfo: RULE_INFO });
    const picked = configForDocument(config, '---\nprofile: release\n---\n');
    assert.equal(picked.config.profile, 'release');
    assert.equal(picked.config.rules[RULE]?.severity, 'error');
    assert.deepEqual(configForDocument(config, '---\nprofile: zzz\n---\n').problem, { message: 'unknown profile "zzz"; profiles are "draft", "release"', start: 13, end: 16 });
  });
});
