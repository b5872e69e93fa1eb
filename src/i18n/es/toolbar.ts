import type { toolbar as english } from '../en/toolbar.js';

/** Spanish strings of <mail-toolbar-button>. */
export const toolbar: typeof english = {
  // <mail-toolbar-button>
  'settings.toolbar.open': 'Correo',
  'settings.toolbar.open-unread': (count: number) => (count === 1 ? 'Correo, 1 sin leer' : `Correo, ${count} sin leer`),
  'settings.toolbar.enable': 'Activar opciones de correo',
  'settings.toolbar.enabling': 'Activando…',
  'settings.toolbar.enable-hint': 'Pone en marcha el módulo de correo web para todos los usuarios de esta aplicación.',
};
