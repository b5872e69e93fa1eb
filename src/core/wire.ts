/**
 * How an operation's input travels over HTTP, shared by the client (validate, encode) and the router (decode,
 * validate). Encoding needs no schema and lives in `route-table.ts`; it is re-exported here.
 */
import type * as z from 'zod/mini';
import { MailError } from './mail-error.js';
import { hasQuery } from './route-table.js';
import { type Operation, type OperationInput, type RouteSpec, routes } from './routes.js';

export { encodeRequest, type EncodedRequest } from './route-table.js';

/** Validates an operation's input against its schema; a `validation` MailError names each bad field. */
export function parseInput<K extends Operation>(operation: K, input: unknown): OperationInput<K> {
  const result = (routes[operation].input as z.ZodMiniType).safeParse(input ?? {});
  if (!result.success) throw MailError.fromIssues(result.error.issues, result.error);
  return result.data as OperationInput<K>;
}

/**
 * Rebuilds an operation's input from what arrived: path parameters, then the query string (coerced to the types the
 * schema expects) or the JSON body. Validation happens afterwards, in `parseInput`.
 */
export function decodeRequest(
  route: RouteSpec,
  params: Record<string, string>,
  query: URLSearchParams,
  body: unknown,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (hasQuery(route)) {
    const shape = objectShape(route.input);
    for (const key of new Set(query.keys())) {
      if (key in input) continue;
      const kind = fieldKind(shape?.[key]);
      const values = query.getAll(key);
      input[key] = kind === 'array' ? values : coerce(values[values.length - 1]!, kind);
    }
  } else if (body !== undefined && body !== null) {
    if (typeof body !== 'object' || Array.isArray(body)) {
      throw new MailError('validation', 'The request body must be a JSON object.', {
        issues: [{ path: [], message: 'The request body must be a JSON object.' }],
      });
    }
    Object.assign(input, body);
  }
  // Path parameters win over anything of the same name in the query or body.
  return Object.assign(input, params);
}

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'other';

function coerce(value: string, kind: Kind): unknown {
  if (kind === 'number') return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  if (kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  return value;
}

interface SchemaDef {
  type: string;
  innerType?: { _zod: { def: SchemaDef } };
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
}

function defOf(schema: unknown): SchemaDef | undefined {
  return (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  return defOf(schema)?.shape;
}

function fieldKind(schema: unknown): Kind {
  let def = defOf(schema);
  while (def && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) {
    def = def.innerType._zod.def;
  }
  switch (def?.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    default:
      return 'other';
  }
}
