// duplicate-image: Pre-Porter renders one AdvancedCronJob per enabled image, named
// `<fullname>-<image name>` with `.` and `_` turned into `-` and lower-cased (advancedcronjob.yaml:
// `replace "." "-" | replace "_" "-" | lower`, then truncated). Two enabled images whose names
// come out the same render two objects of one name: one replaces or collides with the other, and
// only one of them is pre-pulled. Compared before truncation, so what is reported holds for every
// release name.
import { cronEnabled, prePorterImages } from './pre-porter-images';
import type { Rule, RuleContext, RuleFinding } from './rule';

const CODE = 'duplicate-image';

/** The part of the object's name an image gives (before the release's truncation). */
export function objectName(name: string): string {
  return name.replace(/\./g, '-').replace(/_/g, '-').toLowerCase();
}

function check(context: RuleContext): RuleFinding[] {
  if (!cronEnabled(context.values)) return [];
  const first = new Map<string, { name: string; index: number }>();
  return prePorterImages(context.values).filter((image) => image.enabled && image.name !== null).flatMap((image): RuleFinding[] => {
    const name = image.name as string;
    const object = objectName(name);
    const earlier = first.get(object);
    if (!earlier) {
      first.set(object, { name, index: image.index });
      return [];
    }
    const same = earlier.name === name ? `\`${name}\` is listed twice` : `\`${name}\` and \`${earlier.name}\` give the same name`;
    return [{
      code: CODE,
      message: `${same}: both render the AdvancedCronJob \`<fullname>-${object}\`, so one replaces or collides with the other.`,
      range: context.rangeFor([...image.path, 'name'], 'value'),
      related: [{ range: context.rangeFor(['images', earlier.index, 'name'], 'value'), message: `\`${earlier.name}\` renders the same object` }],
      data: { image: name, other: earlier.name, object },
    }];
  });
}

export const rule: Rule = {
  codes: [{ code: CODE, severity: 'warning', summary: 'Two enabled Pre-Porter images whose names give the same AdvancedCronJob name.' }],
  charts: ['pre-porter'],
  check,
};
