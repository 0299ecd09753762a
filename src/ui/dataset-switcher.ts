/**
 * The header's dataset switcher: a select named "Dataset" listing the datasets of datasets.json by
 * name and paper count. Choosing one opens its page (`?graph=FILE`), so the choice is in the URL and
 * the back button returns to the dataset before.
 */
import type { DatasetChoice } from '../graph/datasets';
import { h } from './dom';
import './dataset-switcher.css';

export interface DatasetSwitcher {
  element: HTMLElement;
  cleanup(): void;
}

export function createDatasetSwitcher(
  choices: readonly DatasetChoice[],
  navigate: (href: string) => void = (href) => window.location.assign(href),
): DatasetSwitcher {
  const select = h('select', { id: 'dataset-switcher', class: 'dataset-select' });
  choices.forEach((c, i) =>
    select.append(h('option', { value: String(i), text: c.label, selected: c.current })),
  );
  const currentIndex = String(
    Math.max(
      0,
      choices.findIndex((c) => c.current),
    ),
  );
  select.value = currentIndex;
  const element = h(
    'div',
    { class: 'dataset-switcher' },
    h('label', { for: 'dataset-switcher', class: 'dataset-label', text: 'Dataset' }),
    select,
  );
  const onChange = () => {
    const choice = choices[Number(select.value)];
    if (choice && !choice.current) navigate(choice.href);
  };
  // a page restored from the back-forward cache shows the dataset it holds, not the one chosen last
  const onPageShow = () => {
    select.value = currentIndex;
  };
  select.addEventListener('change', onChange);
  window.addEventListener('pageshow', onPageShow);
  return {
    element,
    cleanup() {
      select.removeEventListener('change', onChange);
      window.removeEventListener('pageshow', onPageShow);
    },
  };
}
