/**
 * The checks of the settings forms, loaded on first use (`SettingsForm`): the contract's schemas, and zod with them,
 * stay out of the elements' first chunk. The forms validate with the very schemas the server applies.
 */
import type * as z from 'zod/mini';
import { MailServerSettingsInput } from '../../core/account.js';
import { AccountEndpointInput, AppSettings } from '../../core/oauth.js';
import type { IssueLike } from './form.js';

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
