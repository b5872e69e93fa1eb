import type { settingsOAuth as english } from '../en/settings-oauth.js';

/** Spanish strings of `<mail-settings>`' OAuth app choice. */
export const settingsOAuth: typeof english = {
  'settings.field.endpoint': 'Aplicación OAuth',
  'settings.auth.no-endpoints':
    'Todavía no hay ninguna aplicación OAuth registrada. Un administrador registra una para Microsoft o Google y autoriza el buzón.',
  'settings.auth.choose-endpoint': 'Elija una aplicación…',
  'settings.auth.endpoint-hint': 'La aplicación registrada en el proveedor que inicia sesión en este buzón.',
  'settings.auth.authorized': 'Autorizada.',
  'settings.auth.authorized-as': (account: string) => `Autorizada como ${account}.`,
  'settings.auth.not-authorized': 'Esta aplicación aún no ha autorizado ningún buzón: ábrala y pulse Autorizar.',
  'settings.provider.microsoft': 'Microsoft',
  'settings.provider.google': 'Google',
};
