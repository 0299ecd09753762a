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
  for (const [i, c] of choices.entries()) select.append(h('option', { value: String(i), text: c.label }));
  const current = choices.findIndex((c) => c.current);
  select.selectedIndex = current >= 0 ? current : 0;
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
  select.addEventListener('change', onChange);
  return {
    element,
    cleanup() {
      select.removeEventListener('change', onChange);
    },
  };
}
