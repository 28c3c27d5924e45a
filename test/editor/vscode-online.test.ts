// VS Code with the network features on, as users run it (the other VS Code runs are offline):
// code-server and Chromium, no BIT_HARBOR_OFFLINE, the catalogue URL on 127.0.0.1. One run opens
// the folder untrusted and grants trust (client/test/online-trust/); one points the catalogue at a
// port that refuses connections (client/test/online-refused/).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { refusingPort, startCatalogueHost, type CatalogueHost } from '../support/catalogue-host';
import { provisionEditorTools, ROOT, type EditorTools } from './tools';
import { runSuites } from './vscode/suites';

/** User settings of an online run: the fixture's, with the network on and the catalogue at `url`. */
function onlineSettings(url: string, workspaceTrust: boolean): Record<string, unknown> {
  return {
    'bitHarbor.catalog.offline': false,
    'bitHarbor.catalog.url': url,
    'security.workspace.trust.enabled': workspaceTrust,
    // No modal at start: the folder simply opens in restricted mode, as after "Don't Trust".
    'security.workspace.trust.startupPrompt': 'never',
  };
}

describe('VS Code online', { timeout: 30 * 60_000 }, () => {
  let tools: EditorTools;
  let host: CatalogueHost;
  before(async () => {
    tools = provisionEditorTools('vscode');
    host = await startCatalogueHost();
  });
  after(() => host.close());

  it('untrusted, then trusted: the catalogue host is used only after trust is granted', async () => {
    const result = await runSuites({
      ...tools, name: 'vscode-trust', testsPath: 'out/vscode-suite/online-trust/index.js', extensionDevelopmentPath: ROOT,
      online: { settings: onlineSettings(host.url, true), env: { BIT_HARBOR_TEST_CATALOGUE_URL: host.url }, workspaceTrust: true },
    });
    assert.equal(result.passed, 1, result.transcript);
  });

  it('a catalogue host that refuses connections: diagnostics and one notification', async () => {
    const url = `http://127.0.0.1:${await refusingPort()}/models.json`;
    const result = await runSuites({
      ...tools, name: 'vscode-refused', testsPath: 'out/vscode-suite/online-refused/index.js', extensionDevelopmentPath: ROOT,
      online: { settings: onlineSettings(url, false), env: {}, workspaceTrust: false },
    });
    assert.equal(result.passed, 1, result.transcript);
  });
});
