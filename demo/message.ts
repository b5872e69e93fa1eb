// One message in <mail-message-view>, on the built-in mock backend, to look at how real mail renders.
// URL parameters:
//   sample=newsletter|forward|spanish|large|signature   a built-in realistic message (default: newsletter)
//   eml=<url>                                            fetch that .eml (any origin that allows it) and show it
//   lang=es, theme=dark|light                            the host page's language and colour scheme
// Dropping an .eml file (or a link to one) onto the page shows it too.
import type { MessageSummary } from '../src/core/index.js';
import type { MemoryMailBackend, NewMessage } from '../src/mock/index.js';
import { startDemoBackend } from './mock-backend.js';
import { acceptEmlDrops, openEmlFromUrl } from './open-eml.js';
import { mountShell, pageWords } from './shell.js';

const shell = mountShell({ page: 'message' });
const params = shell.params;
const words = pageWords(shell, {
  en: {
    samples: 'Samples',
    newsletter: 'Newsletter',
    forward: 'Forwarded thread',
    spanish: 'Spanish text',
    large: '1 MB message',
    signature: 'Inline-image signature',
    byUrl: 'Open an .eml by URL',
    open: 'Open',
    hint: 'Drop an .eml file anywhere on this page to read it.',
    showing: (source: string) => `Showing ${source}`,
    sample: (name: string) => `sample "${name}"`,
    opening: (url: string) => `Opening ${url}…`,
    failed: 'Could not open the message',
    noSample: (name: string, names: string) => `There is no sample "${name}". Try one of: ${names}.`,
  },
  es: {
    samples: 'Ejemplos',
    newsletter: 'Boletín',
    forward: 'Conversación reenviada',
    spanish: 'Texto en español',
    large: 'Mensaje de 1 MB',
    signature: 'Firma con imagen incrustada',
    byUrl: 'Abrir un .eml por URL',
    open: 'Abrir',
    hint: 'Suelte un archivo .eml en cualquier parte de esta página para leerlo.',
    showing: (source: string) => `Mostrando ${source}`,
    sample: (name: string) => `el ejemplo «${name}»`,
    opening: (url: string) => `Abriendo ${url}…`,
    failed: 'No se pudo abrir el mensaje',
    noSample: (name: string, names: string) => `No hay ningún ejemplo «${name}». Pruebe uno de estos: ${names}.`,
  },
});

const ME = { name: 'Dana Whitfield', address: 'dana@acme.example' };

// ---------------------------------------------------------------------------------------------------------------
// Samples

