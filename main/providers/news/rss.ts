/**
 * RSS 2.0 as Google News serves it, read with saxes (a maintained, strict, well-formedness-checking
 * XML parser): a feed that is cut short, an HTML consent page or any other non-RSS answer fails
 * with a message instead of yielding half a list. Items need a title and a parseable pubDate.
 */
import { SaxesParser } from 'saxes';
import { splitPublisher, type NewsItem } from '../../domain/signals';

export interface RssFeed {
  title: string | null;
  items: NewsItem[];
}

export class RssError extends Error {}

interface Draft {
  title?: string;
  link?: string;
  pubDate?: string;
  source?: string;
}

/** Parses an RSS 2.0 document; throws RssError naming what is wrong. */
export function parseRss(xml: string): RssFeed {
  const parser = new SaxesParser();
  const stack: string[] = [];
  let text = '';
  let root: string | null = null;
  let version: string | null = null;
  let channelTitle: string | null = null;
  let sawChannel = false;
  let draft: Draft | null = null;
  const items: NewsItem[] = [];
  const skipped: string[] = [];

  parser.on('opentag', (tag) => {
    if (stack.length === 0) {
      root = tag.name;
      const v = tag.attributes.version;
      version = typeof v === 'string' ? v : null;
    }
    if (tag.name === 'channel' && stack.at(-1) === 'rss') sawChannel = true;
    if (tag.name === 'item' && stack.at(-1) === 'channel') draft = {};
    stack.push(tag.name);
    text = '';
  });
  parser.on('text', (t) => (text += t));
  parser.on('cdata', (t) => (text += t));
  parser.on('closetag', (tag) => {
    stack.pop();
    const parent = stack.at(-1);
    const value = text.trim();
    if (draft && parent === 'item') {
      if (tag.name === 'title') draft.title = value;
      else if (tag.name === 'link') draft.link = value;
      else if (tag.name === 'pubDate') draft.pubDate = value;
      else if (tag.name === 'source') draft.source = value;
    } else if (parent === 'channel' && tag.name === 'title') channelTitle = value;
    if (tag.name === 'item' && draft) {
      const item = toItem(draft);
      if (item) items.push(item);
      else skipped.push(draft.title ?? '(untitled)');
      draft = null;
    }
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    throw new RssError(`not well-formed XML (${(err as Error).message.split('\n')[0]})`);
  }
  if (root !== 'rss') throw new RssError(`the document is <${root ?? 'nothing'}>, not an RSS feed`);
  if (version !== '2.0') throw new RssError(`RSS version ${version ?? '(none)'}; expected 2.0`);
  if (!sawChannel) throw new RssError('the feed has no <channel>');
  return { title: channelTitle, items };
}

function toItem(d: Draft): NewsItem | null {
  if (!d.title || !d.pubDate) return null;
  const ms = Date.parse(d.pubDate);
  if (!Number.isFinite(ms)) return null;
  const publisher = d.source?.trim() || splitPublisher(d.title).publisher;
  return { title: d.title, link: d.link ?? null, published: new Date(ms).toISOString(), publisher };
}
