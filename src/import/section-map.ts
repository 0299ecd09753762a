/**
 * A section map file for other awesome lists: YAML mapping each heading (as written) to a task
 * and a model family, e.g.
 *
 *   Subject-Driven Generation: { task: subject, family: diffusion }
 *   "🎨 Style": { task: style, family: diffusion }
 *   "*": { task: subject, family: diffusion }     (every other heading)
 *
 * Pure: text in, SectionMap out; errors name the file, line and heading.
 */
import { z } from 'zod';
import { isMap, isPair, isScalar } from 'yaml';
import { FAMILIES, SLUG_ID, TASKS } from '../model/paper';
import { DataError, DataErrors } from '../model/errors';
import { parseYamlText, validate } from '../data/yaml-records';
import type { SectionMap } from './awesome-list';
import { ANY_SECTION } from './awesome-list';
import { sectionKey } from './text';

const MappingSchema = z.strictObject({ task: z.enum(TASKS), family: z.enum(FAMILIES) });

/** A section map for the bundled survey's tasks and families (import:awesome). */
export function parseSectionMap(text: string, file: string): SectionMap {
  return parseHeadingMap(text, file, MappingSchema, '{ task, family }');
}

const slug = z.string().regex(SLUG_ID, 'must be a lowercase slug like "image-editing"');
const HintSchema = z
  .strictObject({ task: slug.optional(), family: slug.optional(), skip: z.literal(true).optional() })
  .refine(
    (h) => h.task !== undefined || h.family !== undefined || h.skip === true,
    'give a task, a family, or skip: true',
  )
  .refine(
    (h) => !(h.skip === true && (h.task !== undefined || h.family !== undefined)),
    'a skipped heading takes no task or family',
  );

/**
 * A heading's own task id and/or family id, for a list that becomes a new dataset (import:list); or
 * `skip: true`: the entries under it (and its sub-headings) are left out.
 */
export type SectionHint = z.infer<typeof HintSchema>;

/**
 * A section map for a new dataset: each heading → `{ family }` (its papers' family, also for the
 * headings under it) and/or `{ task }` (the id of the heading's category), or `{ skip: true }` (leave
 * its entries out). Any slugs: they become the new taxonomy's categories.
 */
export function parseSectionHints(text: string, file: string): Readonly<Record<string, SectionHint>> {
  return parseHeadingMap(text, file, HintSchema, '{ task?, family? } or { skip: true }');
}

function parseHeadingMap<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  shape: string,
): Readonly<Record<string, T>> {
  const parsed = parseYamlText(text, file);
  const root = parsed.doc.contents;
  if (!isMap(root))
    throw new DataErrors([new DataError({ file, line: 1 }, `expected a mapping of heading → ${shape}`)]);
  const out: Record<string, T> = {};
  const errors: DataError[] = [];
  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const heading = String(pair.key.value);
    const line = pair.key.range ? parsed.lineOf(pair.key.range[0]) : 1;
    const key = heading.trim() === ANY_SECTION ? ANY_SECTION : sectionKey(heading);
    if (key === '') {
      errors.push(
        new DataError({ file, line, record: `section "${heading}"` }, 'heading has no letters or digits'),
      );
      continue;
    }
    const res = validate(schema, parsed.doc.toJS()[heading], {
      parsed,
      file,
      basePath: [heading],
      record: `section "${heading}"`,
      recordLine: line,
    });
    if ('errors' in res) errors.push(...res.errors);
    else out[key] = res.value;
  }
  if (errors.length > 0) throw new DataErrors(errors);
  return out;
}
