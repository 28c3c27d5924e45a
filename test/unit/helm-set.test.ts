// Helm's --set syntax (helm/pkg/strvals) as the GitOps tools build it: each case is an expression
// and what Helm makes of it (the values, or that it refuses it), read from strvals' parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applySet, typedValue, type SetTree } from '../../server/src/engine/embedded/helm-set';
import { argoSetValue, helmfileEscape, setLayer } from '../../server/src/engine/embedded/set-layer';

const CASES: { set: string; values?: unknown; refused?: true; asString?: true }[] = [
  { set: 'a=1', values: { a: 1 } },
  { set: 'a.b=x,a.c=y', values: { a: { b: 'x', c: 'y' } } },
  { set: 'count=00012', values: { count: '00012' } },
  { set: 'zero=0', values: { zero: 0 } },
  { set: 'big=9223372036854775808', values: { big: '9223372036854775808' } },
  { set: 'flag=TRUE,off=false,gone=Null', values: { flag: true, off: false, gone: null } },
  { set: 'flag=true', asString: true, values: { flag: 'true' } },
  { set: 'empty=,next=v', values: { empty: '', next: 'v' } },
  { set: 'a.b=', values: { a: { b: '' } } },
  { set: 'list={a,b,3}', values: { list: ['a', 'b', 3] } },
  { set: 'list={a,b},after=1', values: { list: ['a', 'b'], after: 1 } },
  { set: 'dotted\\.key=v', values: { 'dotted.key': 'v' } },
  { set: 'comma=a\\,b', values: { comma: 'a,b' } },
  { set: 'l[0]=x,l[2]=z', values: { l: ['x', null, 'z'] } },
  { set: 'l[0].name=a,l[0].mount=/m', values: { l: [{ name: 'a', mount: '/m' }] } },
  { set: 'n[1][0]=1', values: { n: [null, [1]] } },
  { set: 'noval[0]', values: { noval: [] } },
  { set: 'trailing.', values: {} },
  { set: 'a=1,,b=2', refused: true },
  { set: 'a,b=2', refused: true },
  { set: 'a.b', refused: true },
  { set: 'a.=b', refused: true },
  { set: 'a={1,2', refused: true },
  { set: 'l[-1]=x', refused: true },
  { set: 'l[65537]=x', refused: true },
  { set: 'l[0]x=1', refused: true },
  { set: 'a=1,a.b=2', refused: true },
  { set: ']={}].', refused: true },
  { set: `${'a.'.repeat(31)}z=1`, refused: true },
];

for (const { set, values, refused, asString } of CASES) {
  test(`--set ${set.length > 40 ? `${set.slice(0, 40)}...` : set}${asString ? ' (string)' : ''} -> ${refused ? 'refused' : JSON.stringify(values)}`, () => {
    const into: SetTree = {};
    const problem = applySet(set, into, asString === true);
    if (refused) assert.notEqual(problem, null);
    else {
      assert.equal(problem, null);
      assert.deepEqual(JSON.parse(JSON.stringify(into)), values);
    }
  });
}

test('typed values follow strvals: integers without a leading zero within int64, true/false/null in any case', () => {
  assert.equal(typedValue('-5', false), -5);
  assert.equal(typedValue('+5', false), 5);
  assert.equal(typedValue('1e3', false), '1e3');
  assert.equal(typedValue('0x10', false), '0x10');
  assert.equal(typedValue('False', false), false);
});

test('a name like __proto__ is only a name', () => {
  const into: SetTree = {};
  assert.equal(applySet('__proto__.polluted=1', into, false), null);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(Object.keys(into), ['__proto__']);
});

test('a long expression is read in linear time', () => {
  const set = Array.from({ length: 20_000 }, (_, i) => `k${i}=v${i}`).join(',');
  const started = process.hrtime.bigint();
  const into: SetTree = {};
  assert.equal(applySet(set, into, false), null);
  assert.equal(Object.keys(into).length, 20_000);
  assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 2_000);
});

test('the tools escape as they do: Argo CD commas unless a {list}, helmfile braces and commas', () => {
  assert.equal(argoSetValue('a,b'), 'a\\,b');
  assert.equal(argoSetValue('{a,b}'), '{a,b}');
  assert.equal(argoSetValue('a\\,b'), 'a\\,b');
  assert.equal(helmfileEscape('{x},y'), '\\{x\\}\\,y');
});

test('a set layer writes each key once and maps a finding on a value to that entry', () => {
  const r = (start: number, end: number) => ({ start, end });
  const layer = setLayer([
    { expression: 'onwards.replicaCount=two', asString: false, nameRange: r(10, 30), valueRange: r(40, 43) },
    { expression: 'onwards.image.tag=v1', asString: false, nameRange: r(50, 67), valueRange: r(70, 72) },
    { expression: 'bad,', asString: false, nameRange: r(80, 83), valueRange: r(90, 90) },
  ]);
  assert.equal(layer.text, '"onwards":\n  "replicaCount": "two"\n  "image":\n    "tag": "v1"\n');
  assert.deepEqual(layer.problems.map((p) => p.code), ['invalid-set']);
  const two = layer.text.indexOf('"two"');
  assert.deepEqual(layer.toManifest(r(two, two + 5)), r(40, 43));
  assert.deepEqual(layer.toManifest(r(layer.text.indexOf('"tag"'), 0)), r(50, 67));
  assert.equal(layer.indexed, false);
});
