/**
 * The Export menu (header): images of the current view (PNG at 1×, 2×, 4×; SVG), the playback as
 * a WebM video or a GIF (the recording dialog, video-export.ts, loads on first use) and the data in
 * scope (GEXF, GraphML, JSON, CSV, BibTeX), with a "Visible papers only" checkbox (on by default)
 * choosing between what the filters show and the whole graph, and, while the reader's library is
 * open, an "Include my library" checkbox (off by default) that rings its papers in the images and
 * keys them in the frame's legend. A menu button in the ARIA pattern:
 * Enter / Space / ↓ open it on the first item, ↑ on the last; ↑ ↓ Home End move; Enter / Space
 * choose; Escape closes and returns to the button; Tab or a click elsewhere closes.
 */
import { exportData, exportFilename } from '../export/data';
import { buildExportInput } from '../export/input';
import type { DataFormat, ExportScope } from '../export/types';
import type { LegendItem } from '../export/frame';
import type { RenderTheme } from '../render/theme';
import type { ViewState } from '../state/types';
import type { AppContext, MountPanel } from './context';
import { h } from './dom';
import { downloadBlob, downloadText } from './download';
import { frameContent } from './export-frame';
import { uniqueId } from './panel-dom';

interface MenuAction {
  /** The item's accessible name, starting with the format. */
  name: string;
  hint: string;
  run(scope: ExportScope): Promise<string[]>;
}

const DATA_ITEMS: Array<{ format: DataFormat; name: string; hint: string }> = [
  { format: 'gexf', name: 'GEXF', hint: 'Gephi' },
  { format: 'graphml', name: 'GraphML', hint: 'yEd, Cytoscape' },
  { format: 'json', name: 'JSON', hint: 'graph file' },
  { format: 'csv', name: 'CSV', hint: 'papers and links' },
  { format: 'bibtex', name: 'BibTeX', hint: 'references' },
];

function actions(
  ctx: AppContext,
  includeLibrary: () => boolean,
): { images: MenuAction[]; data: MenuAction[] } {
  const { graph, meta, store } = ctx;
  const doc = document;
  const content = (date: Date) => {
    const s = store.get();
    const visibility = ctx.visibility(s.filters);
    const theme = ctx.view.images.theme();
    const c = frameContent(graph, meta, s, visibility, ctx.categories(s.colorBy), theme, date);
    return includeLibrary() ? { ...c, library: libraryKey(s, visibility.nodes, ctx.view.images.theme()) } : c;
  };
  const png = (scale: number): MenuAction => ({
    name: `PNG ${scale}×`,
    hint: scale === 1 ? 'screen size' : `${scale} times the pixels`,
    async run() {
      const date = new Date();
      const blob = await ctx.view.images.png(scale, content(date));
      const name = exportFilename(meta, 'visible', date, 'png', scale === 1 ? undefined : `${scale}x`);
      downloadBlob(doc, blob, name);
      return [name];
    },
  });
  const svg: MenuAction = {
    name: 'SVG',
    hint: 'vector, for editing',
    async run() {
      const date = new Date();
      const c = content(date);
      const name = exportFilename(meta, 'visible', date, 'svg');
      downloadText(doc, ctx.view.images.svg(c, c.caption), name, 'image/svg+xml');
      return [name];
    },
  };
  const data = DATA_ITEMS.map((item): MenuAction => ({
    name: item.name,
    hint: item.hint,
    async run(scope) {
      const s = store.get();
      const input = buildExportInput(graph, meta, s, ctx.visibility(s.filters), scope, new Date());
      const files = exportData(item.format, input);
      for (const f of files) downloadText(doc, f.content, f.filename, f.mime);
      return files.map((f) => f.filename);
    },
  }));
  // the playback as a video or GIF (the recording dialog and encoders load on first use)
  const video = (format: 'webm' | 'gif', name: string): MenuAction => ({
    name,
    hint: 'playback over time',
    run: async () => (await import('./video-export')).recordPlayback(ctx, format, content),
  });
  return { images: [png(1), png(2), png(4), svg, video('webm', 'Video (WebM)'), video('gif', 'GIF')], data };
}

