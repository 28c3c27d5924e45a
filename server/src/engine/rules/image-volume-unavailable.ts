// image-volume-unavailable: with the cluster's Kubernetes version known (bitHarbor.cluster.
// kubernetesVersion / --kubernetes-version), an image volume the cluster cannot give. Before
// 1.31 the API has no `image` volume source: the field is dropped and the volume, left without a
// source, is rejected. From 1.31 to 1.34 it exists behind the `ImageVolume` feature gate, off by
// default (said as info: a cluster may have it on). A mount of an image volume with `subPath` is
// rejected before 1.33. An unknown version assumes nothing.
import type { GroupView } from '../model-groups';
import { formatKubernetesVersion, imageVolumeSubPath, imageVolumeSupport, parseKubernetesVersion, type KubernetesVersion } from '../kubernetes/versions';
import type { Rule, RuleContext, RuleFinding } from './rule';

function groupFindings(context: RuleContext, group: GroupView, version: KubernetesVersion): RuleFinding[] {
  const shown = formatKubernetesVersion(version);
  const support = imageVolumeSupport(version);
  const images = group.volumes.filter((volume) => volume.source === 'image');
  const findings: RuleFinding[] = [];
  if (support !== 'default') {
    for (const volume of images) {
      findings.push(support === 'none'
        ? {
          code: 'image-volume-unavailable',
          message: `Kubernetes ${shown} has no image volumes (alpha from 1.31): the API server drops \`image\` and rejects volume \`${volume.name}\` without a source`,
          range: context.rangeFor([...volume.path, 'image'], 'key'),
          data: { volume: volume.name, kubernetesVersion: shown, needs: '1.31' },
        }
        : {
          code: 'image-volume-unavailable',
          severity: 'info',
          message: `Image volume \`${volume.name}\` needs the ImageVolume feature gate on Kubernetes ${shown} (on by default from 1.35), on the API server and the kubelets`,
          range: context.rangeFor([...volume.path, 'image'], 'key'),
          data: { volume: volume.name, kubernetesVersion: shown, needs: 'ImageVolume' },
        });
    }
  }
  if (support !== 'none' && !imageVolumeSubPath(version)) {
    const names = new Set(images.map((volume) => volume.name));
    for (const container of [group.engine, ...group.initContainers]) {
      for (const mount of container.mounts) {
        if (!names.has(mount.name) || mount.subPath === undefined) continue;
        findings.push({
          code: 'image-volume-unavailable',
          message: `Kubernetes ${shown} rejects \`subPath\` on a mount of image volume \`${mount.name}\` (allowed from 1.33): mount it whole and read \`<mountPath>/${mount.subPath}\``,
          range: context.rangeFor([...mount.path, 'subPath'], 'key'),
          data: { volume: mount.name, kubernetesVersion: shown, needs: '1.33' },
        });
      }
    }
  }
  return findings;
}

export const rule: Rule = {
  codes: [{ code: 'image-volume-unavailable', severity: 'warning', summary: 'An image volume, or subPath on one, that the cluster\'s Kubernetes version does not give (bitHarbor.cluster.kubernetesVersion).' }],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    const version = parseKubernetesVersion(context.settings.kubernetesVersion);
    return version ? context.groups().flatMap((group) => groupFindings(context, group, version)) : [];
  },
};
