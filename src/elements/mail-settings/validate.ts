/**
 * The checks of the settings forms, loaded on first use (`SettingsForm`): the contract's schemas, and zod with them,
 * stay out of the elements' first chunk, and so do the localized messages their problems map to. The forms validate
 * with the very schemas the server applies.
 */
import type * as z from 'zod/mini';
import { MailServerSettingsInput } from '../../core/account.js';
import type { FieldIssue, MailError } from '../../core/index.js';
import { AccountEndpointInput, AppSettings } from '../../core/oauth.js';
import { settingsChecks } from '../../i18n/en/settings-checks.js';
import type { LocalizeController } from '../../i18n/localize.js';
import type { FieldKind } from './form.js';
import type { PartStrings } from './settings-form.js';

/** The messages of the checks (`settings-checks`), registered by the form that loads them (`loadChecks`). */
export const strings: PartStrings = {
  area: 'settings-checks',
  english: settingsChecks,
  languages: { es: () => import('../../i18n/es/settings-checks.js').then((module) => module.settingsChecks) },
};

const schemas = { account: MailServerSettingsInput, endpoint: AccountEndpointInput, app: AppSettings };

/** The forms that have a schema: the account, an OAuth app registration, the application settings. */
export type FormName = keyof typeof schemas;

/** The problems of `input` against the form's schema; empty when it is valid. */
export function issuesOf(form: FormName, input: unknown): readonly IssueLike[] {
  const result = schemas[form].safeParse(input);
  return result.success ? [] : result.error.issues;
}

/** `input` as the form's schema accepts it; throws the schema's error (a `validation` `MailError` once reported). */
export function parse<N extends FormName>(form: N, input: unknown): z.output<(typeof schemas)[N]> {
  return schemas[form].parse(input) as z.output<(typeof schemas)[N]>;
}

/** The subset of a zod issue the messages depend on. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  maximum?: number | bigint;
}

const fieldKey = (path: readonly PropertyKey[]): string => path.map((key) => String(key)).join('.');

/** A zod issue in the reader's language, chosen by the kind of field and the kind of problem. */
export function issueMessage(localize: LocalizeController, issue: IssueLike, kind: FieldKind): string {
  const format = () => localize.term(`settings.invalid.${kind}`);
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? format() : localize.term('settings.invalid.required');
    case 'too_big':
      return issue.origin === 'number' || issue.maximum === undefined
        ? format()
        : localize.term('settings.invalid.too-long', Number(issue.maximum));
    case 'custom':
      if (/line breaks/i.test(issue.message)) return localize.term('settings.invalid.line-break');
      if (/^required/i.test(issue.message)) return localize.term('settings.invalid.required');
      if (/^A Microsoft client ID/.test(issue.message)) return localize.term('settings.invalid.client-id-microsoft');
      if (/^A Google client ID/.test(issue.message)) return localize.term('settings.invalid.client-id-google');
      return format();
    default:
      return format();
  }
}

/**
 * The first issue of each field, localized; `kinds` says what each field holds (unknown fields are `text`). An empty
 * text in `input` is reported as required, whatever the schema's complaint.
 */
export function errorsFromIssues(
  localize: LocalizeController,
  issues: readonly IssueLike[],
  kinds: Readonly<Record<string, FieldKind>>,
  input?: unknown,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    if (key in errors) continue;
    const value = issue.path.reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined),
      input,
    );
    errors[key] =
      typeof value === 'string' && value.trim() === ''
        ? localize.term('settings.invalid.required')
        : issueMessage(localize, issue, kinds[key] ?? 'text');
  }
  return errors;
}

/**
 * A server's `validation` error split into the fields this form shows (keyed by path, the server's own words) and
 * the rest, for the form-level message.
 */
export function errorsFromServer(
  error: MailError,
  fields: readonly string[],
): { fields: Record<string, string>; rest: FieldIssue[] } {
  const found: Record<string, string> = {};
  const rest: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = fields.find((key) => error.issuesAt(...key.split('.')).includes(issue));
    if (field && !(field in found)) found[field] = issue.message;
    else if (!field) rest.push(issue);
  }
  return { fields: found, rest };
}
