/**
 * The indicator of a timeline packing that runs in a worker: "Packing the timeline…", a progress
 * bar and a Cancel button, over the graph until the packing ends. `show` updates it, `hide` removes
 * it from view; `cleanup` takes it out of the page.
 */
import './timeline-progress.css';

export interface TimelineProgress {
  show(fraction: number): void;
  hide(): void;
  cleanup(): void;
}

export function createTimelineProgress(container: HTMLElement, onCancel: () => void): TimelineProgress {
  const doc = container.ownerDocument;
  const box = doc.createElement('div');
  box.className = 'timeline-progress';
  box.setAttribute('role', 'status');
  box.hidden = true;
  const text = doc.createElement('span');
  text.textContent = 'Packing the timeline…';
  const bar = doc.createElement('progress');
  bar.max = 1;
  bar.setAttribute('aria-label', 'Timeline packing');
  const cancel = doc.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.addEventListener('click', onCancel);
  box.append(text, bar, cancel);
  container.append(box);
  return {
    show(fraction) {
      bar.value = Math.min(1, Math.max(0, fraction));
      box.hidden = false;
    },
    hide() {
      box.hidden = true;
    },
    cleanup() {
      cancel.removeEventListener('click', onCancel);
      box.remove();
    },
  };
}
