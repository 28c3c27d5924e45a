// Validation of models.json and of the size settings: the wrong shape is rejected whole, a bad
// entry costs only itself, and every size keeps the source it came from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogueOrigin } from '../../server/src/engine/catalogue/catalogue';
import {
  describeOrigin,
  parseCatalogue,
  parseSizeSettings,
  readCatalogueSettings,
  DEFAULT_CATALOGUE_URL,
  type CatalogueParseResult,
  type ParsedCatalogue,
} from '../../server/src/engine/catalogue/parse';

const ORIGIN: CatalogueOrigin = { kind: 'url', location: 'https://example.test/models.json', fetchedAt: 0 };

function parsed(result: CatalogueParseResult): ParsedCatalogue {
  if ('error' in result) assert.fail(`expected a catalogue, got: ${result.error}`);
  return result;
}

function rejected(result: CatalogueParseResult): string {
  if (!('error' in result)) assert.fail('expected a rejection');
  assert.doesNotMatch(result.error, /\n/, 'the message is one line');
  return result.error;
}

const models = (...entries: unknown[]): string => JSON.stringify({ models: entries });

describe('parseCatalogue', () => {
  it('reads a good catalogue and takes sizes from the bundled table, keeping their basis', () => {
    const result = parsed(
      parseCatalogue(
        models(
          { name: 'qwen-3-8b', repo: 'https://huggingface.co/Qwen/Qwen3-8B' },
          { name: 'gemma-3-4b-it', repo: 'https://huggingface.co/google/gemma-3-4b-it' },
          { name: 'brand-new-model', repo: 'https://huggingface.co/acme/new' },
        ),
        ORIGIN,
      ),
    );
    assert.deepEqual(result.dropped, []);
    assert.deepEqual(
      result.catalogue.models.map((m) => m.name),
      ['qwen-3-8b', 'gemma-3-4b-it', 'brand-new-model'],
    );
    assert.deepEqual(result.catalogue.origin, ORIGIN);
    assert.equal(result.catalogue.sizes['qwen-3-8b'].bytes, 16381470720);
    assert.equal(result.catalogue.sizes['qwen-3-8b'].source, 'measured');
    assert.equal(result.catalogue.sizes['gemma-3-4b-it'].source, 'estimate');
    assert.equal(result.catalogue.sizes['brand-new-model'], undefined, 'no invented size for an unknown model');
  });

  it('keeps only name and repo of an entry', () => {
    const result = parsed(parseCatalogue(models({ name: 'qwen-3-8b', repo: 'r', extra: 1 }), ORIGIN));
    assert.deepEqual(result.catalogue.models, [{ name: 'qwen-3-8b', repo: 'r' }]);
  });

  it('rejects text that is not JSON with one line', () => {
    assert.match(rejected(parseCatalogue('{"models": [', ORIGIN)), /^models\.json is not JSON/);
    assert.match(rejected(parseCatalogue('<html>404</html>', ORIGIN)), /not JSON/);
  });

  it('rejects the wrong shape whole', () => {
    assert.match(rejected(parseCatalogue('[]', ORIGIN)), /must be an object with a "models" array, not an array/);
    assert.match(rejected(parseCatalogue('null', ORIGIN)), /not null/);
    assert.match(rejected(parseCatalogue('{"model": []}', ORIGIN)), /^models\.json has no "models" array \(found nothing\)$/);
    assert.match(rejected(parseCatalogue('{"models": {"a": 1}}', ORIGIN)), /no "models" array \(found an object\)/);
    assert.match(rejected(parseCatalogue('{"models": []}', ORIGIN)), /lists no usable models/);
  });

  it('rejects a catalogue whose every entry is bad, naming the first reason', () => {
    const error = rejected(parseCatalogue(models({ name: 'llama/3', repo: 'r' }, 'x'), ORIGIN));
    assert.match(error, /no usable models \(2 dropped; first: models\[0\]: name "llama\/3" is not a valid OCI tag\)/);
  });

  it('drops entries with a missing or non-string field, with a reason each', () => {
    const result = parsed(
      parseCatalogue(
        models(
          { name: 'qwen-3-8b', repo: 'r' },
          { repo: 'r' },
          { name: 42, repo: 'r' },
          { name: 'ok-but-no-repo' },
          { name: 'empty-repo', repo: '' },
          'just a string',
          null,
        ),
        ORIGIN,
      ),
    );
    assert.deepEqual(
      result.catalogue.models.map((m) => m.name),
      ['qwen-3-8b'],
    );
    assert.deepEqual(
      result.dropped.map((d) => d.reason),
      [
        'models[1]: "name" is missing or not a string',
        'models[2]: "name" is missing or not a string',
        'models[3]: "repo" is missing or not a string (name "ok-but-no-repo")',
        'models[4]: "repo" is missing or not a string (name "empty-repo")',
        'models[5]: not an object (a string)',
        'models[6]: not an object (null)',
      ],
    );
    assert.deepEqual(result.dropped[1].entry, { name: 42, repo: 'r' }, 'the dropped entry travels with its reason');
  });

  it('drops names that are not valid OCI tags', () => {
    const bad = ['llama/3', '-x', '.hidden', 'has space', 'tag:colon', 'a'.repeat(129), ''];
    const result = parsed(parseCatalogue(models({ name: 'ok', repo: 'r' }, ...bad.map((name) => ({ name, repo: 'r' }))), ORIGIN));
    assert.deepEqual(
      result.catalogue.models.map((m) => m.name),
      ['ok'],
    );
    assert.equal(result.dropped.length, bad.length);
    assert.match(result.dropped[0].reason, /^models\[1\]: name "llama\/3" is not a valid OCI tag$/);
    assert.match(result.dropped[1].reason, /name "-x" is not a valid OCI tag/);
    // The edges of the grammar that are allowed: a leading underscore or digit, 128 characters.
    const edges = parsed(parseCatalogue(models({ name: '_x', repo: 'r' }, { name: '1.5b', repo: 'r' }, { name: 'a'.repeat(128), repo: 'r' }), ORIGIN));
    assert.equal(edges.catalogue.models.length, 3);
  });

  it('keeps the first of duplicate names and drops the rest', () => {
    const result = parsed(
      parseCatalogue(models({ name: 'qwen-3-8b', repo: 'first' }, { name: 'qwen-3-8b', repo: 'second' }, { name: 'qwen-3-8b', repo: 'third' }), ORIGIN),
    );
    assert.deepEqual(result.catalogue.models, [{ name: 'qwen-3-8b', repo: 'first' }]);
    assert.deepEqual(
      result.dropped.map((d) => d.reason),
      ['models[1]: duplicate name "qwen-3-8b"; the first entry is kept', 'models[2]: duplicate name "qwen-3-8b"; the first entry is kept'],
    );
  });

  it('reads a sizeBytes or size field as a size with source catalogue, over the bundled table', () => {
    const result = parsed(
      parseCatalogue(
        models(
          { name: 'qwen-3-8b', repo: 'r', sizeBytes: 123456789 },
          { name: 'new-model', repo: 'r', size: '20Gi' },
          { name: 'decimal', repo: 'r', size: '1.1G' },
        ),
        ORIGIN,
      ),
    );
    assert.deepEqual(result.catalogue.sizes['qwen-3-8b'], { bytes: 123456789, source: 'catalogue', detail: 'sizeBytes in models.json' });
    assert.deepEqual(result.catalogue.sizes['new-model'], { bytes: 20 * 2 ** 30, source: 'catalogue', detail: 'size 20Gi in models.json' });
    assert.equal(result.catalogue.sizes.decimal.bytes, 1_100_000_000, 'whole bytes, no floating-point dust');
    assert.deepEqual(result.notes, []);
  });

  it('keeps an entry whose size is unreadable, with a note, and falls back to the bundled size', () => {
    const result = parsed(
      parseCatalogue(models({ name: 'qwen-3-8b', repo: 'r', sizeBytes: '16G' }, { name: 'x', repo: 'r', size: 'big' }, { name: 'y', repo: 'r', sizeBytes: -1 }), ORIGIN),
    );
    assert.equal(result.catalogue.models.length, 3);
    assert.equal(result.catalogue.sizes['qwen-3-8b'].source, 'measured');
    assert.equal(result.catalogue.sizes.x, undefined);
    assert.deepEqual(result.notes, [
      'models[0] (qwen-3-8b): "sizeBytes" "16G" is not a positive whole number; size ignored',
      'models[1] (x): "size" "big" is not a Kubernetes quantity string; size ignored',
      'models[2] (y): "sizeBytes" -1 is not a positive whole number; size ignored',
    ]);
  });
});