function newsletter(): NewMessage {
  const story = (title: string, text: string, index: number) => `
    <tr><td style="padding:20px 32px;border-bottom:1px solid #e5e7eb">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>
        <td width="132" valign="top"><img src="https://cdn.dev-digest.example/img/${index}.jpg" width="120" height="80"
          alt="${title}" style="display:block;border-radius:6px;background:#dbeafe"></td>
        <td valign="top">
          <h2 style="margin:0 0 6px;font:600 18px/1.3 Georgia,serif;color:#111827">${title}</h2>
          <p style="margin:0 0 10px;font:14px/1.55 Arial,sans-serif;color:#374151">${text}</p>
          <a href="https://dev-digest.example/s/${index}?utm_source=mail" style="font:bold 14px Arial,sans-serif;color:#2563eb;text-decoration:none">Read more &rarr;</a>
        </td></tr></table>
    </td></tr>`;
  const stories = [
    ['Lit 4 is coming', 'A smaller runtime, signals built in, and a migration path that keeps your elements working.'],
    [
      'CSS anchor positioning ships everywhere',
      'Tooltips and menus without a line of JavaScript: what changes for component libraries.',
    ],
    [
      'Sandboxed iframes, revisited',
      'Why allow-scripts and allow-same-origin must never meet, and what to use instead.',
    ],
    [
      'The state of web components',
      'Form-associated elements, declarative shadow DOM and scoped registries in every engine.',
    ],
  ];
  return {
    from: { name: 'The Dev Digest', address: 'digest@dev-digest.example' },
    to: [ME],
    subject: 'The Dev Digest #212: Lit 4, anchor positioning and sandboxed frames',
    html: `<!doctype html><html><head><style>
      .wrap { max-width: 640px; margin: 0 auto; }
      .button { display: inline-block; padding: 12px 22px; border-radius: 6px; background: #2563eb; color: #ffffff !important; font: bold 15px Arial, sans-serif; text-decoration: none; }
      @media (max-width: 600px) { .hide-mobile { display: none !important; } }
    </style></head>
    <body bgcolor="#f3f4f6" style="margin:0;padding:24px 0">
      <table class="wrap" role="presentation" width="640" align="center" cellpadding="0" cellspacing="0" bgcolor="#ffffff" style="border-radius:8px;overflow:hidden">
        <tr><td style="padding:24px 32px;background:#1e3a8a;color:#ffffff;font:bold 22px Arial,sans-serif">
          The Dev Digest <span class="hide-mobile" style="font:14px Arial,sans-serif;opacity:.8">&middot; issue 212 &middot; weekly</span>
        </td></tr>
        <tr><td style="padding:24px 32px 8px;font:16px/1.6 Arial,sans-serif;color:#111827">
          Hi Dana, here is what happened on the web platform this week.
        </td></tr>
        ${stories.map(([title, text], index) => story(title!, text!, index)).join('')}
        <tr><td align="center" style="padding:28px 32px">
          <a class="button" href="https://dev-digest.example/issues/212">Read the whole issue</a>
        </td></tr>
        <tr><td style="padding:16px 32px 24px;font:12px/1.5 Arial,sans-serif;color:#6b7280;background:#f9fafb">
          You receive this because you subscribed at dev-digest.example.
          <a href="https://dev-digest.example/unsubscribe?u=dana" style="color:#6b7280">Unsubscribe</a>
          <img src="https://t.dev-digest.example/open.gif?u=dana" width="1" height="1" alt="">
        </td></tr>
      </table>
    </body></html>`,
    text: 'The Dev Digest #212\n\nLit 4 is coming. CSS anchor positioning ships everywhere. Sandboxed iframes, revisited.',
  };
}

function forwarded(): NewMessage {
  return {
    from: { name: 'Marc Lefèvre', address: 'marc@northwind.example' },
    to: [ME],
    cc: [{ name: 'Priya Raman', address: 'priya@acme.example' }],
    subject: 'Fwd: Re: Q3 delivery schedule',
    html: `<div dir="ltr">Dana, see below: the Rotterdam slot moved. Can you confirm with the warehouse?<br><br>Marc<br><br>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>
From: <strong>Lena Vos</strong> &lt;<a href="mailto:lena@portlogistics.example">lena@portlogistics.example</a>&gt;<br>
Date: Mon, 16 Nov 2026 at 17:42<br>Subject: Re: Q3 delivery schedule<br>
To: Marc Lefèvre &lt;<a href="mailto:marc@northwind.example">marc@northwind.example</a>&gt;<br></div><br>
<div dir="ltr">Hello Marc,<br><br>The vessel now arrives on <b>Thursday 26 November</b>, so the unloading slot moves to Friday 07:00–11:00.
<table style="border-collapse:collapse;margin:12px 0;font-size:13px">
<tr style="background:#f1f5f9"><th style="border:1px solid #cbd5e1;padding:4px 8px;text-align:left">Container</th><th style="border:1px solid #cbd5e1;padding:4px 8px;text-align:left">Old slot</th><th style="border:1px solid #cbd5e1;padding:4px 8px;text-align:left">New slot</th></tr>
<tr><td style="border:1px solid #cbd5e1;padding:4px 8px">MSCU 481 220-7</td><td style="border:1px solid #cbd5e1;padding:4px 8px">Thu 08:00</td><td style="border:1px solid #cbd5e1;padding:4px 8px">Fri 07:00</td></tr>
<tr><td style="border:1px solid #cbd5e1;padding:4px 8px">MSCU 481 221-2</td><td style="border:1px solid #cbd5e1;padding:4px 8px">Thu 09:30</td><td style="border:1px solid #cbd5e1;padding:4px 8px">Fri 09:00</td></tr>
</table>Best regards,<br>Lena</div><br>
<div class="gmail_quote"><div class="gmail_attr">On Fri, 13 Nov 2026 at 10:05, Marc Lefèvre &lt;marc@northwind.example&gt; wrote:<br></div>
<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">
Hi Lena,<br><br>Could you send the updated Q3 schedule for the Rotterdam containers? Our warehouse needs two days' notice.<br><br>Thanks,<br>Marc
<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">
On Wed, 11 Nov 2026, Lena Vos wrote:<br>&gt; The Q3 schedule is attached; slots may still move with the tides.</blockquote>
</blockquote></div></div></div>`,
  };
}

