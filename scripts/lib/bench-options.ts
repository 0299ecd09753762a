/**
 * The benchmark scripts' command lines: whole-number options (one number, or a comma-separated list
 * of them) and switches, `--help` printing the usage (exit 0), and anything wrong printing what is
 * wrong and the usage (exit 2).
 */
import { parseArgs } from 'node:util';

export interface NumberOption {
  default: string;
  /** Smallest value allowed (default 1). */
  min?: number;
  /** A comma-separated list of numbers. */
  list?: true;
}

type Values<S> = {
  [K in keyof S]: S[K] extends { list: true } ? number[] : S[K] extends NumberOption ? number : boolean;
};

/** Reads `argv` by `spec` (numbers, and `false` for a boolean switch); exits as the module comment says. */
export function benchOptions<S extends Record<string, NumberOption | false>>(
  name: string,
  usage: string,
  spec: S,
  argv: string[] = process.argv.slice(2),
): Values<S> {
  const options: Record<
    string,
    { type: 'string'; default: string } | { type: 'boolean'; default: boolean; short?: string }
  > = {
    help: { type: 'boolean', default: false, short: 'h' },
  };
  for (const [key, o] of Object.entries(spec))
    options[key] = o === false ? { type: 'boolean', default: false } : { type: 'string', default: o.default };
  try {
    const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    const out: Record<string, number | number[] | boolean> = {};
    for (const [key, o] of Object.entries(spec)) {
      const raw = values[key];
      if (o === false) {
        out[key] = raw === true;
        continue;
      }
      const min = o.min ?? 1;
      const parse = (v: string) => {
        const n = Number(v);
        if (v.trim() === '' || !Number.isInteger(n) || n < min)
          throw new Error(
            `--${key} must be ${o.list ? 'a list of integers' : 'an integer'} ≥ ${min}, got ${raw}`,
          );
        return n;
      };
      out[key] = o.list ? String(raw).split(',').map(parse) : parse(String(raw));
    }
    return out as Values<S>;
  } catch (e) {
    process.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n\n${usage}\n`);
    process.exit(2);
  }
}
