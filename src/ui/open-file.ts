/**
 * Opening a graph file from the reader's computer: the header's "Open file…" button (a file picker)
 * and dropping a file anywhere on the page. A file over the size limit is refused before it is read;
 * while one is read and laid out a status says so; a file that cannot be opened gets its error in an
 * alert, and the graph on screen stays. `open` does the reading and swapping (start.ts).
 */
import { h } from './dom';
import './open-file.css';

/** The kinds of file the picker offers. */
export const GRAPH_FILE_ACCEPT = '.gexf,.graphml,.xml,.json';

export interface FileOpenerOptions {
  /** Files larger than this many bytes are refused. */
  maxBytes: number;
  /**
   * Reads the file and shows its graph, resolving to notes for the reader (what was left out);
   * throws an Error whose message the reader sees.
   */
  open(file: File): Promise<readonly string[] | void>;
}

export interface FileOpener {
  /** A new "Open file…" button with its hidden file input, for the current header. */
  button(): HTMLElement;
  /** Says something went wrong (an alert the reader dismisses). */
  showError(message: string): void;
  cleanup(): void;
}

/** "72.1 MB", "850 kB", "120 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
}

/** The refusal of a file over the limit, or null when it is within it. */
export function sizeProblem(name: string, bytes: number, maxBytes: number): string | null {
  if (bytes <= maxBytes) return null;
  // just over the limit: in bytes, so the two figures differ
  const size =
    formatBytes(bytes) === formatBytes(maxBytes) ? `${bytes.toLocaleString('en')} bytes` : formatBytes(bytes);
  return `${name} is ${size}: the explorer opens graph files of up to ${formatBytes(maxBytes)}.`;
}

export function createFileOpener(doc: Document, options: FileOpenerOptions): FileOpener {
  const message = h('p', { class: 'open-file-message' });
  const dismiss = h('button', { type: 'button', class: 'link-btn small', text: 'Dismiss' });
  const toast = h('div', { class: 'open-file-toast', hidden: true }, message, dismiss);
  const overlay = h(
    'div',
    { class: 'drop-overlay', hidden: true, 'aria-hidden': 'true' },
    h('p', { text: 'Drop a graph file to open it' }),
    h('p', { class: 'muted small', text: 'GEXF, GraphML or JSON' }),
  );
  doc.body.append(toast, overlay);
  let busy = false;
  const inputs = new Set<HTMLInputElement>();

  /** `status`: work under way (no Dismiss); `note`: done, with something to say; `error`: an alert. */
  const show = (text: string, kind: 'error' | 'status' | 'note') => {
    message.textContent = text;
    toast.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    toast.classList.toggle('is-error', kind === 'error');
    dismiss.hidden = kind === 'status';
    toast.hidden = false;
  };
  const hide = () => {
    toast.hidden = true;
    message.textContent = '';
  };
  dismiss.addEventListener('click', hide);

  const handle = async (file: File) => {
    if (busy) return;
    const tooBig = sizeProblem(file.name, file.size, options.maxBytes);
    if (tooBig) {
      show(tooBig, 'error');
      return;
    }
    busy = true;
    for (const input of inputs) input.disabled = true;
    show(`Opening ${file.name}…`, 'status');
    try {
      const notes = await options.open(file);
      if (notes && notes.length > 0) show(`Opened ${file.name}. ${notes.join(' ')}`, 'note');
      else hide();
    } catch (e) {
      show(e instanceof Error ? e.message : String(e), 'error');
    } finally {
      busy = false;
      for (const input of inputs) input.disabled = false;
    }
  };

  // dropping: the overlay shows while files are dragged over the page
  let depth = 0;
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  const onEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth += 1;
    overlay.hidden = false;
  };
  const onLeave = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  };
  const onOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = e.dataTransfer!.files;
    if (files.length > 1) {
      show('Drop one graph file at a time.', 'error');
      return;
    }
    const file = files[0];
    if (file) void handle(file);
  };
  doc.addEventListener('dragenter', onEnter);
  doc.addEventListener('dragleave', onLeave);
  doc.addEventListener('dragover', onOver);
  doc.addEventListener('drop', onDrop);

  return {
    button() {
      // the inputs of headers that were replaced (another graph opened) are gone from the page
      for (const old of inputs) if (!old.isConnected) inputs.delete(old);
      const input = h('input', {
        type: 'file',
        accept: GRAPH_FILE_ACCEPT,
        class: 'visually-hidden',
        tabindex: -1,
        'aria-hidden': 'true',
      });
      const btn = h('button', {
        type: 'button',
        class: 'btn',
        text: 'Open file…',
        title: 'Open a GEXF, GraphML or JSON graph file (or drop one on the page)',
      });
      btn.addEventListener('click', () => input.click());
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.value = '';
        if (file) void handle(file);
      });
      inputs.add(input);
      return h('span', { class: 'open-file' }, btn, input);
    },
    showError(text) {
      show(text, 'error');
    },
    cleanup() {
      doc.removeEventListener('dragenter', onEnter);
      doc.removeEventListener('dragleave', onLeave);
      doc.removeEventListener('dragover', onOver);
      doc.removeEventListener('drop', onDrop);
      toast.remove();
      overlay.remove();
      inputs.clear();
    },
  };
}
