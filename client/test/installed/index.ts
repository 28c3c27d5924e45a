// Entry point for the run against the packaged extension: the .vsix installed into code-server
// with --install-extension, and no extensionDevelopmentPath.
import { runMochaIn } from '../suite/index';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
