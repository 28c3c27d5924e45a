// A values file whose every string is a markdown attack (backticks, links, `command:` URIs,
// images, HTML, autolinks, a bidi override), hovered and completed at every offset: the
// rendered markdown, read with marked, holds no link, image or HTML that the server did not
// build itself (issue #21).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { completeAuthoring } from '../../server/src/engine/authoring/complete';
import { hoverAuthoring } from '../../server/src/engine/authoring/hover';
import { completeImageTags } from '../../server/src/engine/completion/image-tags';
import { completeSnippets } from '../../server/src/engine/completion/snippets';
import { Engine } from '../../server/src/engine/engine';
import { hoverImageTag } from '../../server/src/engine/hover/image-tag';
import { markdownReader, type MarkdownReader } from '../support/markdown-nodes';

const PAYLOAD = 'a`b``[x](command:workbench.action.terminal.new)<img src=x onerror=alert(1)>![i](https://evil.example/p.png) www.evil.example a@b.co http://evil.example \u202Ez';
const Q = JSON.stringify(PAYLOAD);

const HOSTILE = `# bit-harbor-values: chart=inference-stack
nameOverride: ${Q}
modelGroups:
  ${Q}:
    enabled: true
    image:
      repository: ${Q}
      tag: ${Q}
    modelAlias:
      - ${Q}
    modelName: ${Q}
    env:
      - name: HF_HOME
        value: ${Q}
      - name: ${Q}
        value: ${Q}
    initContainers:
      - name: ${Q}
        image: ghcr.io/doublewordai/bit-harbor:${PAYLOAD.replace(/[^A-Za-z0-9]/g, '')}
        volumeMounts:
          - name: ${Q}
            mountPath: ${Q}
    volumes:
      - name: ${Q}
        emptyDir:
          sizeLimit: ${Q}
      - name: cache
        persistentVolume:
          size: ${Q}
          accessModes: [${Q}]
    volumeMounts:
      - name: ${Q}
        mountPath: ${Q}
      - name: cache
        mountPath: /data
    nodeSelector:
      ${Q}: ${Q}
`;

/** Links the server builds itself: a model's Hugging Face page, a use in an open file. */
function isOurs(target: string): boolean {
  return /^https:\/\/huggingface\.co\/[\w.-]+\/[\w.-]+$/.test(target) || target.startsWith('file:///');
}

describe('a hostile values file in hovers and completion docs', () => {
  let reader: MarkdownReader;
  before(async () => {
    reader = await markdownReader();
  });

  it('injects no link, image or HTML at any offset', { timeout: 120_000 }, () => {
    const engine = new Engine();
    const { catalogue, settings } = engine;
    const path = '/work/values.yaml';
    const shown: string[] = [];
    for (let offset = 0; offset <= HOSTILE.length; offset += 2) {
      const hover = hoverAuthoring(HOSTILE, offset, catalogue, settings, path);
      if (hover) shown.push(hover.markdown);
      const tag = hoverImageTag({ uri: 'file:///work/values.yaml', text: HOSTILE, path }, offset, catalogue, settings, []);
      if (tag) shown.push(tag.markdown);
      if (offset % 6 === 0) {
        for (const item of completeAuthoring(HOSTILE, offset, catalogue, settings, path)) if (item.documentation) shown.push(item.documentation);
        for (const item of completeImageTags(HOSTILE, offset, catalogue, settings, path)) shown.push(item.documentation);
        for (const item of completeSnippets(HOSTILE, offset, catalogue, settings, path)) shown.push(item.documentation);
      }
    }
    assert.ok(shown.some((markdown) => markdown.includes('command')), 'the payload reached some hover');
    for (const markdown of new Set(shown)) {
      const foreign = reader.activeNodes(markdown).filter((node) => node.type !== 'link' || !isOurs(node.target));
      assert.deepEqual(foreign, [], markdown);
      assert.doesNotMatch(markdown, /\u202E/, 'a bidi override is shown as an escape');
    }
  });
});
