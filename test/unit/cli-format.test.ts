// Unit tests of the CLI's pieces that need no engine: argument parsing, path expansion and the
// four output formats, on synthetic findings with exact expected output.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { expandPaths, lintTargets, locateFindings, type LintRun } from '../../server/src/cli/files';
import { formatJson } from '../../server/src/cli/format-json';
import { formatGithub } from '../../server/src/cli/format-github';
import { formatSarif } from '../../server/src/cli/format-sarif';
import { allCodes } from '../../server/src/engine/codes';
import { formatStylish } from '../../server/src/cli/format-stylish';
import type { AnalysisInput, AnalysisResult, Finding, Severity } from '../../server/src/engine/types';

function finding(code: string, severity: Severity, message: string, start: number, end = start): Finding {
  return { code, severity, message, range: { start, end } };
}

// An Inference Stack file with LF endings: a finding at 1:1, one on a key, one at end of file.
const LF_TEXT = 'modelGroups:\n  g:\n    enabeld: true\n';
const LF_FILE = locateFindings('deploy/values.yaml', LF_TEXT, [
  finding('missing-key', 'error', 'Missing key `onwards`', LF_TEXT.length),
  finding('unknown-key', 'error', 'Unknown key `enabeld`; did you mean `enabled`?', 22, 29),
  finding('legacy-key', 'warning', 'Old key', 0, 11),
]);

// The same kind of problems in a CRLF file without a final newline.
const CRLF_TEXT = 'images:\r\n  tag: 1\r\nglobalX: y';
const CRLF_FILE = locateFindings('crlf.yaml', CRLF_TEXT, [
  finding('wrong-type', 'info', 'A note', 11, 14),
  finding('bad-value', 'hint', 'Line two\r\ncontinues', CRLF_TEXT.length),
]);

const RUN: LintRun = {
  files: [LF_FILE, locateFindings('clean.yaml', 'a: 1\n', []), CRLF_FILE],
  notValuesFiles: 0,
};

describe('parseArgs', () => {
  it('parses lint with defaults', () => {
    assert.deepEqual(parseArgs(['lint', 'a.yaml']), { kind: 'lint', chart: undefined, format: 'stylish', paths: ['a.yaml'], rules: {}, catalog: undefined, offline: false, allowEmpty: false });
  });

  it('accepts --opt=value and --opt value, before or after the command', () => {
    assert.deepEqual(parseArgs(['--format=json', 'lint', 'a', '--chart', 'pre-porter', 'b']), {
      kind: 'lint',
      chart: 'pre-porter',
      format: 'json',
      paths: ['a', 'b'],
      rules: {},
      catalog: undefined,
      offline: false,
      allowEmpty: false,
    });
    assert.deepEqual(parseArgs(['lint', '--format', 'sarif', '--chart=inference-stack', 'x']), {
      kind: 'lint',
      chart: 'inference-stack',
      format: 'sarif',
      paths: ['x'],
      rules: {},
      catalog: undefined,
      offline: false,
      allowEmpty: false,
    });
  });

  it('treats everything after -- as paths', () => {
    assert.deepEqual(parseArgs(['lint', '--', '--odd.yaml', '-h']), {
      kind: 'lint',
      chart: undefined,
      format: 'stylish',
      paths: ['--odd.yaml', '-h'],
      rules: {},
      catalog: undefined,
      offline: false,
      allowEmpty: false,
    });
  });

  it('collects repeated --rule options', () => {
    const command = parseArgs(['lint', '--rule', 'unknown-key=off', '--rule=unused-volume=error', 'a']);
    assert.deepEqual(command.kind === 'lint' && command.rules, { 'unknown-key': 'off', 'unused-volume': 'error' });
  });

  it('recognises help and version anywhere', () => {
    assert.deepEqual(parseArgs(['--help']), { kind: 'help' });
    assert.deepEqual(parseArgs(['-h']), { kind: 'help' });
    assert.deepEqual(parseArgs(['lint', '--help']), { kind: 'help' });
    assert.deepEqual(parseArgs(['--version']), { kind: 'version' });
  });

  it('rejects bad command lines with a usage error', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /^missing command/],
      [['check', 'a'], /^unknown command check$/],
      [['lint'], /^missing PATH/],
      [['lint', '--format', 'json'], /^missing PATH/],
      [['lint', '--frmat=json', 'a'], /^unknown option --frmat$/],
      [['lint', '-x', 'a'], /^unknown option -x$/],
      [['lint', 'a', '--format'], /^option --format needs a value$/],
      [['lint', 'a', '--chart='], /^option --chart needs a value$/],
      [['lint', '--chart', 'helm', 'a'], /^bad --chart value helm/],
      [['lint', '--format', 'xml', 'a'], /^bad --format value xml/],
      [['lint', '--rule', 'unknown-key', 'a'], /^bad --rule value unknown-key/],
      [['lint', '--rule', 'unknown-key=loud', 'a'], /^bad --rule value/],
      [['lint', '--rule', 'unknown-kye=off', 'a'], /^unknown finding code unknown-kye in --rule; did you mean unknown-key\?$/],
      [['lint', '--rule', 'no-such-code=off', 'a'], /^unknown finding code no-such-code in --rule$/],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => parseArgs(argv), (error: unknown) => error instanceof UsageError && message.test(error.message), argv.join(' '));
    }
  });
});

