/**
 * graph-data/dataset.yaml: the dataset's name, description and source line.
 */
import { z } from 'zod';
import type { DatasetInfo } from '../model/dataset';
import { DataErrors } from '../model/errors';
import { orderKeys, parseYamlText, stringifyYaml, validate } from './yaml-records';

export const DATASET_FILE = 'dataset.yaml';

export const DatasetInfoSchema = z.strictObject({
  name: z.string().trim().min(1),
  description: z.string().trim().min(1).optional(),
  source: z.string().trim().min(1).optional(),
  snapshot: z.iso.date().optional(),
});

/** Parse dataset.yaml; throws DataErrors naming file, line and field. */
export function parseDatasetFile(text: string, file: string): DatasetInfo {
  const parsed = parseYamlText(text, file);
  const res = validate(DatasetInfoSchema, parsed.doc.toJS(), {
    parsed,
    file,
    basePath: [],
    record: 'dataset',
    recordLine: 1,
  });
  if ('errors' in res) throw new DataErrors(res.errors);
  return res.value;
}

export function stringifyDatasetFile(info: DatasetInfo): string {
  return stringifyYaml(orderKeys(info, ['name', 'description', 'source', 'snapshot']));
}
