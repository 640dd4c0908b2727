/**
 * Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y; ⌘ on a Mac) undo and redo scenario edits anywhere on the page,
 * including inside an editor field (`scope`): the history is of scenarios, so the browser's own
 * per-field undo would disagree with it. Text fields outside the editor (a variant's name, the seed)
 * keep the browser's undo of their text.
 */
export function bindUndoKeys(target: Document, scope: HTMLElement, on: { undo(): void; redo(): void }): void {
  target.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const el = e.target as HTMLElement | null;
    const typing =
      el instanceof HTMLTextAreaElement ||
      (el instanceof HTMLInputElement && el.type !== 'range' && el.type !== 'checkbox');
    if (typing && !scope.contains(el)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) on.undo();
    else if ((key === 'z' && e.shiftKey) || key === 'y') on.redo();
    else return;
    e.preventDefault();
  });
}

/** Saves text as a file through a temporary link (the page has no server to send it to). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
