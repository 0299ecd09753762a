/**
 * The search box: an ARIA combobox ("Search papers") with a listbox of suggestions.
 * Keyboard: ArrowDown/ArrowUp move, Enter chooses (Shift+Enter adds it to the seeds of "Similar to
 * these"), Escape closes (a second Escape clears the text);
 * the mouse works too. Choosing a paper selects it and animates the camera to it.
 */
import type { SearchHit } from '../graph/search';
import { select } from '../state/view';
import { toggleSeed } from '../state/seeds';
import type { MountPanel } from './context';
import { el, uniqueId } from './panel-dom';
import { nodeNoun } from '../model';
import { searchSource, type SearchAnswer } from './search-source';
import './panels.css';

const LIMIT = 8;

export const mountSearch: MountPanel = (container, ctx) => {
  // indexed after mounting, on the page or by a worker (search-source.ts)
  const source = searchSource(ctx.graph);
  let disposed = false;
  // a search answered from part of the papers is made again once all are indexed
  source.onComplete(() => {
    if (!disposed && input.value.trim() !== '' && !list.hidden) void update();
  });
  const listId = uniqueId('search-list');
  const inputId = uniqueId('search-input');

  const root = el('div', { className: 'la-search' });
  const label = el('label', { className: 'la-visually-hidden', text: 'Search papers' });
  label.htmlFor = inputId;
  const input = el('input', { className: 'la-search-input' });
  Object.assign(input, { id: inputId, type: 'search', placeholder: 'Search name, title, author, id' });
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  const list = el('ul', { className: 'la-search-list' });
  list.id = listId;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  const status = el('div', { className: 'la-visually-hidden' });
  status.setAttribute('role', 'status');
  root.append(label, input, list, status);
  container.append(root);

  // which papers the filters show (computed once per filters change, shared with the other panels)
  const visibleNodes = (): Set<string> => ctx.visibility(ctx.store.get().filters).nodes;

  let hits: SearchHit[] = [];
  let active = -1;

  function optionId(i: number): string {
    return `${listId}-opt-${i}`;
  }

  function setActive(i: number): void {
    active = hits.length === 0 ? -1 : Math.max(-1, Math.min(hits.length - 1, i));
    list.querySelectorAll<HTMLElement>('[role="option"]').forEach((opt, j) => {
      const on = j === active;
      opt.setAttribute('aria-selected', String(on));
      opt.classList.toggle('is-active', on);
      if (on) opt.scrollIntoView({ block: 'nearest' });
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', optionId(active));
    else input.removeAttribute('aria-activedescendant');
  }

  function open(show: boolean): void {
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  }

  function renderList(): void {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const opt = el('li', { className: 'la-search-option' });
        opt.id = optionId(i);
        opt.setAttribute('role', 'option');
        opt.setAttribute('aria-selected', 'false');
        opt.dataset.id = hit.id;
        const line = el('div', { className: 'la-search-option-line' });
        line.append(el('span', { className: 'la-search-name', text: hit.label }));
        if (!visibleNodes().has(hit.id)) {
          line.append(
            el('span', { className: 'la-tag', text: 'hidden', title: 'Hidden by the current filters' }),
          );
        }
        if (hit.year !== null)
          line.append(el('span', { className: 'la-search-year', text: String(hit.year) }));
        const title = el('div', { className: 'la-search-title', text: hit.title });
        opt.append(line, title);
        return opt;
      }),
    );
  }

  /** The latest search asked; an answer to an older one is dropped. */
  let asked = 0;
  let answered: Promise<void> = Promise.resolve();
  function update(): Promise<void> {
    const mine = ++asked;
    const query = input.value;
    answered = source.search(query, LIMIT).then((answer) => {
      if (mine === asked && !disposed) show(query, answer);
    });
    return answered;
  }

  function show(query: string, { hits: found, partial }: SearchAnswer): void {
    hits = found;
    renderList();
    const shown = query.trim() !== '';
    const noMatch = `No ${nodeNoun(ctx.meta, 1)} matches`;
    if (shown && hits.length === 0 && !partial) {
      list.replaceChildren(el('li', { className: 'la-search-empty', text: noMatch }));
    }
    // searched before the index is done: say how much of the graph was searched
    if (shown && partial) {
      const text = `Searching… ${partial.indexed.toLocaleString('en')} of ${partial.total.toLocaleString('en')} ${nodeNoun(ctx.meta, partial.total)} indexed`;
      list.append(el('li', { className: 'la-search-empty', text }));
    }
    open(shown);
    setActive(hits.length > 0 ? 0 : -1);
    status.textContent = !shown
      ? ''
      : partial
        ? `${hits.length} suggestions so far, still indexing`
        : hits.length === 0
          ? noMatch
          : `${hits.length} suggestions`;
  }

  /** The box names the selection (not a paper chosen to compare with it), or is empty. */
  const selectedLabel = () => {
    const id = ctx.store.get().selected;
    return id !== null && ctx.graph.hasNode(id) ? ctx.graph.getNodeAttribute(id, 'label') : '';
  };

  /** `seed`: Shift+Enter adds the paper to (or takes it from) the seeds of "Similar to these". */
  function choose(i: number, seed = false): void {
    const hit = hits[i];
    if (!hit) return;
    const comparing = ctx.store.get().picking && !seed;
    open(false);
    if (seed) {
      ctx.store.update((s) => toggleSeed(s, hit.id));
      const n = ctx.store.get().seeds.length;
      input.value = selectedLabel();
      status.textContent = `${n} ${n === 1 ? 'paper' : 'papers'} picked for “Similar to these”`;
      ctx.view.focusNode(hit.id);
      return;
    }
    ctx.store.update((s) => select(s, hit.id));
    input.value = selectedLabel();
    status.textContent = comparing ? `Comparing with ${hit.label}` : `Selected ${hit.label}`;
    ctx.view.focusNode(hit.id);
  }
  // the selection changed elsewhere (graph, drawer, Escape): the box follows, unless being typed in
  const unsubscribe = ctx.store.subscribe((s, prev) => {
    if (s.selected === prev.selected) return;
    if (root.ownerDocument.activeElement === input && !list.hidden) return;
    input.value = selectedLabel();
  });

  const onInput = () => void update();
  const onKeyDown = (e: KeyboardEvent) => {
    const isOpen = !list.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!isOpen) {
          void update();
          return;
        }
        setActive(active + 1 >= hits.length ? 0 : active + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (isOpen) setActive(active <= 0 ? hits.length - 1 : active - 1);
        break;
      case 'Enter': {
        // the suggestions for what is typed: those shown, once the last search is answered
        if (input.value.trim() === '') break;
        e.preventDefault();
        const shift = e.shiftKey;
        void answered.then(() => {
          if (!list.hidden && active >= 0) choose(active, shift);
        });
        break;
      }
      case 'Escape':
        if (isOpen) {
          e.preventDefault();
          e.stopPropagation();
          open(false);
        } else if (input.value !== '') {
          e.preventDefault();
          e.stopPropagation();
          input.value = '';
          status.textContent = '';
        }
        break;
    }
  };
  const optionIndex = (e: Event): number => {
    const opt = (e.target as Element | null)?.closest<HTMLElement>('[role="option"]');
    return opt ? Array.prototype.indexOf.call(list.children, opt) : -1;
  };
  // mousedown would blur the input before the click lands: keep the focus in the combobox
  const onListMouseDown = (e: MouseEvent) => e.preventDefault();
  const onListClick = (e: MouseEvent) => choose(optionIndex(e));
  const onListMove = (e: MouseEvent) => {
    const i = optionIndex(e);
    if (i >= 0 && i !== active) setActive(i);
  };
  const onBlur = () => open(false);

  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKeyDown);
  input.addEventListener('blur', onBlur);
  list.addEventListener('mousedown', onListMouseDown);
  list.addEventListener('click', onListClick);
  list.addEventListener('mousemove', onListMove);

  return () => {
    disposed = true;
    unsubscribe();
    source.dispose();
    input.removeEventListener('input', onInput);
    input.removeEventListener('keydown', onKeyDown);
    input.removeEventListener('blur', onBlur);
    list.removeEventListener('mousedown', onListMouseDown);
    list.removeEventListener('click', onListClick);
    list.removeEventListener('mousemove', onListMove);
    root.remove();
  };
};
