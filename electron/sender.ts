/**
 * Only our own renderer page may call the engine. The check is on the calling frame's URL (not the
 * WebContents), so an iframe or a navigated-away page is refused even inside our window.
 */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  if (typeof frameUrl !== 'string' || frameUrl.length === 0) return false;
  let sender: URL;
  let app: URL;
  try {
    sender = new URL(frameUrl);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  // Hash and query are the renderer's own routing state; the document itself must be our file.
  return (
    sender.protocol === 'file:' &&
    app.protocol === 'file:' &&
    sender.host === app.host &&
    sender.pathname === app.pathname
  );
}
