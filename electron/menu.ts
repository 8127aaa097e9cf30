import type { MenuItemConstructorOptions } from 'electron';

export const HELP_LINKS = [{ label: 'Apollo API documentation', url: 'https://docs.apollo.io/' }] as const;

export interface MenuOptions {
  isMac: boolean;
  appName: string;
  /** Developer tools only in development builds. */
  dev: boolean;
  openLink(url: string): void;
}

/** The application menu: standard roles (so copy/paste and window keys work everywhere) plus Help links. */
export function menuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (opts.dev) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(opts.isMac ? [{ label: opts.appName, role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [opts.isMac ? { role: 'close' } : { role: 'quit' }] },
    { label: 'Edit', role: 'editMenu' },
    { label: 'View', submenu: view },
    { label: 'Window', role: 'windowMenu' },
    {
      label: 'Help',
      role: 'help',
      submenu: HELP_LINKS.map((l) => ({ label: l.label, click: () => opts.openLink(l.url) })),
    },
  ];
}
