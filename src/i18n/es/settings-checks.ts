import type { settingsChecks as english } from '../en/settings-checks.js';

/** Spanish messages of the settings forms' checks. */
export const settingsChecks: typeof english = {
  'settings.invalid.required': 'Obligatorio.',
  'settings.invalid.too-long': (max: number) => `Como máximo ${max} caracteres.`,
  'settings.invalid.line-break': 'Aquí no se admiten saltos de línea.',
  'settings.invalid.text': 'No es válido aquí.',
  'settings.invalid.host': 'Escriba un nombre de servidor como mail.example.com, o una dirección IP.',
  'settings.invalid.port': 'Un puerto es un número entero del 1 al 65535.',
  'settings.invalid.email': 'Escriba una dirección de correo como nombre@example.com.',
  'settings.invalid.url': 'Escriba una dirección http o https completa, como https://erp.example.com.',
  'settings.invalid.path': 'Una ruta empieza por / y no tiene espacios, ? ni #.',
  'settings.invalid.tenant':
    'Escriba el id. de directorio (inquilino), un GUID, o un dominio verificado, o common, organizations o consumers.',
  'settings.invalid.client-id': 'Pegue el id. de cliente tal como lo muestra el portal, sin espacios.',
  'settings.invalid.client-id-microsoft':
    'El id. de aplicación (cliente) es un GUID como 00000000-0000-0000-0000-000000000000: cópielo de la página Información general de la aplicación.',
  'settings.invalid.client-id-google':
    'Un id. de cliente de Google termina en .apps.googleusercontent.com: cópielo de la página Credenciales.',
  'settings.invalid.choice': 'Elija una de las opciones.',
  'settings.invalid.secret': 'Escriba el secreto de cliente.',
  'settings.invalid.password': 'Escriba la contraseña.',
  'settings.invalid.endpoint': 'Elija la aplicación OAuth que inicia sesión en este buzón.',
};
