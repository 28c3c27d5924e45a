// `npm run package` builds a .vsix that holds only what users need, under 1 MB, and that .vsix
// installs into code-server with --install-extension and works there (client/test/installed/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { provisionEditorTools, ROOT } from './tools';
import { installExtension } from './vscode/code-server';
import { runSuites } from './vscode/suites';

const VSIX = join(ROOT, '.test-run', 'package', 'bit-harbor-values.vsix');

function unzip(...args: string[]): string {
  const result = spawnSync('unzip', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('the .vsix', { timeout: 30 * 60_000 }, () => {
  before(() => {
    mkdirSync(join(ROOT, '.test-run', 'package'), { recursive: true });
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--out', VSIX], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  });

  it('is small and holds only the bundles, manifest, docs, schemas, screenshots and icon', () => {
    assert.ok(statSync(VSIX).size < 1024 * 1024, `${statSync(VSIX).size} bytes`);
    // The README's figure is what a user checks a download against: it must stay true (±15%).
    const stated = /`npm run package`: [^.]*?about (\d+) KB/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    assert.ok(stated, 'the README states the package size');
    const kb = statSync(VSIX).size / 1000;
    assert.ok(Math.abs(kb - Number(stated[1])) <= 0.15 * kb, `the README says about ${stated[1]} KB; the .vsix is ${Math.round(kb)} KB`);
    const files = unzip('-Z1', VSIX).split('\n').filter(Boolean).sort();
    const rules = readdirSync(join(ROOT, 'docs/rules')).map((name) => `extension/docs/rules/${name}`);
    const images = readdirSync(join(ROOT, 'docs/images')).filter((name) => name.endsWith('.png')).map((name) => `extension/docs/images/${name}`);
    const expected = [
      '[Content_Types].xml', 'extension.vsixmanifest',
      'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
      'extension/dist/extension.js', 'extension/dist/language-client.js',
      'extension/dist/server.js', 'extension/dist/server-core.js', 'extension/dist/lsp.js', 'extension/dist/validators.js',
      'extension/images/icon.png',
      'extension/schemas/inference-stack.schema.json', 'extension/schemas/kubernetes.schema.json', 'extension/schemas/pre-porter.schema.json',
      ...rules, ...images,
    ].sort();
    assert.deepEqual(files, expected);
    assert.ok(images.length >= 2, 'the README screenshots are packaged');
  });

  it('carries minified bundles and a manifest with icon, categories and keywords', () => {
    const extension = unzip('-p', VSIX, 'extension/dist/extension.js');
    assert.doesNotMatch(extension, /sourceMappingURL/);
    assert.ok(extension.split('\n').length < 50, 'minified');
    const client = unzip('-p', VSIX, 'extension/dist/language-client.js');
    assert.doesNotMatch(client, /require\("vscode-languageclient/, 'the client library is bundled');
    const manifest = JSON.parse(unzip('-p', VSIX, 'extension/package.json')) as { icon: string; categories: string[]; keywords: string[]; contributes: Record<string, unknown> };
    assert.equal(manifest.icon, 'images/icon.png');
    assert.ok(manifest.categories.includes('Linters'));
    assert.ok(manifest.keywords.includes('helm'));
    assert.equal(manifest.contributes.snippets, undefined, 'the server offers the snippets');
  });

  it('installs into code-server with --install-extension and works there', async () => {
    const tools = provisionEditorTools('vscode');
    const result = await runSuites({
      ...tools, name: 'vscode-installed', testsPath: 'out/vscode-suite/installed/index.js',
      // The workbench runs extensionTestsPath only in an extension development window, so the
      // run develops an empty extension; ours comes from the extensions folder.
      extensionDevelopmentPath: join(ROOT, '.test-run', 'vscode-installed', 'empty-extension'),
      prepare: (runDir) => {
        mkdirSync(join(runDir, 'empty-extension'));
        writeFileSync(join(runDir, 'empty-extension', 'package.json'), JSON.stringify({ name: 'empty', publisher: 'bit-harbor-values-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } }));
        const output = installExtension(tools.codeServerEntry, runDir, VSIX);
        assert.match(output, /bit-harbor-values.*was successfully installed/, output);
      },
    });
    assert.equal(result.passed, 1);
  });
});
