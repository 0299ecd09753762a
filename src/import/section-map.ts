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
import { FAMILIES, TASKS } from '../model/paper';
import { DataError, DataErrors } from '../model/errors';
import { parseYamlText, validate } from '../data/yaml-records';
import type { SectionMap, SectionMapping } from './awesome-list';
import { ANY_SECTION } from './awesome-list';
import { sectionKey } from './text';

const MappingSchema = z.strictObject({ task: z.enum(TASKS), family: z.enum(FAMILIES) });

export function parseSectionMap(text: string, file: string): SectionMap {
  const parsed = parseYamlText(text, file);
  const root = parsed.doc.contents;
  if (!isMap(root))
    throw new DataErrors([
      new DataError({ file, line: 1 }, 'expected a mapping of heading → { task, family }'),
    ]);
  const out: Record<string, SectionMapping> = {};
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
    const res = validate(MappingSchema, parsed.doc.toJS()[heading], {
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
