/** Whether the page's link (`search`) holds anything but the graph's name: then the view it names is drawn by the app, not the boot path. */
export function linkHoldsView(search: string): boolean {
  for (const key of new URLSearchParams(search).keys()) if (key !== 'graph') return true;
  return false;
}
