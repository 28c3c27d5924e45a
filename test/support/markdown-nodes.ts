// What a markdown string renders as, read with `marked` (GFM, as VS Code's hovers): every link,
// image and HTML node, with its target, so a test can assert that only ours are there. `marked`
// is an ES module, loaded once with import().
import type { Token } from 'marked' with { 'resolution-mode': 'import' };

export interface RenderedNode {
  type: 'link' | 'image' | 'html';
  target: string;
}

export interface MarkdownReader {
  /** Links, images and HTML in the rendered markdown. */
  activeNodes(markdown: string): RenderedNode[];
  /** The block tokens, for finer assertions. */
  lex(markdown: string): Token[];
}

export async function markdownReader(): Promise<MarkdownReader> {
  const { Lexer } = await import('marked');
  const lex = (markdown: string): Token[] => new Lexer({ gfm: true }).lex(markdown);
  const activeNodes = (markdown: string): RenderedNode[] => {
    const found: RenderedNode[] = [];
    const visit = (tokens: readonly Token[]): void => {
      for (const token of tokens) {
        if (token.type === 'link' || token.type === 'image') found.push({ type: token.type, target: (token as { href: string }).href });
        else if (token.type === 'html' || token.type === 'tag') found.push({ type: 'html', target: token.raw });
        const nested = token as { tokens?: Token[]; items?: Token[] };
        if (nested.tokens) visit(nested.tokens);
        if (nested.items) visit(nested.items);
        if (token.type === 'table') {
          const table = token as unknown as { header: { tokens: Token[] }[]; rows: { tokens: Token[] }[][] };
          for (const cell of table.header) visit(cell.tokens);
          for (const row of table.rows) for (const cell of row) visit(cell.tokens);
        }
      }
    };
    visit(lex(markdown));
    return found;
  };
  return { activeNodes, lex };
}
