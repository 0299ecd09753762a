/** Pieces the fake services share: an answer's shape and a JSON answer. */

/** Status, content type, body and extra headers of an answer. */
export type Answer = [number, string, string, Record<string, string>?];

export const json = (status: number, value: unknown): Answer => [
  status,
  'application/json',
  JSON.stringify(value),
];
