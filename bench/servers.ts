// The two servers the benchmark compares, each started as an editor would start it and
// configured as a user would configure it for Inference Stack values files.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerSpec } from '../test/support/lsp-client';
import { offlineEnv } from '../test/support/offline';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** `profileDir`: run the server under --cpu-prof and write its profile there on exit. */
export function ourServer(profileDir?: string): ServerSpec {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  return {
    name: 'bit-harbor',
    command: process.execPath,
    args: [...profile, path.join(REPO_ROOT, 'dist/server.js'), '--stdio'],
    env: offlineEnv('bench'),
    configuration: (section) => (section === 'bitHarbor' ? { catalog: { offline: true } } : null),
  };
}

/**
 * yaml-language-server 2.0.0 with the project's own schema mapped onto the benchmark files
 * through `yaml.schemas`, as a user of the Red Hat YAML extension would set it up. The schema
 * store and the Kubernetes CRD store are off: the run is offline and they are not the point.
 */
export function yamlLanguageServer(filesGlob: string): ServerSpec {
  const schema = pathToFileURL(path.join(REPO_ROOT, 'schemas/inference-stack.schema.json')).href;
  const yaml = {
    schemas: { [schema]: filesGlob },
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
  return {
    name: 'yaml-language-server',
    command: process.execPath,
    args: [path.join(REPO_ROOT, 'tools/yaml-language-server/node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    env: { ...process.env },
    configuration: (section) => {
      if (section === 'yaml') return yaml;
      if (section === 'editor') return { tabSize: 2 };
      return {};
    },
  };
}
