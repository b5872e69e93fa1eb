import type { settingsHelp as english } from '../en/settings-help.js';

/** Spanish help shown on demand: connection failures, provider errors and setup checklists. */
type Where = (host: string, port: string, protocol: string) => string;

export const settingsHelp: typeof english = {
  'settings.failure.auth-failed-title': 'el servidor ha rechazado el inicio de sesión.',
  'settings.failure.auth-failed': ((host) =>
    `${host} ha rechazado el nombre de usuario o la contraseña. Revise ambos; las cuentas con verificación en dos pasos necesitan una contraseña de aplicación.`) as Where,
  'settings.failure.smtp-auth-disabled-title': 'el inicio de sesión SMTP está desactivado.',
  'settings.failure.smtp-auth-disabled': (() =>
    'SMTP autenticado está desactivado para este buzón o para toda la organización. En el centro de administración de Microsoft 365, abra el usuario › Correo › Administrar aplicaciones de correo y active SMTP autenticado.') as Where,
  'settings.failure.protocol-disabled-title': 'el acceso está desactivado para este buzón.',
  'settings.failure.protocol-disabled': ((_host, _port, protocol) =>
    `${protocol} está desactivado para este buzón. Actívelo en la configuración del buzón del proveedor (Microsoft 365: Administrar aplicaciones de correo; Gmail: Configuración › Reenvío y correo POP/IMAP).`) as Where,
  'settings.failure.oauth-required-title': 'el servidor ya no acepta contraseñas.',
  'settings.failure.oauth-required': (() =>
    'Cambie el inicio de sesión a «Aplicación OAuth», registre la aplicación en el proveedor y autorice el buzón.') as Where,
  'settings.failure.authorize-again-title': 'hay que volver a autorizar el buzón.',
  'settings.failure.authorize-again': (() =>
    'Falta la autorización o ha caducado. Abra la aplicación OAuth y pulse Autorizar para volver a iniciar sesión.') as Where,
  'settings.failure.certificate-title': 'el certificado del servidor no es de confianza.',
  'settings.failure.certificate': ((host) =>
    `El certificado de ${host} es autofirmado, ha caducado o es de otro nombre. Use el nombre de servidor exacto que indica su proveedor.`) as Where,
  'settings.failure.tls-title': 'no se ha podido establecer una conexión segura.',
  'settings.failure.tls': (() =>
    'La seguridad elegida no corresponde al puerto. Pruebe SSL/TLS con el puerto 993, 995 o 465, o STARTTLS con 143, 110 o 587.') as Where,
  'settings.failure.timeout-title': 'el servidor no ha respondido.',
  'settings.failure.timeout': ((host, port) =>
    `${host}:${port} no ha respondido a tiempo. Revise el nombre del servidor y el puerto, y que un cortafuegos permita la conexión.`) as Where,
  'settings.failure.host-not-found-title': 'el servidor no existe.',
  'settings.failure.host-not-found': ((host) =>
    `No hay ningún servidor llamado ${host}. Revise cómo está escrito el nombre.`) as Where,
  'settings.failure.refused-title': 'el servidor ha rechazado la conexión.',
  'settings.failure.refused': ((host, port) =>
    `${host} no acepta conexiones en el puerto ${port}. Revise el puerto y la seguridad elegida.`) as Where,
  'settings.failure.unknown-title': 'ha ocurrido algo inesperado.',
  'settings.failure.unknown': (() =>
    'El servidor ha dado una respuesta inesperada. Inténtelo más tarde o muestre los detalles a su proveedor.') as Where,
  'settings.checklist.ms-register':
    'En el centro de administración de Microsoft Entra, Registros de aplicaciones › Nuevo registro: registre la aplicación para las cuentas de su organización.',
  'settings.checklist.ms-redirect': (url: string) =>
    `Autenticación › Agregar una plataforma › Web, con la URL de redirección ${url}.`,
  'settings.checklist.ms-permissions': (scopes: string) =>
    `Permisos de API › Agregar un permiso › Microsoft Graph › Permisos delegados: ${scopes}.`,
  'settings.checklist.ms-consent': 'Pulse «Conceder consentimiento de administrador» para su organización.',
  'settings.checklist.ms-secret':
    'Certificados y secretos › Nuevo secreto de cliente: copie su Valor en ese momento (solo se muestra una vez) y anote cuándo caduca.',
  'settings.checklist.ms-ids':
    'En Información general de la aplicación, copie el Id. de aplicación (cliente) y el Id. de directorio (inquilino).',
  'settings.checklist.ms-modern-auth':
    'En el centro de administración de Microsoft 365, Configuración › Configuración de la organización › Autenticación moderna: active la autenticación moderna.',
  'settings.checklist.ms-mailbox':
    'Usuarios › Usuarios activos › el usuario › Correo › Administrar aplicaciones de correo: active IMAP, POP y SMTP autenticado en cada buzón.',
  'settings.checklist.ms-wait': 'Los cambios tardan de 20 a 30 minutos en aplicarse; después pulse Autorizar.',
  'settings.checklist.ms-security-defaults':
    '«Valores predeterminados de seguridad = No» y no tener directivas de acceso condicional solo hacen falta para iniciar sesión con contraseña o contraseña de aplicación, no con OAuth.',
  'settings.checklist.g-project': 'En la consola de Google Cloud, elija un proyecto o cree uno.',
  'settings.checklist.g-gmail-api': 'APIs y servicios › Biblioteca: habilite la API de Gmail.',
  'settings.checklist.g-consent':
    'Pantalla de consentimiento de OAuth: Interno (solo su organización de Google Workspace) o Externo, con la información de la aplicación.',
  'settings.checklist.g-scopes': (scopes: string) => `Añada los ámbitos ${scopes}.`,
  'settings.checklist.g-test-users':
    'Usuarios de prueba: añada cada buzón que vaya a iniciar sesión mientras la aplicación esté en Prueba.',
  'settings.checklist.g-credentials':
    'Credenciales › Crear credenciales › ID de cliente de OAuth, de tipo «Aplicación web».',
  'settings.checklist.g-redirect': (url: string) => `URI de redirección autorizados: ${url}.`,
  'settings.checklist.g-download':
    'Descargue el archivo JSON del cliente e impórtelo aquí, o copie su id. y su secreto.',
  'settings.checklist.g-testing':
    'Una aplicación Externa que se deja «En prueba» recibe tokens de actualización que caducan a los 7 días: el buzón deja de sincronizarse hasta que se vuelva a autorizar. Publique la aplicación (En producción) para evitarlo.',
  'settings.checklist.portal-microsoft': 'Centro de administración de Microsoft Entra',
  'settings.checklist.portal-m365': 'Centro de administración de Microsoft 365',
  'settings.checklist.portal-google': 'Consola de Google Cloud',
  'settings.oauth-error.redirect-uri':
    'La URL de redirección no coincide con la registrada en el proveedor (a menudo http frente a https, u otra ruta). Registre exactamente la URL de redirección que muestra la configuración de la aplicación OAuth, o corrija la URL base de la aplicación.',
  'settings.oauth-error.mixed-resources':
    'Una misma solicitud de token pedía permisos de dos servicios distintos. El servidor debe pedir por separado los permisos de correo y de perfil.',
  'settings.oauth-error.unknown-scope':
    'Un permiso solicitado no existe en ese servicio (a menudo por un prefijo incorrecto). Revise los permisos concedidos en el portal.',
  'settings.oauth-error.malformed-scope':
    'Los permisos se enviaron con un formato incorrecto; deben ir separados por espacios.',
  'settings.oauth-error.too-many-scopes': 'Se han pedido demasiados permisos a la vez.',
  'settings.oauth-error.bad-secret':
    'El secreto de cliente no es correcto: pegue el Valor del secreto, no su Id. de secreto, o cree un secreto nuevo.',
  'settings.oauth-error.expired-secret':
    'El secreto de cliente ha caducado. Cree uno nuevo en el portal y guárdelo aquí.',
  'settings.oauth-error.consent':
    'No se ha dado consentimiento a los permisos. Un administrador debe pulsar «Conceder consentimiento de administrador» en el portal.',
  'settings.oauth-error.wrong-tenant':
    'La cuenta o el inquilino no pertenecen al directorio de esta aplicación. Revise el id. de inquilino o inicie sesión con una cuenta de esa organización.',
  'settings.oauth-error.app-not-found':
    'El proveedor no conoce este id. de cliente en ese inquilino. Revise el id. de cliente y el id. de inquilino.',
  'settings.oauth-error.invalid-grant':
    'La autorización ya no es válida (caducada, revocada, usada dos veces, o de una aplicación de Google en Prueba tras 7 días). Vuelva a autorizar.',
  'settings.oauth-error.access-denied':
    'Se canceló el inicio de sesión o se rechazaron los permisos. Vuelva a autorizar y acéptelos.',
  'settings.oauth-error.invalid-client':
    'El proveedor ha rechazado la aplicación: revise el id. de cliente y vuelva a escribir el secreto de cliente.',
  'settings.oauth-error.unauthorized-client':
    'Esta aplicación no puede usar este tipo de inicio de sesión. Regístrela como aplicación web con la URL de redirección que muestra la configuración de la aplicación OAuth.',
  'settings.oauth-error.invalid-scope':
    'Un permiso solicitado no es válido para esta aplicación. Revise los ámbitos en el portal.',
  'settings.oauth-error.interaction':
    'La organización exige un paso más (autenticación multifactor o una directiva). Vuelva a autorizar y complételo.',
  'settings.oauth-error.provider-down':
    'El proveedor ha tenido un problema temporal. Inténtelo de nuevo en unos minutos.',
  'settings.oauth-error.unknown': 'El proveedor ha rechazado la autorización. Los detalles de abajo indican el motivo.',
};
