// Entry point of a run with the network features on (test/editor/vscode.test.ts starts it).
import { runMochaIn } from '../suite/index';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
