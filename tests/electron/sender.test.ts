import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/sender';
import { shellPaths } from '../../electron/paths';

const { appUrl } = shellPaths('/opt/Lead Studio/resources/app.asar/dist/electron');

describe('isTrustedSender', () => {
  it('points at the built renderer beside the shell', () => {
    expect(appUrl).toBe(pathToFileURL('/opt/Lead Studio/resources/app.asar/dist/renderer/index.html').href);
  });

  it('accepts our renderer document, whatever its route', () => {
    expect(isTrustedSender(appUrl, appUrl)).toBe(true);
    expect(isTrustedSender(`${appUrl}#/campaigns/3`, appUrl)).toBe(true);
    expect(isTrustedSender(`${appUrl}?tab=leads`, appUrl)).toBe(true);
  });

  it.each([
    ['no frame (destroyed or navigated away)', null],
    ['empty URL', ''],
    ['a web page', 'https://evil.example/index.html'],
    ['a dev server', 'http://localhost:5173/'],
    ['another local file', pathToFileURL('/tmp/evil/index.html').href],
    ['a sibling file in our folder', appUrl.replace('index.html', 'other.html')],
    ['a path that only starts like ours', appUrl.replace('index.html', 'index.html.evil')],
    ['a remote file host', appUrl.replace('file:///', 'file://attacker/')],
    ['data URL', 'data:text/html,hi'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(isTrustedSender(url, appUrl)).toBe(false);
  });
});