describe('parseSizeSettings', () => {
  it('turns tag -> quantity into sizes with source setting', () => {
    const { sizes, problems } = parseSizeSettings({ 'qwen-3-8b': '16Gi', 'dw-gemma-3-12b-it': '24374650080', exp: '5e9' });
    assert.deepEqual(problems, []);
    assert.deepEqual(sizes['qwen-3-8b'], { bytes: 16 * 2 ** 30, source: 'setting', detail: 'bitHarbor.catalog.sizes: 16Gi' });
    assert.equal(sizes['dw-gemma-3-12b-it'].bytes, 24374650080);
    assert.equal(sizes.exp.bytes, 5e9);
  });

  it('reports bad tags and quantities and keeps the good ones', () => {
    const { sizes, problems } = parseSizeSettings({ 'llama/3': '1Gi', good: '1Gi', zero: '0', word: 'lots', neg: '-1Gi' });
    assert.deepEqual(Object.keys(sizes), ['good']);
    assert.deepEqual(problems, [
      'bitHarbor.catalog.sizes: "llama/3" is not a valid OCI tag',
      'bitHarbor.catalog.sizes.zero: "0" is not a positive Kubernetes quantity',
      'bitHarbor.catalog.sizes.word: "lots" is not a positive Kubernetes quantity',
      'bitHarbor.catalog.sizes.neg: "-1Gi" is not a positive Kubernetes quantity',
    ]);
  });

  it('survives a value of the wrong type from user JSON', () => {
    const { sizes, problems } = parseSizeSettings({ a: null, b: { x: 1 } } as unknown as Record<string, string>);
    assert.deepEqual(sizes, {});
    assert.equal(problems.length, 2);
    assert.deepEqual(parseSizeSettings(null as unknown as Record<string, string>), { sizes: {}, problems: [] });
  });
});

