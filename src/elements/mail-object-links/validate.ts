/**
 * The schema check of `<mail-object-links>`, loaded after the configuration (`LazyModule`): the contract's schema,
 * and zod with it, stay out of the element's first chunk. The form checks with the very schema the server applies.
 */
import { ObjectLinkConfig } from '../../core/links.js';

/** One problem the schema found: the top-level field it concerns (when there is one) and the schema's message. */
export interface SchemaIssue {
  field: string | undefined;
  message: string;
}

/** The problems of `config` against `ObjectLinkConfig`; empty when it is valid. */
export function schemaIssues(config: unknown): SchemaIssue[] {
  const parsed = ObjectLinkConfig.safeParse(config);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    field: typeof issue.path[0] === 'string' ? issue.path[0] : undefined,
    message: issue.message,
  }));
}
