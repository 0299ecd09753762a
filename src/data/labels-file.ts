/**
 * graph-data/labels.yaml: per-paper taxonomy labels and the survey's spelling of the method name,
 * a YAML list of PaperLabels sorted by id.
 */
import { PaperLabelsSchema } from '../model/paper';
import type { PaperLabels, PaperTaxonomy, TaxonomyField } from '../model/paper';
import type { Located } from '../model/dataset';
import { compareStrings, orderKeys, parseYamlList, stringifyYaml } from './yaml-records';

export const LABELS_FILE = 'labels.yaml';

const LABEL_KEYS = ['id', 'name', 'taxonomy'];
const TAXONOMY_KEYS = ['space', 'subspace', 'method', 'scheme', 'secondarySpaces', 'secondarySchemes'];
const FIELD_KEYS = ['value', 'evidence', 'confidence', 'basis'];

/** The file's header comment; `writtenBy` names the command that wrote it. */
const header = (writtenBy: string) =>
  [
    " Taxonomy labels per paper, sorted by id. evidence: survey-figure = placed by the survey's outline figure;",
    ` inferred = read from the paper (confidence, basis). Written by \`${writtenBy}\`.`,
  ].join('\n');

/** Parse labels.yaml; throws DataErrors naming file, line, paper id and field. */
export function parseLabelsFile(text: string, file: string): Located<PaperLabels>[] {
  return parseYamlList(text, file, { noun: 'labels of', schema: PaperLabelsSchema, idKey: 'id' });
}

function canonicalField(f: TaxonomyField | undefined): TaxonomyField | undefined {
  return f ? orderKeys(f, FIELD_KEYS) : undefined;
}

export function canonicalLabels(l: PaperLabels): PaperLabels {
  const t = l.taxonomy;
  const taxonomy: PaperTaxonomy = orderKeys(
    {
      space: canonicalField(t.space),
      subspace: canonicalField(t.subspace),
      method: canonicalField(t.method),
      scheme: canonicalField(t.scheme),
      secondarySpaces: t.secondarySpaces,
      secondarySchemes: t.secondarySchemes,
    },
    TAXONOMY_KEYS,
  );
  return orderKeys({ ...l, taxonomy }, LABEL_KEYS);
}

/** Stringify labels sorted by id; byte-stable. `writtenBy`: the command named in the header. */
export function stringifyLabelsFile(
  labels: readonly PaperLabels[],
  writtenBy = 'npm run import:taxonomy',
): string {
  const sorted = [...labels].sort((a, b) => compareStrings(a.id, b.id)).map(canonicalLabels);
  return stringifyYaml(sorted, {
    header: header(writtenBy),
    flowKeys: ['secondarySpaces', 'secondarySchemes'],
  });
}
