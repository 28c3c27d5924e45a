// What the server offers, in one light module: the start-up (boot.ts) answers `initialize` with
// it before the engine, the checks and the schemas are loaded. It imports nothing of the engine,
// so that answer costs only the protocol library. The feature modules' declarations live here too
// (CATALOGUE_CAPABILITIES, AUTHORING_CAPABILITIES; they re-export them), written once.
import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver/node';

/** The command every LSP client can run (VS Code registers it from the capability). */
export const REFRESH_CATALOGUE_COMMAND = 'bitHarbor.refreshCatalogue';

/** The manifests the chart renders from an open values file (server/render.ts). */
export const RENDER_MANIFESTS_COMMAND = 'bitHarbor.renderManifests';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bit-harbor`;

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

/** Served by server/features.ts: `:` ends the registry, quotes open a value: the moments a tag list is wanted. */
export const CATALOGUE_CAPABILITIES: Pick<ServerCapabilities, 'completionProvider' | 'hoverProvider' | 'codeActionProvider'> = {
  completionProvider: { triggerCharacters: [':', '"', "'"] },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
};

/** Served by server/authoring.ts. */
export const AUTHORING_CAPABILITIES: Pick<
  ServerCapabilities,
  | 'documentSymbolProvider'
  | 'workspaceSymbolProvider'
  | 'definitionProvider'
  | 'referencesProvider'
  | 'renameProvider'
  | 'inlayHintProvider'
  | 'foldingRangeProvider'
  | 'selectionRangeProvider'
> = {
  documentSymbolProvider: { label: 'Bit Harbor values' },
  workspaceSymbolProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  inlayHintProvider: true,
  foldingRangeProvider: true,
  selectionRangeProvider: true,
};

export const SERVER_CAPABILITIES: ServerCapabilities = {
  // Incremental: a keystroke in a 35,000-line file sends one character, not 1 MB of text.
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  executeCommandProvider: { commands: [REFRESH_CATALOGUE_COMMAND, RENDER_MANIFESTS_COMMAND] },
  ...CATALOGUE_CAPABILITIES,
  ...AUTHORING_CAPABILITIES,
};
