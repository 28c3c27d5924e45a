// How a catalogue model is shown in completion details, completion docs and hovers. Catalogue
// strings come from a file or a URL someone else controls, so every one of them is escaped
// before it reaches markdown, and only a Hugging Face model page ever becomes a link: a model
// name cannot inject a link, an image or a `command:` URI.
import type { ModelEntry, ModelSize } from './catalogue/catalogue';
import { formatGiB } from './quantity';
import { codeSpan, escapeMarkdown } from './text/escape-markdown';

export { codeSpan, escapeMarkdown };

const HUGGING_FACE_PAGE = /^https?:\/\/(?:www\.)?huggingface\.co\/([A-Za-z0-9][\w.-]*)\/([\w.-]+?)\/?$/i;

/** `org/name` as the catalogue writes it (case kept), or the raw `repo` when it is no hub URL. */
export function hubRepo(entry: ModelEntry): string {
  const match = HUGGING_FACE_PAGE.exec(entry.repo.trim());
  return match ? `${match[1]}/${match[2]}` : entry.repo.trim();
}

/** The model page, rebuilt from its two checked parts; null when `repo` is not a hub page. */
export function modelPageUrl(entry: ModelEntry): string | null {
  const match = HUGGING_FACE_PAGE.exec(entry.repo.trim());
  return match ? `https://huggingface.co/${match[1]}/${match[2]}` : null;
}

/** `15.0 GiB (measured)`, or `size unknown`. */
export function sizeLabel(size: ModelSize | undefined): string {
  return size ? `${formatGiB(size.bytes)} (${size.source})` : 'size unknown';
}

/** The one-line detail of a completion item: `<hf repo> · <size>`. */
export function modelDetail(entry: ModelEntry, size: ModelSize | undefined): string {
  return `${hubRepo(entry)} · ${sizeLabel(size)}`;
}

/** Markdown lines describing a model: its page, its size and where the size comes from. */
export function modelMarkdown(entry: ModelEntry, size: ModelSize | undefined): string[] {
  const page = modelPageUrl(entry);
  const repo = escapeMarkdown(hubRepo(entry));
  const lines = [`**${escapeMarkdown(entry.name)}** · ${page ? `[${repo}](${page})` : repo}`, ''];
  if (size) {
    const detail = size.detail ? `; ${escapeMarkdown(size.detail)}` : '';
    lines.push(`Weights: **${formatGiB(size.bytes)}** (${size.bytes.toLocaleString('en-US')} bytes, ${size.source}${detail})`);
  } else {
    lines.push('Weights: size unknown (no measurement, estimate or `bitHarbor.catalog.sizes` entry for this tag)');
  }
  return lines;
}