function spanish(): NewMessage {
  return {
    from: { name: 'Lucía Fernández Muñoz', address: 'lucia.fernandez@ibericasa.example' },
    to: [ME],
    subject: 'Re: Presupuesto de la reforma — cocina y baño',
    text: `Hola, Dana:

¡Muchas gracias por tu respuesta tan rápida! Te confirmo lo que hablamos por teléfono:

  · Cocina: encimera de cuarzo, fregadero bajo encimera y grifería monomando.
  · Baño: plato de ducha de 120 × 80 cm, mampara corredera y azulejo cerámico en tonos arena.
  · Plazo: seis semanas a partir del lunes 11 de enero.

El presupuesto revisado asciende a 18.450 € (IVA incluido). ¿Te parece bien que empecemos por el baño?
Puedes ver las fotos de obras parecidas en https://www.ibericasa.example/proyectos/cocinas-2026 y
escribirme a lucia.fernandez@ibericasa.example para cualquier duda.

Un saludo cordial,
Lucía Fernández Muñoz
Ibericasa Reformas · Calle del Almendro 14, 28005 Madrid

El jue, 19 nov 2026 a las 18:03, Dana Whitfield <dana@acme.example> escribió:
> Hola, Lucía:
>
> Gracias por el presupuesto. ¿Podríais incluir también la mampara del baño?
> ¿Y cuál sería el plazo de ejecución?
>
>> El 17 nov 2026, Lucía Fernández escribió:
>> Adjunto el presupuesto inicial de la reforma de cocina y baño.
>> Quedo a la espera de vuestros comentarios.
`,
  };
}

/** About 1 MB of HTML: a year of order lines, as an ERP's monthly report sends them. */
function large(): NewMessage {
  const rows: string[] = [];
  let size = 0;
  for (let index = 0; size < 1024 * 1024; index++) {
    const row = `<tr style="background:${index % 2 ? '#ffffff' : '#f8fafc'}"><td style="padding:4px 8px;border-bottom:1px solid #e2e8f0">SO-${String(100000 + index)}</td><td style="padding:4px 8px;border-bottom:1px solid #e2e8f0">Customer ${index % 97}</td><td style="padding:4px 8px;border-bottom:1px solid #e2e8f0">2026-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}</td><td align="right" style="padding:4px 8px;border-bottom:1px solid #e2e8f0">${((index * 7919) % 100000) / 100} €</td></tr>\n`;
    rows.push(row);
    size += row.length;
  }
  return {
    from: { name: 'Acme ERP reports', address: 'reports@acme.example' },
    to: [ME],
    subject: 'Order lines report, 2026 (all lines)',
    html: `<p style="font:15px Arial,sans-serif">Hello Dana, here are all ${rows.length} order lines of 2026.</p>
<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;font:13px Arial,sans-serif;width:100%">
<tr style="background:#1e293b;color:#ffffff"><th align="left" style="padding:6px 8px">Order</th><th align="left" style="padding:6px 8px">Customer</th><th align="left" style="padding:6px 8px">Date</th><th align="right" style="padding:6px 8px">Amount</th></tr>
${rows.join('')}</table><p id="report-end" style="font:15px Arial,sans-serif">End of the report.</p>`,
  };
}

