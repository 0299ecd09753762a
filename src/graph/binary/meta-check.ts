/**
 * The compact form's metadata checked in full against the graph file's schema, as the JSON path
 * checks it (see decode.ts for the lighter check of the boot path).
 */
import { GraphMetaSchema, type GraphMeta } from '../../model/graph-file';

export function checkMetaSchema(meta: unknown): GraphMeta {
  const parsed = GraphMetaSchema.safeParse(meta);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim());
}
