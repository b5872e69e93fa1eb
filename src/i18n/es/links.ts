import type { links as english } from '../en/links.js';

/** Textos de `<mail-object-links>`, `<mail-object-mails>` y `<mail-record-picker>`. */
export const links: typeof english = {
  // mail-object-links
  'links.config-title': (objectName: string) => `Vinculación de correo para ${objectName}`,
  'links.config-new': 'Nueva vinculación de correo',
  'links.config-intro':
    'Los correos intercambiados con la dirección de un registro aparecen en su barra lateral, y los vinculados se guardan como archivos .eml.',
  'links.object-name': 'Nombre del objeto',
  'links.object-name-hint': 'El objeto al que se vinculan los correos, por ejemplo customers.',
  'links.primary-key': 'Clave primaria del objeto',
  'links.primary-key-hint': 'El campo que identifica un registro, por ejemplo CustomerId.',
  'links.email-field': 'Campo de dirección de correo',
  'links.email-field-hint': 'El campo del registro con la dirección de correo que se busca, por ejemplo Email.',
  'links.filter-by-domain': 'Filtrar por dominio',
  'links.filter-by-domain-hint':
    'Incluye a todos los del dominio del registro (lo que va tras la @), no solo su dirección exacta.',
  'links.ignored-domains': 'Dominios ignorados',
  'links.ignored-domains-hint':
    'Al filtrar por dominio, las direcciones de estos dominios se comparan completas, para no unir a un usuario de Gmail con todos los demás.',
  'links.ignored-domains-inactive': 'Solo se usan al filtrar por dominio.',
  'links.remove-domain': (domain: string) => `Quitar ${domain}`,
  'links.add-domain-label': 'Dominio que ignorar',
  'links.add-domain-placeholder': 'ejemplo.com',
  'links.add-domain': 'Añadir',
  'links.reset-domains': 'Restablecer proveedores públicos',
  'links.folder': 'Carpeta de correos vinculados',
  'links.folder-hint': 'Una carpeta absoluta del servidor donde los correos vinculados se guardan como archivos .eml.',
  'links.preview-title': 'Vista previa',
  'links.preview-incomplete': 'Rellene todos los campos para ver cuántos registros y correos coincidirían.',
  'links.preview-loading': 'Contando coincidencias…',
  'links.preview-counts': (records: number, mails: number) =>
    `Coincidirían ${records === 1 ? '1 registro' : `${records} registros`} y ${mails === 1 ? '1 correo' : `${mails} correos`}.`,
  'links.shared-intro': 'Varios registros coinciden con los mismos correos; cada uno los mostrará:',
  'links.shared-more': (count: number) =>
    count === 1 ? 'y 1 dirección o dominio más.' : `y ${count} direcciones o dominios más.`,
  'links.required': 'Obligatorio.',
  'links.invalid-line': 'No se admiten saltos de línea.',
  'links.invalid-object-name': 'Use solo letras, dígitos, _ . y -, empezando por una letra.',
  'links.invalid-absolute': 'Use una ruta absoluta, como /srv/mail/clientes o D:\\Correo\\Clientes.',
  'links.invalid-dotdot': 'Una ruta no puede contener «..».',
  'links.invalid-domain': (domain: string) => `«${domain}» no es un dominio. Escríbalo como acme.com.`,
  'links.save': 'Guardar',
  'links.saving': 'Guardando…',
  'links.saved': 'Guardado.',
  'links.delete': 'Eliminar',
  'links.delete-title': (objectName: string) => `¿Eliminar la vinculación de correo de ${objectName}?`,
  'links.delete-text':
    'Las barras laterales de los registros dejarán de mostrar correos. Los ya guardados como .eml siguen en su carpeta.',
  'links.delete-confirm': 'Eliminar',
  'links.cancel': 'Cancelar',
  // mail-object-mails
  'record-mails.title': 'Correos',
  'record-mails.compose': 'Escribir a este registro',
  'record-mails.compose-to': (address: string) => `Escribir a ${address}`,
  'record-mails.matched-address': (address: string) => `Correos con ${address}`,
  'record-mails.matched-domain': (domain: string) => `Correos con cualquiera de ${domain}`,
  'record-mails.search': 'Buscar en estos correos',
  'record-mails.received': 'Recibido',
  'record-mails.sent': 'Enviado',
  'record-mails.linked': 'Vinculado',
  'record-mails.link': (subject: string) => `Vincular «${subject}» a este registro`,
  'record-mails.unlink': (subject: string) => `Desvincular «${subject}» de este registro`,
  'record-mails.show-all': (count: number) => `Ver todos (${count})`,
  'record-mails.show-less': 'Ver menos',
  'record-mails.empty': (match: string) => `Aún no hay correos con ${match}.`,
  'record-mails.no-results': (text: string) => `Ningún correo coincide con «${text}».`,
  'record-mails.no-address': 'Este registro no tiene dirección de correo; aquí solo aparecen los correos vinculados.',
  'record-mails.no-record': 'Este registro ya no existe.',
  'record-mails.not-configured': (objectName: string) =>
    `La vinculación de correo no está configurada para ${objectName}.`,
  'record-mails.ask-admin': 'Pida a un administrador que la configure.',
  'record-mails.configure': 'Configurar la vinculación',
  'record-mails.shared': (count: number) =>
    count === 1 ? 'También aparecen en otro registro' : `También aparecen en otros ${count} registros`,
  'record-mails.shared-hint': (match: string) => `Estos registros también coinciden con ${match}.`,
  'record-mails.viewer': 'Correo',
  'record-mails.close': 'Cerrar',
  // mail-record-picker
  'picker.title': 'Vincular a un registro',
  'picker.intro': (count: number) =>
    count === 1
      ? 'Elija el registro al que vincular el correo seleccionado.'
      : `Elija el registro al que vincular ${count} correos.`,
  'picker.intro-none': 'Elija un registro.',
  'picker.search-label': 'Registro',
  'picker.placeholder': 'Nombre, código o correo',
  'picker.results': 'Registros',
  'picker.no-results': (query: string) => (query ? `Ningún registro coincide con «${query}».` : 'No hay registros.'),
  'picker.none-configured': 'Ningún objeto tiene configurada la vinculación de correo.',
  'picker.chosen': (title: string) => `Elegido: ${title}`,
  'picker.link': (count: number) => (count === 1 ? 'Vincular correo' : `Vincular ${count} correos`),
  'picker.choose': 'Elegir',
  'picker.linking': 'Vinculando…',
};