export const mountExportMenu: MountPanel = (container, ctx) => {
  const menuId = uniqueId('export-menu');
  const buttonId = uniqueId('export-button');
  const button = h('button', {
    type: 'button',
    id: buttonId,
    class: 'btn menu-button',
    'aria-haspopup': 'menu',
    'aria-expanded': 'false',
    'aria-controls': menuId,
    text: 'Export',
  });
  const menu = h('div', {
    id: menuId,
    class: 'menu',
    role: 'menu',
    'aria-labelledby': buttonId,
    hidden: true,
  });
  const status = h('span', { class: 'menu-status muted small', role: 'status' });
  container.append(h('div', { class: 'menu-wrap' }, button, menu), status);

  let visibleOnly = true;
  // the reader's library rings the papers in an image only when ticked (it stays in this browser otherwise)
  let withLibrary = false;
  const libraryItem = h(
    'div',
    { role: 'menuitemcheckbox', class: 'menu-item menu-check', tabindex: -1, 'aria-checked': 'false' },
    h('span', { class: 'check', 'aria-hidden': 'true' }),
    'Include my library',
  );
  // in the menu only while a library is open
  const showLibraryItem = () => {
    if (ctx.store.get().library === null) libraryItem.remove();
    else if (!libraryItem.isConnected) imageGroup.append(libraryItem);
  };
  const unsubscribeLibrary = ctx.store.subscribe((s, prev) => {
    if (s.library !== prev.library) showLibraryItem();
  });
  const scopeItem = h(
    'div',
    { role: 'menuitemcheckbox', class: 'menu-item menu-check', tabindex: -1, 'aria-checked': 'true' },
    h('span', { class: 'check', 'aria-hidden': 'true' }),
    'Visible papers only',
  );
  const { images, data } = actions(ctx, () => withLibrary && ctx.store.get().library !== null);
  const itemFor = (a: MenuAction) => {
    const el = h(
      'div',
      { role: 'menuitem', class: 'menu-item', tabindex: -1 },
      a.name,
      h('span', { class: 'menu-hint', 'aria-hidden': 'true', text: a.hint }),
    );
    return { el, action: a };
  };
  const imageItems = images.map(itemFor);
  const dataItems = data.map(itemFor);
  const imageGroup = h(
    'div',
    { role: 'group', 'aria-label': 'Image of the view' },
    h('div', { class: 'menu-heading', 'aria-hidden': 'true', text: 'Image of the view' }),
    ...imageItems.map((i) => i.el),
  );
  menu.append(
    imageGroup,
    h('div', { role: 'separator', class: 'menu-sep' }),
    h(
      'div',
      { role: 'group', 'aria-label': 'Data' },
      h('div', { class: 'menu-heading', 'aria-hidden': 'true', text: 'Data' }),
      scopeItem,
      ...dataItems.map((i) => i.el),
    ),
  );
  showLibraryItem();
  const all = (): HTMLElement[] => [
    ...imageItems.map((i) => i.el),
    ...(libraryItem.isConnected ? [libraryItem] : []),
    scopeItem,
    ...dataItems.map((i) => i.el),
  ];
  const runs = new Map<HTMLElement, MenuAction>([...imageItems, ...dataItems].map((i) => [i.el, i.action]));

  const isOpen = () => !menu.hidden;
  const focusAt = (i: number) => {
    const items = all();
    const el = items[(i + items.length) % items.length]!;
    for (const it of items) it.tabIndex = it === el ? 0 : -1;
    el.focus();
  };
  const open = (at: 'first' | 'last') => {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    focusAt(at === 'first' ? 0 : -1);
  };
  const close = (refocus: boolean) => {
    if (!isOpen()) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };
  const toggleScope = () => {
    visibleOnly = !visibleOnly;
    scopeItem.setAttribute('aria-checked', String(visibleOnly));
  };
  let busy = false;
  const activate = async (el: HTMLElement) => {
    if (el === scopeItem) return toggleScope();
    if (el === libraryItem) {
      withLibrary = !withLibrary;
      libraryItem.setAttribute('aria-checked', String(withLibrary));
      return;
    }
    const action = runs.get(el);
    if (!action || busy) return;
    close(true);
    busy = true;
    button.setAttribute('aria-busy', 'true');
    status.textContent = `Preparing ${action.name}…`;
    try {
      const names = await action.run(visibleOnly ? 'visible' : 'all');
      status.textContent = names.length > 0 ? `Saved ${names.join(', ')}` : `${action.name}: cancelled`;
    } catch (e) {
      status.textContent = `${action.name} export failed: ${e instanceof Error ? e.message : String(e)}`;
      console.error(e);
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
    }
  };

  button.addEventListener('click', () => (isOpen() ? close(false) : open('first')));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      open(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  });
  menu.addEventListener('keydown', (e) => {
    const items = all();
    const i = items.indexOf(document.activeElement as HTMLElement);
    switch (e.key) {
      case 'ArrowDown':
        focusAt(i + 1);
        break;
      case 'ArrowUp':
        focusAt(i - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(-1);
        break;
      case 'Enter':
      case ' ':
        if (i >= 0) void activate(items[i]!);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  });
  menu.addEventListener('click', (e) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[role^="menuitem"]');
    if (el) void activate(el);
  });
  const onDocPointer = (e: PointerEvent) => {
    if (isOpen() && !container.contains(e.target as Node)) close(false);
  };
  document.addEventListener('pointerdown', onDocPointer);
  return () => {
    unsubscribeLibrary();
    document.removeEventListener('pointerdown', onDocPointer);
    container.replaceChildren();
  };
};

/** The frame's "In my library" key: the ring's colour and how many visible papers carry it. */
function libraryKey(s: ViewState, visible: ReadonlySet<string>, theme: RenderTheme): LegendItem | null {
  if (s.library === null) return null;
  return {
    label: 'In my library',
    color: theme.library,
    count: s.library.nodes.filter((n) => visible.has(n)).length,
  };
}
