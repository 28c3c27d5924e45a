// Entry point VS Code's extension host calls for extensionTestsPath: runs every *.test.js beside
// this file with mocha and rejects when one fails. The closing line says how many ran, so the
// runner outside can tell a run of no test from a green one.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}

/** Runs every *.test.js in `dir`; the installed-extension suite shares this. */
export function runMochaIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const only = process.env.BIT_HARBOR_SUITE_GREP;
  if (only) mocha.grep(only);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(join(dir, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      console.log(`bit-harbor-suites: ${passes} passed, ${failures} failed, ${pending} pending`);
      if (failures > 0 || passes === 0) reject(new Error(failures > 0 ? `${failures} VS Code test(s) failed` : 'no VS Code test ran'));
      else resolve();
    });
  });
}
