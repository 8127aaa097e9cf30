/**
 * Session- and WebContents-level hardening. The page is our own bundle, but it renders third-party text
 * (lead data), so it is treated as if it could be made hostile: no navigation, no new windows, no
 * permissions, no network, and links leave only to the system browser after isAllowedExternal().
 */
import type { Session, Shell, WebContents } from 'electron';
import { withCsp } from './csp';
import { isAllowedExternal } from './links';

/** Opens a link in the system browser if, and only if, it passes the allow-list. */
export async function openExternalSafe(shell: Pick<Shell, 'openExternal'>, url: string): Promise<boolean> {
  if (!isAllowedExternal(url)) return false;
  await shell.openExternal(url);
  return true;
}

export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  // The page never needs the network; the engine does its HTTP in Node, outside this session.
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_d, callback) => callback({ cancel: true }),
  );
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Applied to every WebContents the app ever creates (via app 'web-contents-created'). */
export function hardenContents(
  contents: WebContents,
  appUrl: string,
  shell: Pick<Shell, 'openExternal'>,
): void {
  const sameDocument = (url: string) => url.split('#')[0] === appUrl.split('#')[0];
  contents.on('will-navigate', (event, url) => {
    if (!sameDocument(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!sameDocument(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafe(shell, url);
    return { action: 'deny' };
  });
}
