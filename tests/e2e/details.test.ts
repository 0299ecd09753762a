import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './use-browser';
import { openFixture, pwned, selected } from './panel-helpers';

const browser = useBrowser();

/** The drawer's linked papers (after the details and the lineage). */
const linked = (page: Page) => page.getByRole('region', { name: 'Linked papers' });

describe('paper details', () => {
  it('shows the selected paper: title, name, venue, authors, links and evidence', async () => {
    const { page, errors } = await openFixture(browser(), 'small.json');
    await page.evaluate(() => window.__atlas!.select('2208.12242'));
    const details = page.getByRole('region', { name: 'Paper details' });
    await details.getByRole('heading', { level: 2 }).waitFor();
    expect(await details.getByRole('heading', { level: 2 }).textContent()).toBe(
      'DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation',
    );
    const text = (await details.textContent()) ?? '';
    // published at CVPR 2023, first on arXiv in August 2022: both facts, each with its own date
    const venue = details.locator('.la-details-venue');
    expect(await venue.textContent()).toBe('CVPR 2023 · arXiv Aug 2022');
    expect(text).toContain('DreamBooth · CVPR 2023 · arXiv Aug 2022');
    expect(text).toContain('A. Author, B. Author');
    expect(text).toContain('Inversion space');
    expect(text).toContain('confirmed by the survey');
    expect(text).not.toContain('inferred');

    const arxiv = details.getByRole('link', { name: 'arXiv' });
    expect(await arxiv.getAttribute('href')).toBe('https://arxiv.org/abs/2208.12242');
    expect(await arxiv.getAttribute('target')).toBe('_blank');
    expect(await arxiv.getAttribute('rel')).toBe('noopener noreferrer');
    for (const href of await details
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^https?:\/\//);
    }

    // PhotoMaker's labels are inferred: said so, with confidence and basis
    await page.evaluate(() => window.__atlas!.select('2312.04461'));
    await details.getByRole('heading', { name: /PhotoMaker/ }).waitFor();
    const photo = (await details.textContent()) ?? '';
    expect(await venue.textContent()).toBe('CVPR 2024 · arXiv Dec 2023');
    // a preprint only: the arXiv month and year
    await page.evaluate(() => window.__atlas!.select('2401.07519'));
    await details.getByRole('heading', { name: /InstantID/ }).waitFor();
    expect(await venue.textContent()).toBe('arXiv Jan 2024');
    // no arXiv id and no venue: the year alone
    await page.evaluate(() => window.__atlas!.select('unlabelled-method'));
    await details.getByRole('heading', { name: /Nobody Has Labelled/ }).waitFor();
    expect(await venue.textContent()).toBe('2024');
    expect(photo).toContain('inferred');
    expect(photo).toContain('medium confidence');
    expect(photo).not.toContain('confirmed by the survey');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('groups neighbours by direction and kind with counts; a click selects the neighbour', async () => {
    const { page } = await openFixture(browser(), 'small.json');
    await page.evaluate(() => window.__atlas!.select('2208.12242'));
    const details = page.getByRole('region', { name: 'Paper details' });
    // the drawer reads top-down: the paper, its lineage, similar papers, then its linked papers
    await page.getByRole('region', { name: 'Lineage' }).waitFor();
    const regions = await page.evaluate(() =>
      [...document.querySelectorAll('.drawer [role="region"]')].map((r) => r.getAttribute('aria-label')),
    );
    expect(regions).toEqual(['Paper details', 'Lineage', 'Similar papers', 'Linked papers']);
    const out = linked(page).locator('.la-neighbours-out');
    const inn = linked(page).locator('.la-neighbours-in');
    expect(await out.getByRole('heading', { level: 3 }).textContent()).toBe('Cites / builds on2');
    expect(await inn.getByRole('heading', { level: 3 }).textContent()).toBe('Cited by / built upon by8');
    const builtUponBy = linked(page).getByRole('list', { name: 'Built upon by' });
    expect(await builtUponBy.getByRole('button').allTextContents()).toEqual([
      'Custom Diffusion2023',
      'HyperDreamBooth2023',
    ]);
    const citedBy = linked(page).getByRole('list', { name: 'Cited by' });
    expect(await citedBy.getByRole('button').count()).toBe(5);
    expect(
      await linked(page).getByRole('list', { name: 'Compares with' }).getByRole('button').allTextContents(),
    ).toEqual(['Textual Inversion2022']);
    // provenance on hover
    const custom = builtUponBy.getByRole('button', { name: /Custom Diffusion/ });
    expect(await custom.getAttribute('title')).toContain('full-text references (matched by arXiv id)');
    await page.screenshot({ path: 'test-results/details-dreambooth.png' });

    await custom.click();
    expect(await selected(page)).toBe('2212.04488');
    await details
      .getByRole('heading', { name: 'Multi-Concept Customization of Text-to-Image Diffusion' })
      .waitFor();
    // back along the builds-on edge, with the keyboard: focus stays in the drawer
    await linked(page)
      .getByRole('list', { name: 'Builds on' })
      .getByRole('button', { name: /DreamBooth/ })
      .focus();
    await page.keyboard.press('Enter');
    expect(await selected(page)).toBe('2208.12242');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Paper details',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('arXiv');
    await page.close();
  });

  it('lists neighbours the filters hide, marked as hidden, and shows survey-repository provenance', async () => {
    const { page } = await openFixture(browser(), 'small.json');
    await page.evaluate(() => window.__atlas!.select('2208.12242'));
    const details = page.getByRole('region', { name: 'Paper details' });
    const filters = page.getByRole('region', { name: 'Filters' });
    await filters.getByRole('checkbox', { name: /^GAN \d/ }).uncheck();
    const mentions = linked(page).getByRole('list', { name: 'Mentions' });
    const pti = mentions.getByRole('button', { name: /PTI/ });
    expect(await pti.textContent()).toContain('hidden');
    // PTI itself hidden: said once at the top
    await page.evaluate(() => window.__atlas!.select('2106.05744'));
    await details.getByRole('heading', { name: /Pivotal Tuning/ }).waitFor();
    expect(await details.locator('.la-details-facts').textContent()).toContain('hidden by filters');
    // InstantID → PTI comes only from another survey's README
    await filters.getByRole('checkbox', { name: /^GAN \d/ }).check();
    expect(await details.locator('.la-details-facts').textContent()).not.toContain('hidden by filters');
    const instant = linked(page)
      .getByRole('list', { name: 'Mentioned by' })
      .getByRole('listitem')
      .filter({ hasText: 'InstantID' });
    expect(await instant.textContent()).toContain('survey README someone/awesome-list');
    expect(await instant.textContent()).toContain('edge hidden');
    await page.close();
  });

  it('"Centre on graph" animates the camera to the paper', async () => {
    const { page } = await openFixture(browser(), 'small.json');
    const canvas = (await page.locator('#graph').boundingBox())!;
    const offCentre = async (id: string) => {
      const at = (await page.evaluate((n) => window.__atlas!.screenPosition(n), id))!;
      return Math.hypot(at.x - (canvas.x + canvas.width / 2), at.y - (canvas.y + canvas.height / 2));
    };
    // pick the paper drawn farthest from the centre
    const ids = await page.evaluate(() => [
      '1904.03189',
      '2502.13081',
      '2008.00951',
      '2310.02992',
      'unlabelled-method',
    ]);
    const distances = await Promise.all(ids.map(offCentre));
    const far = ids[distances.indexOf(Math.max(...distances))]!;
    expect(Math.max(...distances)).toBeGreaterThan(canvas.height * 0.2);
    await page.evaluate((n) => window.__atlas!.select(n), far);
    await page
      .getByRole('region', { name: 'Paper details' })
      .getByRole('button', { name: 'Centre on graph' })
      .click();
    await page.waitForTimeout(900);
    expect(await offCentre(far)).toBeLessThan(canvas.height * 0.15);
    await page.close();
  });

  it('closes with the button and with Escape', async () => {
    const { page } = await openFixture(browser(), 'small.json');
    await page.evaluate(() => window.__atlas!.select('2308.06721'));
    const details = page.getByRole('region', { name: 'Paper details' });
    await details.waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Close details' }).click();
    expect(await selected(page)).toBeNull();
    await details.waitFor({ state: 'hidden' });
    await page.evaluate(() => window.__atlas!.select('2308.06721'));
    await details.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    expect(await selected(page)).toBeNull();
    await page.close();
  });

  it('shows hostile paper text literally', async () => {
    const { page, errors } = await openFixture(browser(), 'hostile.json');
    await page.evaluate(() => window.__atlas!.select('2208.12242'));
    const details = page.getByRole('region', { name: 'Paper details' });
    const title = details.getByRole('heading', { level: 2 });
    await title.waitFor();
    expect(await title.textContent()).toContain('<script>window.__pwned=2</script>');
    const text = (await details.textContent()) ?? '';
    expect(text).toContain('Dream<script>window.__pwned=2</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned=1"> Mallory');
    expect(text).toContain('<b>Bold</b> & "Quoted" Author');
    expect(text).toContain('<svg onload="window.__pwned=3">');
    // the neighbour buttons too (Textual Inversion's hostile name)
    expect(await linked(page).getByRole('list', { name: 'Compares with' }).textContent()).toContain(
      '<img src=x onerror="window.__pwned=1">Inversion',
    );
    expect(await details.locator('script, img, svg, b').count()).toBe(0);
    expect(await linked(page).locator('script, img, svg, b').count()).toBe(0);
    await page.screenshot({ path: 'test-results/details-hostile.png' });
    expect(await pwned(page)).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