describe('locateFindings', () => {
  it('gives 1-based positions in document order, for LF and CRLF text', () => {
    assert.deepEqual(
      LF_FILE.findings.map((f) => [f.line, f.column, f.endLine, f.endColumn]),
      [
        [1, 1, 1, 12],
        [3, 5, 3, 12],
        [4, 1, 4, 1],
      ],
    );
    assert.deepEqual(
      CRLF_FILE.findings.map((f) => [f.line, f.column, f.endLine, f.endColumn]),
      [
        [2, 3, 2, 6],
        [3, 11, 3, 11],
      ],
    );
  });
});

describe('formatStylish', () => {
  it('groups by file, aligns position, severity and code per file, wraps each message under its finding', () => {
    assert.equal(
      formatStylish(RUN, { tty: false }),
      [
        'deploy/values.yaml',
        '  1:1  warning  legacy-key',
        '    Old key',
        '  3:5  error    unknown-key',
        '    Unknown key `enabeld`; did you mean `enabled`?',
        '  4:1  error    missing-key',
        '    Missing key `onwards`',
        '',
        'crlf.yaml',
        '  2:3   info  wrong-type',
        '    A note',
        '  3:11  hint  bad-value',
        '    Line two continues',
        '',
        '✖ 5 problems (2 errors, 1 warning, 1 info, 1 hint) in 3 files',
        '',
      ].join('\n'),
    );
  });

  it('fits a long message into 100 columns, or a narrower terminal, never padding to the longest', () => {
    const long = 'word '.repeat(60) + 'x'.repeat(130);
    const file = locateFindings('v.yaml', 'a: 1\n', [finding('bad-value', 'error', long, 0, 1), finding('unknown-key', 'error', 'Short', 0, 1)]);
    for (const columns of [undefined, 200, 70]) {
      const lines = formatStylish({ files: [file], notValuesFiles: 0 }, { tty: false, columns }).split('\n');
      const limit = Math.min(columns ?? 100, 100);
      assert.ok(lines.every((line) => line.length <= limit), `${columns}: ${lines.find((line) => line.length > limit)}`);
      assert.ok(lines.includes('    Short'), 'a short message is not padded');
      // Every word is still there, in order.
      const message = lines.filter((line) => line.startsWith('    ') && line !== '    Short').map((line) => line.trim());
      assert.equal(message.join(' ').replace(/x (?=x)/g, 'x'), long.trim());
    }
  });

  it('reports a clean run and files that are not values files', () => {
    const clean: LintRun = { files: [locateFindings('a.yaml', '', [])], notValuesFiles: 0 };
    assert.equal(formatStylish(clean, { tty: false }), '✔ no problems in 1 file\n');
    assert.equal(formatStylish({ files: [], notValuesFiles: 1 }, { tty: false }), '✔ no problems in 0 files (1 file is not a values file)\n');
    assert.equal(formatStylish({ ...clean, notValuesFiles: 2 }, { tty: false }), '✔ no problems in 1 file (2 files are not values files)\n');
  });

  it('styles only for a terminal, without breaking alignment', () => {
    const out = formatStylish({ files: [CRLF_FILE], notValuesFiles: 0 }, { tty: true });
    assert.match(out, /^\x1b\[4mcrlf\.yaml\x1b\[0m\n/);
    assert.equal(out.replace(/\x1b\[[0-9;]*m/g, ''), formatStylish({ files: [CRLF_FILE], notValuesFiles: 0 }, { tty: false }));
    assert.doesNotMatch(formatStylish(RUN, { tty: false }), /\x1b/);
  });
});

describe('formatStylish and what a values file writes', () => {
  it('shows escape sequences, control and bidi characters from the file as escapes, never sends them', () => {
    const text = 'modelGroups:\n  g:\n    "a\u001b]0;pwned\u0007b\u202Ec": 1\n';
    const message = 'Unknown key `a\u001b]0;pwned\u0007b\u202Ec` in a file named \u009b31m';
    const run: LintRun = { files: [locateFindings('evil\u001b[2J.yaml', text, [{ code: 'unknown-key', severity: 'error', message, range: { start: 21, end: 22 } }])], notValuesFiles: 0 };
    const out = formatStylish(run, { tty: true });
    assert.doesNotMatch(out.replace(/\x1b\[[0-9;]*m/g, ''), /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/);
    assert.match(out, /a\\u001B\]0;pwned\\u0007b\\u202Ec/);
    assert.match(out, /evil\\u001B\[2J\.yaml/);
  });
});

describe('formatJson', () => {
  it('prints one flat array with 1-based positions', () => {
    const out = formatJson({ files: [CRLF_FILE], notValuesFiles: 0 });
    assert.ok(out.endsWith(']\n'));
    assert.deepEqual(JSON.parse(out), [
      { file: 'crlf.yaml', line: 2, column: 3, endLine: 2, endColumn: 6, severity: 'info', code: 'wrong-type', message: 'A note' },
      { file: 'crlf.yaml', line: 3, column: 11, endLine: 3, endColumn: 11, severity: 'hint', code: 'bad-value', message: 'Line two\r\ncontinues' },
    ]);
    assert.equal(formatJson({ files: [], notValuesFiles: 0 }), '[]\n');
  });
});

describe('formatSarif', () => {
  const cwd = path.resolve('/work/project');
  const docs = (code: string) => (code === 'bad-value' ? '# bad-value\n\n**Severity:** error\n\nA value the chart\nrejects.\n\n## Why\n\nBecause.\n' : undefined);
  const tool = { version: '1.2.3', informationUri: 'https://example.test/bhv', docsBaseUri: 'https://example.test/bhv/blob/HEAD/', docs };

  it('lists every code as a rule, with help from its docs page, level and tags', () => {
    const log = JSON.parse(formatSarif({ files: [CRLF_FILE], notValuesFiles: 0 }, tool, cwd));
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    const { driver } = log.runs[0].tool;
    assert.deepEqual(driver.rules.map((rule: { id: string }) => rule.id), allCodes().map((info) => info.code));
    const badValue = driver.rules.find((rule: { id: string }) => rule.id === 'bad-value');
    assert.deepEqual(badValue, {
      id: 'bad-value',
      shortDescription: { text: 'A value of the right type that the chart or Kubernetes rejects.' },
      fullDescription: { text: 'A value the chart rejects.' },
      help: { text: 'A value the chart rejects.', markdown: docs('bad-value') },
      helpUri: 'https://example.test/bhv/blob/HEAD/docs/rules/bad-value.md',
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['helm', 'kubernetes', 'inference-stack', 'pre-porter'] },
    });
    const gpu = driver.rules.find((rule: { id: string }) => rule.id === 'strategy-conflict');
    assert.deepEqual(gpu.properties.tags, ['helm', 'kubernetes', 'inference-stack']);
  });

  it('gives results 1-based regions, the rule index and fingerprints', () => {
    const spaced = locateFindings(path.join('sub dir', 'v.yaml'), 'x: 1\n', [finding('not-a-known-code', 'warning', 'W', 0, 1)]);
    const [run] = JSON.parse(formatSarif({ files: [CRLF_FILE, spaced], notValuesFiles: 0 }, tool, cwd)).runs;
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/project/' } });
    const codes = allCodes().map((info) => info.code);
    assert.deepEqual(run.results.map((r: { ruleId: string; ruleIndex?: number; level: string; locations: { physicalLocation: unknown }[] }) => [r.ruleId, r.ruleIndex, r.level, r.locations[0].physicalLocation]), [
      ['wrong-type', codes.indexOf('wrong-type'), 'note', { artifactLocation: { uri: 'crlf.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 6 } }],
      ['bad-value', codes.indexOf('bad-value'), 'note', { artifactLocation: { uri: 'crlf.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 11, endLine: 3, endColumn: 11 } }],
      // A code the product does not have gets no index rather than a wrong one.
      ['not-a-known-code', undefined, 'warning', { artifactLocation: { uri: 'sub%20dir/v.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } }],
    ]);
    for (const result of run.results) assert.match(result.partialFingerprints['bitHarborValues/v1'], /^[0-9a-f]{32}:1$/);
  });

  it('keeps a finding\'s fingerprint when lines are added above it, and tells equal ones apart', () => {
    const text = 'modelGroups:\n  g:\n    enabeld: true\n';
    const at = (source: string) => source.indexOf('enabeld');
    const prints = (source: string) => {
      const file = locateFindings('v.yaml', source, [finding('unknown-key', 'error', 'E', at(source), at(source) + 7), finding('unknown-key', 'error', 'E', at(source), at(source) + 7)]);
      return JSON.parse(formatSarif({ files: [file], notValuesFiles: 0 }, tool, cwd)).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['bitHarborValues/v1']);
    };
    const before = prints(text);
    assert.deepEqual(prints('# a comment\n\n' + text), before);
    assert.notEqual(before[0], before[1]);
    assert.deepEqual(before.map((print: string) => print.split(':')[1]), ['1', '2']);
  });

  it('makes URIs relative to --sarif-root, and absolute outside it', () => {
    const inside = locateFindings(path.join('deploy', 'v.yaml'), 'a', [finding('unknown-key', 'error', 'E', 0, 1)]);
    const outside = locateFindings(path.join('..', 'other', 'x.yaml'), 'a', [finding('unknown-key', 'error', 'E', 0, 1)]);
    const [run] = JSON.parse(formatSarif({ files: [inside, outside], notValuesFiles: 0 }, { version: '0.1.0' }, path.join(cwd, 'sub'), cwd)).runs;
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/project/' } });
    assert.deepEqual(run.results.map((r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => r.locations[0].physicalLocation.artifactLocation), [
      { uri: 'sub/deploy/v.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'other/x.yaml', uriBaseId: '%SRCROOT%' },
    ]);
    const [plain] = JSON.parse(formatSarif({ files: [outside], notValuesFiles: 0 }, { version: '0.1.0' }, path.join(cwd, 'sub'))).runs;
    assert.deepEqual(plain.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///work/project/other/x.yaml' });
    // Without a known home page or docs there are no links or help rather than made-up ones.
    assert.deepEqual(Object.keys(plain.tool.driver.rules[0]).sort(), ['defaultConfiguration', 'id', 'properties', 'shortDescription']);
  });
});

describe('formatGithub', () => {
  it('writes one workflow command per finding, escaped as GitHub\'s toolkit does, then the summary', () => {
    const text = 'a: 1\n';
    const file = locateFindings(path.join('deploy', 'a,b:c.yaml'), text, [
      finding('unknown-key', 'error', 'Unknown key `a`: 100% sure', 0, 1),
      finding('legacy-key', 'warning', 'Old\nkey \u001b[31mred', 0, 1),
      finding('not-prepulled', 'info', 'N', 0, 1),
    ]);
    assert.equal(formatGithub({ files: [file], notValuesFiles: 0 }), [
      '::error file=deploy/a%2Cb%3Ac.yaml,line=1,col=1,endLine=1,endColumn=2,title=unknown-key::Unknown key `a`: 100%25 sure',
      '::warning file=deploy/a%2Cb%3Ac.yaml,line=1,col=1,endLine=1,endColumn=2,title=legacy-key::Old key \\u001B[31mred',
      '::notice file=deploy/a%2Cb%3Ac.yaml,line=1,col=1,endLine=1,endColumn=2,title=not-prepulled::N',
      '✖ 3 problems (1 error, 1 warning, 1 info, 0 hints) in 1 file',
      '',
    ].join('\n'));
  });

  it('is the default format under GITHUB_ACTIONS, and --format still wins', () => {
    const lint = (argv: string[], githubActions: boolean) => {
      const command = parseArgs(argv, { githubActions });
      return command.kind === 'lint' ? command.format : null;
    };
    assert.equal(lint(['lint', 'a'], true), 'github');
    assert.equal(lint(['lint', 'a'], false), 'stylish');
    assert.equal(lint(['lint', '--format', 'sarif', 'a'], true), 'sarif');
  });
});

describe('expandPaths and lintTargets', () => {
  function tree(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-cli-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    return root;
  }

  it('walks folders for YAML, skipping node_modules and dot-folders, sorted', () => {
    const root = tree({
      'b.yml': '',
      'a/z.yaml': '',
      'a/notes.txt': '',
      'node_modules/p/values.yaml': '',
      '.github/ci.yaml': '',
      '.hidden.yaml': '',
    });
    try {
      const targets = expandPaths(['.', 'a/notes.txt', 'b.yml'], root);
      assert.deepEqual(
        targets.map((t) => [t.displayPath, t.fromWalk]),
        [
          ['.hidden.yaml', true],
          [path.join('a', 'z.yaml'), true],
          ['b.yml', false],
          [path.join('a', 'notes.txt'), false],
        ],
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('fails with a one-line "cannot read" message for a missing path', () => {
    assert.throws(() => expandPaths(['nope.yaml'], os.tmpdir()), {
      message: /^cannot read nope\.yaml: ENOENT: no such file or directory$/,
    });
  });

  it('skips walked files of neither chart silently and counts named ones', () => {
    const root = tree({ 'dir/compose.yml': 'services: {}\n', 'named.yaml': 'x: 1\n', 'dir/values.yaml': 'v: 1\n', 'bad.yaml': 'm\n' });
    const analyze = (input: AnalysisInput): AnalysisResult => {
      if (input.chart) return { chart: input.chart, detectedBy: 'forced', findings: [] };
      if (input.path.endsWith('values.yaml')) return { chart: 'inference-stack', detectedBy: 'content', findings: [finding('unknown-key', 'error', 'E', 0, 1)] };
      if (input.path.endsWith('bad.yaml')) return { chart: null, detectedBy: null, findings: [finding('bad-value', 'error', 'modeline', 0, 1)] };
      return { chart: null, detectedBy: null, findings: [] };
    };
    try {
      const targets = expandPaths(['dir', 'named.yaml', 'bad.yaml'], root);
      const run = lintTargets(targets, analyze);
      assert.deepEqual(
        run.files.map((f) => [f.displayPath, f.findings.map((x) => x.code)]),
        [
          [path.join('dir', 'values.yaml'), ['unknown-key']],
          ['bad.yaml', ['bad-value']],
        ],
      );
      assert.equal(run.notValuesFiles, 1);
      const forced = lintTargets(targets, analyze, 'pre-porter');
      assert.equal(forced.files.length, 4);
      assert.equal(forced.notValuesFiles, 0);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
