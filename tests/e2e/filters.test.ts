import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './use-browser';
import { filters, openFixture, visibleCount } from './panel-helpers';

const browser = useBrowser();

/** The panel's counts line, checked against what the renderer shows. */
async function counts(page: Page): Promise<string> {
  const region = page.getByRole('region', { name: 'Filters' });
  const text = (await region.getByRole('status').textContent()) ?? '';
  const shown = await visibleCount(page);
  expect(text).toContain(`${shown.nodes} of 16 papers, ${shown.edges} of 24 edges visible`);
  return text;
}

/** Page coordinates of a (fractional) year on the histogram, e.g. 2022.1. (viewBox 260 × 78, margins 6.) */
async function yearPoint(
  page: Page,
  year: number,
  years: [number, number],
): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.la-year-histogram').boundingBox())!;
  const scale = box.width / 260;
  const vx = 6 + ((year - years[0]) / (years[1] - years[0] + 1)) * 248;
  return { x: box.x + vx * scale, y: box.y + 32 * scale };
}

describe('filters', () => {
  it('family, edge kind, survey mentions and minimum degree change the visible counts', async () => {
    const { page, errors } = await openFixture(browser(), 'small.json');
    const region = page.getByRole('region', { name: 'Filters' });
    expect(await counts(page)).toBe('16 of 16 papers, 23 of 24 edges visible');
    const reset = region.getByRole('button', { name: 'Reset filters' });
    expect(await reset.isDisabled()).toBe(true);

    const gan = region.getByRole('checkbox', { name: /^GAN \d/ });
    expect(await gan.isChecked()).toBe(true);
    await gan.uncheck();
    expect(await counts(page)).toBe('12 of 16 papers, 17 of 24 edges visible');
    expect((await filters(page))?.categories.family).toEqual(['diffusion', 'ar', 'survey']);
    await gan.check();
    expect((await filters(page))?.categories.family).toBeUndefined();

    await region.getByRole('checkbox', { name: /^Cites/ }).uncheck();
    expect(await counts(page)).toBe('16 of 16 papers, 11 of 24 edges visible');
    await region.getByRole('checkbox', { name: /^Cites/ }).check();

    const survey = region.getByRole('checkbox', { name: /Show mentions from other surveys' repositories/ });
    expect(await survey.isChecked()).toBe(false);
    await survey.check();
    expect(await counts(page)).toBe('16 of 16 papers, 24 of 24 edges visible');
    await survey.uncheck();

    const degree = region.getByRole('spinbutton', { name: 'Minimum degree' });
    await degree.fill('3');
    expect((await filters(page))?.minDegree).toBe(3);
    const text = await counts(page);
    expect(text).not.toContain('16 of 16 papers');
    await page.screenshot({ path: 'test-results/filters-min-degree.png' });

    await region.getByRole('checkbox', { name: /^Face-driven/ }).uncheck();
    expect((await filters(page))?.categories.task).not.toContain('face');

    expect(await reset.isDisabled()).toBe(false);
    await reset.click();
    expect(await counts(page)).toBe('16 of 16 papers, 23 of 24 edges visible');
    expect(await degree.inputValue()).toBe('0');
    expect(await region.getByRole('checkbox', { name: /^Face-driven/ }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a dimension's unlabelled papers stay while it is filtered, and have a checkbox of their own", async () => {
    const { page, errors } = await openFixture(browser(), 'small.json');
    const method = page
      .getByRole('region', { name: 'Filters' })
      .getByRole('group', { name: 'Inversion method' });
    const unknown = method.getByRole('checkbox', { name: /^Unknown \/ not labelled 3$/ });
    expect(await unknown.isChecked()).toBe(true);
    // ticking off a labelled method keeps the 3 papers without a method
    await method.getByRole('checkbox', { name: /^Hybrid/ }).uncheck();
    expect(await counts(page)).toMatch(/^14 of 16 papers/);
    await unknown.uncheck();
    expect(await counts(page)).toMatch(/^11 of 16 papers/);
    expect((await filters(page))?.unlabelled).toEqual(['method']);
    await expect
      .poll(() => page.evaluate(() => new URLSearchParams(location.search).get('nolabel')))
      .toBe('method');
    await page
      .getByRole('region', { name: 'Filters' })
      .getByRole('button', { name: 'Reset filters' })
      .click();
    expect(await unknown.isChecked()).toBe(true);
    expect(await counts(page)).toMatch(/^16 of 16 papers/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('brushing the year histogram with the mouse snaps to whole years; the inputs follow and drive it', async () => {
    const { page } = await openFixture(browser(), 'small.json');
    const region = page.getByRole('region', { name: 'Filters' });
    expect(await region.textContent()).toContain('All years (2019 – 2025)');
    const from = await yearPoint(page, 2022.2, [2019, 2025]);
    const to = await yearPoint(page, 2023.7, [2019, 2025]);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    expect((await filters(page))?.years).toEqual([2022, 2023]);
    expect(await counts(page)).toContain('9 of 16 papers');
    expect(await region.textContent()).toContain('2022 – 2023');
    const fromInput = region.getByRole('spinbutton', { name: 'From year' });
    const toInput = region.getByRole('spinbutton', { name: 'To year' });
    expect([await fromInput.inputValue(), await toInput.inputValue()]).toEqual(['2022', '2023']);
    // the brush's selection rectangle was snapped to the edges of the 2022 and 2023 bars
    const sel = (await page.locator('.la-year-brush .selection').boundingBox())!;
    const left = await yearPoint(page, 2022, [2019, 2025]);
    const right = await yearPoint(page, 2024, [2019, 2025]);
    expect(Math.abs(sel.x - left.x)).toBeLessThan(1.5);
    expect(Math.abs(sel.x + sel.width - right.x)).toBeLessThan(1.5);
    await page.screenshot({ path: 'test-results/filters-brush.png' });

    // "All years" clears the range, and the brush with it
    await region.getByRole('button', { name: 'All years' }).click();
    expect((await filters(page))?.years).toBeNull();
    expect(await page.locator('.la-year-brush .selection').isVisible()).toBe(false);
    expect(await region.getByRole('button', { name: 'All years' }).isVisible()).toBe(false);
    await fromInput.fill('2022');
    await fromInput.press('Enter');
    await toInput.fill('2023');
    await toInput.press('Enter');
    expect((await filters(page))?.years).toEqual([2022, 2023]);
    expect(await page.locator('.la-year-brush .selection').isVisible()).toBe(true);

    // keyboard alternative: the number inputs
    await fromInput.fill('2020');
    await fromInput.press('Enter');
    expect((await filters(page))?.years).toEqual([2020, 2023]);
    await toInput.fill('2030');
    await toInput.press('Tab');
    expect((await filters(page))?.years).toEqual([2020, 2025]);
    expect(await toInput.inputValue()).toBe('2025');

    // a click on the histogram without a drag clears the range
    await fromInput.fill('2021');
    await fromInput.press('Enter');
    expect((await filters(page))?.years).toEqual([2021, 2025]);
    const p = await yearPoint(page, 2019.5, [2019, 2025]);
    await page.mouse.click(p.x, p.y);
    expect((await filters(page))?.years).toBeNull();
    expect(await counts(page)).toBe('16 of 16 papers, 23 of 24 edges visible');
    await page.close();
  });
});
