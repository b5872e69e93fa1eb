import type { settings as english } from '../en/settings.js';

/** Spanish strings of the settings forms and of the account. */
export const settings: typeof english = {
  // shared form
  'settings.form.save': 'Guardar',
  'settings.form.saving': 'Guardando…',
  'settings.form.saved': 'Guardado.',
  'settings.form.unsaved': 'Cambios sin guardar',
  'settings.form.discard': 'Descartar cambios',
  'settings.form.fix-fields': 'Algunos campos necesitan su atención: vea los mensajes junto a ellos.',
  'settings.form.checks-failed':
    'No se pudieron cargar las comprobaciones del formulario. Revise su conexión e inténtelo de nuevo.',
  // <mail-settings>
  'settings.account.title': 'Cuenta de correo',
  'settings.account.new': 'Conecte un buzón: elija su proveedor, revise los servidores y pruebe la conexión.',
  'settings.account.configured': 'El buzón desde el que esta aplicación lee y envía.',
  'settings.preset.legend': 'Proveedor',
  'settings.preset.microsoft365': 'Microsoft 365',
  'settings.preset.outlook': 'Outlook.com',
  'settings.preset.gmail': 'Gmail',
  'settings.preset.custom': 'Otro (personalizado)',
  'settings.preset.microsoft-note':
    'Microsoft ya no acepta contraseñas en la mayoría de los buzones: elija «Aplicación OAuth» abajo después de registrar una.',
  'settings.preset.gmail-note':
    'Gmail acepta una contraseña de aplicación (con la verificación en dos pasos activada) o una aplicación OAuth registrada en Google Cloud.',
  'settings.identity.legend': 'Cuenta',
  'settings.field.email': 'Dirección de correo',
  'settings.field.display-name': 'Nombre visible',
  'settings.field.user-name': 'Nombre de usuario',
  'settings.field.protocol': 'Protocolo de entrada',
  'settings.field.host': 'Servidor',
  'settings.field.port': 'Puerto',
  'settings.field.security': 'Seguridad',
  'settings.field.password': 'Contraseña',
  'settings.field.new-password': 'Nueva contraseña',
  'settings.hint.display-name': 'El nombre que ven los destinatarios, como «Dana Ortiz» o «Ventas Acme».',
  'settings.hint.user-name': 'El nombre de inicio de sesión; normalmente, la dirección de correo.',
  'settings.incoming.legend': 'Correo entrante',
  'settings.outgoing.legend': 'Correo saliente (SMTP)',
  'settings.protocol.imap': 'IMAP',
  'settings.protocol.pop3': 'POP3',
  'settings.security.tls': 'SSL/TLS',
  'settings.security.starttls': 'STARTTLS',
  'settings.security.none': 'Ninguna (sin cifrar)',
  'settings.security.tls-hint': (port: number) => `Cifrado desde el principio. Puerto habitual: ${port}.`,
  'settings.security.starttls-hint': (port: number) => `Cifrado tras conectar. Puerto habitual: ${port}.`,
  'settings.security.none-hint': (port: number) =>
    `Las contraseñas y el correo viajan sin cifrar: solo para servidores de su propia red. Puerto habitual: ${port}.`,
  'settings.auth.legend': 'Inicio de sesión',
  'settings.auth.password': 'Contraseña',
  'settings.auth.oauth': 'Aplicación OAuth (Microsoft 365, Google)',
  'settings.password.set': 'Hay una contraseña guardada.',
  'settings.password.change': 'Cambiar contraseña',
  'settings.password.keep': 'Conservar la guardada',
  'settings.password.write-only': 'Por su seguridad, la contraseña guardada nunca se muestra.',
  'settings.password.app-password-hint':
    'Las cuentas con verificación en dos pasos necesitan una contraseña de aplicación creada en la configuración de seguridad de la cuenta.',
  'settings.test.button': 'Probar la conexión',
  'settings.test.running': 'Probando…',
};