/** A small logo drawn at run time: the signature's inline image, as real PNG bytes. */
async function logoPng(): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(180, 48);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#0f766e';
  context.beginPath();
  context.roundRect(0, 4, 40, 40, 8);
  context.fill();
  context.fillStyle = '#ffffff';
  context.font = 'bold 26px sans-serif';
  context.fillText('A', 11, 34);
  context.fillStyle = '#0f766e';
  context.font = 'bold 22px sans-serif';
  context.fillText('Acme Iberia', 50, 32);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

async function signature(): Promise<NewMessage> {
  const pdf = new TextEncoder().encode('%PDF-1.4\n% demo invoice\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
  return {
    from: { name: 'Jorge Salas', address: 'jorge.salas@acme-iberia.example' },
    to: [ME],
    subject: 'Invoice 2026-0412 and delivery note',
    html: `<div style="font:14px/1.5 Calibri,Arial,sans-serif;color:#1f2937">
<p>Hi Dana,</p><p>Please find attached invoice 2026-0412. The goods left our warehouse this morning.</p><p>Kind regards,</p>
<table cellpadding="0" cellspacing="0" style="margin-top:12px;border-top:2px solid #0f766e;padding-top:8px"><tr>
<td style="padding-right:12px;vertical-align:top"><img src="cid:logo@acme-iberia.example" width="180" height="48" alt="Acme Iberia"></td>
<td style="font:12px/1.45 Arial,sans-serif;color:#475569;vertical-align:top"><strong style="color:#0f172a">Jorge Salas</strong><br>Accounts receivable<br>
+34 910 000 412 · <a href="https://acme-iberia.example" style="color:#0f766e">acme-iberia.example</a></td></tr></table></div>`,
    attachments: [
      {
        filename: 'logo.png',
        contentType: 'image/png',
        content: await logoPng(),
        contentId: 'logo@acme-iberia.example',
        inline: true,
      },
      { filename: 'Invoice 2026-0412.pdf', contentType: 'application/pdf', content: pdf },
    ],
  };
}

const SAMPLES: Record<string, () => NewMessage | Promise<NewMessage>> = {
  newsletter,
  forward: forwarded,
  spanish,
  large,
  signature,
};

// ---------------------------------------------------------------------------------------------------------------
// The page

const { backend } = await startDemoBackend(shell, { messages: 0, seed: 'message-demo', moduleEnabled: true });

const view = document.querySelector('mail-message-view')!;
const problem = document.querySelector<HTMLElement>('#problem')!;

function show(summary: MessageSummary, source: string): void {
  problem.hidden = true;
  view.hidden = false;
  view.messageId = summary.id;
  shell.status(words.showing(source));
}

function fail(message: string): void {
  // The view would only say "select a message": the error is the page's content now.
  view.hidden = !view.messageId;
  problem.hidden = false;
  problem.textContent = message;
  shell.status(words.failed);
}

async function showSample(name: string, into: MemoryMailBackend): Promise<void> {
  const make = SAMPLES[name];
  if (!make) return fail(words.noSample(name, Object.keys(SAMPLES).join(', ')));
  const label = document.querySelector(`[data-sample="${name}"]`)?.textContent ?? name;
  show(into.deliver({ flags: { seen: true }, ...(await make()) }), words.sample(label));
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-sample]')) {
  const url = new URL(location.href);
  url.searchParams.delete('eml');
  url.searchParams.set('sample', link.dataset.sample!);
  link.href = url.search;
  if (params.get('sample') === link.dataset.sample) link.setAttribute('aria-current', 'page');
}

const form = document.querySelector<HTMLFormElement>('#open-url')!;
const emlParam = params.get('eml');
if (emlParam) form.querySelector('input')!.value = emlParam;

acceptEmlDrops(
  document.body,
  backend,
  (summary, source) => show(summary, source),
  (error) => fail(error.message),
);

if (emlParam) {
  shell.status(words.opening(emlParam));
  try {
    show(await openEmlFromUrl(emlParam, backend), emlParam);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
} else {
  await showSample(params.get('sample') ?? 'newsletter', backend);
}