describe('readCatalogueSettings and describeOrigin', () => {
  it('fills defaults for anything missing or of the wrong type', () => {
    assert.deepEqual(readCatalogueSettings(undefined), {
      path: undefined,
      url: DEFAULT_CATALOGUE_URL,
      refreshHours: 24,
      offline: false,
      sizes: {},
      resolveSizes: true,
      registryUrl: undefined,
      registryConcurrency: 4,
      registryTagsPerRefresh: 64,
    });
    assert.equal(readCatalogueSettings({ registryConcurrency: 99, registryTagsPerRefresh: 0.5 }).registryConcurrency, 4, 'out of range: the default');
    assert.equal(readCatalogueSettings({ registryTagsPerRefresh: 0.5 }).registryTagsPerRefresh, 64, 'not whole: the default');
    assert.equal(readCatalogueSettings({ registryConcurrency: 2, registryTagsPerRefresh: 10 }).registryTagsPerRefresh, 10);
    const settings = readCatalogueSettings({ path: ' /m.json ', url: '', refreshHours: -3, offline: 'yes', sizes: { a: '1Gi', b: 5, c: null }, resolveSizes: false });
    assert.equal(settings.path, '/m.json');
    assert.equal(settings.url, DEFAULT_CATALOGUE_URL);
    assert.equal(settings.refreshHours, 24);
    assert.equal(settings.offline, false);
    assert.deepEqual(settings.sizes, { a: '1Gi', b: '5' });
    assert.equal(settings.resolveSizes, false);
  });

  it('names the source and its age', () => {
    const hour = 3_600_000;
    assert.equal(describeOrigin({ kind: 'bundled', location: 'bit-harbor@61975bd' }, 5 * hour), 'the bundled catalogue (bit-harbor@61975bd)');
    assert.equal(describeOrigin({ kind: 'url', location: 'https://x/models.json', fetchedAt: 0 }, 3 * hour), 'the catalogue from https://x/models.json, 3 h old');
    assert.equal(describeOrigin({ kind: 'cache', location: 'https://x', fetchedAt: 0 }, hour / 4), 'the cached catalogue from https://x, 15 min old');
    assert.equal(describeOrigin({ kind: 'file', location: '/m.json', fetchedAt: 0 }, 72 * hour), 'the catalogue file /m.json, 3 days old');
  });
});
