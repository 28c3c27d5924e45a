// Shared steps of the VS Code suites: the fixture workspace, the extension, and bounded waits
// (a wait that never ends fails its test with what it was waiting for).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bit-harbor-values.bit-harbor-values';

export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens the fixture workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded from the worktree`);
  await extension.activate();
  return extension;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The document's Bit Harbor diagnostics once `accept` holds for them. */
export function bitHarborDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const ours = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'bit-harbor');
    return accept(ours) ? ours : undefined;
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  assert.equal(document.languageId, 'yaml');
  return vscode.window.showTextDocument(document);
}

/** The position just after the first occurrence of `needle` (plus `extra` characters). */
export function positionAfter(document: vscode.TextDocument, needle: string, extra = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `the fixture contains ${needle}`);
  return document.positionAt(offset + needle.length + extra);
}

/** Writes back the fixture's text as it was, so suites do not depend on each other's edits. */
export async function restore(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text));
  await document.save();
}

/** Asks the workbench (the runner's page) for a screenshot and waits until it is taken. */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.BIT_HARBOR_SCREENSHOT_DIR;
  if (!dir) return;
  const done = vscode.Uri.file(`${dir}/${name}.done`);
  await vscode.commands.executeCommand('notifications.clearAll');
  console.log(`screenshot:${name}`);
  await waitFor(`the screenshot ${name}`, async () => {
    try {
      await vscode.workspace.fs.stat(done);
      return true;
    } catch {
      return undefined;
    }
  }, 30_000);
}

/**
 * Asks the runner's page to do what the extension host cannot (read the notifications the
 * workbench shows, press a button in the workbench) and waits until it has; returns what the
 * page wrote back (`<action>.json` in the exchange folder, shared with screenshots).
 */
export async function askPage<T>(action: 'notifications' | 'grant-trust'): Promise<T | undefined> {
  const dir = process.env.BIT_HARBOR_SCREENSHOT_DIR;
  assert.ok(dir, 'the runner gives an exchange folder');
  const answer = vscode.Uri.file(`${dir}/${action}.json`);
  console.log(`page-action:${action}`);
  const text = await waitFor(`the page to answer ${action}`, async () => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(answer));
    } catch {
      return undefined;
    }
  }, 30_000);
  await vscode.workspace.fs.delete(answer);
  const parsed = JSON.parse(text) as T | { pageError: string } | null;
  if (parsed && typeof parsed === 'object' && 'pageError' in parsed) throw new Error(`the page could not ${action}: ${parsed.pageError}`);
  return (parsed ?? undefined) as T | undefined;
}

export const label = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/** The text of every hover VS Code's providers give at `position`. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}
