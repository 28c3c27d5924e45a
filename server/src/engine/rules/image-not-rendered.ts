// image-not-rendered: an image listed for pre-pulling that the chart renders no job for. Either
// the image is off (its own `enabled`), or the whole AdvancedCronJob is off, in which case one
// finding says so instead of one per image. An empty list, or a list of images that are all off
// while the cron is off too, asks for nothing, so nothing is reported: that is the chart's
// shipped state.
import { suggest } from '../did-you-mean';
import { cronEnabled, prePorterImages, type PrePorterImage } from './pre-porter-images';
import type { Rule, RuleContext, RuleFinding } from './rule';

const CODE = 'image-not-rendered';

export const rule: Rule = {
  codes: [{ code: CODE, severity: 'info', summary: 'A Pre-Porter image that gets no pre-pull job: it is not enabled, or advancedCronJob is off.' }],
  charts: ['pre-porter'],
  check(context) {
    // An item without a name is no request the chart could honour: missing-key reports it.
    const images = prePorterImages(context.values).filter((image) => image.name !== null);
    if (!cronEnabled(context.values)) return cronOff(context, images);
    return images.filter((image) => !image.enabled).map((image) => imageOff(context, image));
  },
};

function cronOff(context: RuleContext, images: PrePorterImage[]): RuleFinding[] {
  const wanted = images.filter((image) => image.enabled);
  if (wanted.length === 0) return [];
  const names = wanted.map((image) => `\`${image.name}\``);
  const listed = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  // Report where the switch is (or would be) written: its value, its section, else the list.
  const range = context.locate(['advancedCronJob'])
    ? context.rangeFor(['advancedCronJob', 'enabled'], 'value')
    : context.rangeFor(['images'], 'key');
  return [{
    code: CODE,
    message: `Nothing is pre-pulled: \`advancedCronJob.enabled\` is not true, so the chart renders no job for any image, including ${listed}. Set \`advancedCronJob.enabled: true\`.`,
    range,
    data: { path: 'advancedCronJob.enabled', images: wanted.map((image) => image.name) },
  }];
}

function imageOff(context: RuleContext, image: PrePorterImage): RuleFinding {
  const enabledWritten = context.locate([...image.path, 'enabled']) !== null;
  const range = enabledWritten
    ? context.rangeFor([...image.path, 'enabled'], 'value')
    : context.rangeFor([...image.path, 'name'], 'value');
  const label = `\`${image.name}\``;
  const reason = enabledWritten ? 'its `enabled` is not true' : 'it has no `enabled: true` (images are off unless enabled)';
  return {
    code: CODE,
    message: `${label} is not pre-pulled: ${reason}, so the chart renders no job for it.${misspeltEnabled(image)}`,
    range,
    data: { path: `images/${image.index}/enabled`, image: image.name },
  };
}

/** `enable: true` reads as intent: say which key the chart reads. */
function misspeltEnabled(image: PrePorterImage): string {
  const near = Object.keys(image.values).find((key) => key !== 'enabled' && suggest(key, ['enabled']).length > 0);
  return near ? ` The chart reads \`enabled\`, not \`${near}\`.` : '';
}
