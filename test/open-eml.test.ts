/**
 * The demo's "open any .eml" module: messages fetched from a URL or dropped onto the page are imported into the mock
 * backend and shown by <mail-message-view>. Well-formed messages of every common shape must open; what cannot be
 * opened gets a message that says why.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { MailError, type Message } from '../src/core/index.js';
import { MemoryMailBackend } from '../src/mock/index.js';
import { buildRawMessage, type RawSource } from '../src/mock/eml.js';
import '../src/define/mail-message-view.js';
import { DRAG_ATTRIBUTE, acceptEmlDrops, openEmlFromUrl } from '../demo/open-eml.js';

const CRLF = '\r\n';
const urls: string[] = [];

/** A blob: URL of the message's bytes: fetched like any URL, without a server. */
function urlOf(raw: string | Uint8Array, type = 'message/rfc822'): string {
  const url = URL.createObjectURL(new Blob([raw as BlobPart], { type }));
  urls.push(url);
  return url;
}

/** Raw text with CRLF line ends, as a message travels. */
function eml(lines: string[]): string {
  return lines.join(CRLF);
}

/** Latin-1 / Windows-1252 bytes: each character of `text` is one byte (its code must be below 256). */
function singleByte(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 255) throw new Error(`not a single-byte character: ${char}`);
    return code;
  });
}

async function open(raw: string | Uint8Array, backend = new MemoryMailBackend({ seed: 'open-eml', messages: 0 })) {
  const summary = await openEmlFromUrl(urlOf(raw), backend);
  const message = await backend.getMessage({ id: summary.id });
  return { backend, summary, message };
}

/** Shows the message in the real component and returns the text of its frame and of its attachment list. */
async function shown(backend: MemoryMailBackend, message: Message): Promise<{ body: string; files: string }> {
  const element = document.createElement('mail-message-view');
  element.backend = backend;
  element.messageId = message.id;
  document.body.append(element);
  try {
    let frame: HTMLIFrameElement | null = null;
    await waitUntil(() => {
      frame = element.shadowRoot?.querySelector<HTMLIFrameElement>('iframe[part="body"]') ?? null;
      return frame?.contentDocument?.URL === 'about:srcdoc' && frame.contentDocument.readyState === 'complete';
    }, 'the message was never shown');
    const files = element.shadowRoot!.querySelector('[part="attachments"]')?.textContent ?? '';
    return { body: frame!.contentDocument!.body.textContent ?? '', files: files.replace(/\s+/g, ' ').trim() };
  } finally {
    element.remove();
  }
}

async function rejection(promise: Promise<unknown>): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(MailError);
    return error as MailError;
  }
  throw new Error('expected a rejection');
}

after(() => {
  for (const url of urls) URL.revokeObjectURL(url);
});

describe('open-eml: messages of every shape', function () {
  this.timeout(20_000);

  it('opens a message written by buildRawMessage: both bodies, an inline image and an attachment', async () => {
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
      (char) => char.charCodeAt(0),
    );
    const source: RawSource = {
      from: { name: 'Núria Puig', address: 'nuria@example.es' },
      to: [{ name: 'Dana', address: 'dana@example.com' }],
      cc: [],
      bcc: [],
      replyTo: [],
      subject: 'Factura de octubre — ¿todo bien?',
      time: Date.UTC(2026, 10, 20, 9, 30),
      messageId: '<built@example.es>',
      references: [],
      text: 'Hola Dana, adjunto la factura.',
      html: '<p>Hola <b>Dana</b>, adjunto la factura.</p><img src="cid:firma@example.es" alt="firma">',
      parts: [
        {
          id: 'p1',
          filename: 'firma.png',
          contentType: 'image/png',
          contentId: 'firma@example.es',
          inline: true,
          bytes: png,
        },
        {
          id: 'p2',
          filename: 'factura octubre.pdf',
          contentType: 'application/pdf',
          inline: false,
          bytes: new Uint8Array([37, 80, 68, 70]),
        },
      ],
      extraHeaders: [],
    };
    const { backend, message } = await open(buildRawMessage(source));
    expect(message.subject).to.equal('Factura de octubre — ¿todo bien?');
    expect(message.from).to.deep.equal({ name: 'Núria Puig', address: 'nuria@example.es' });
    expect(message.date).to.equal('2026-11-20T09:30:00.000Z');
    expect(message.text).to.contain('adjunto la factura');
    expect(message.attachments.map((part) => [part.filename, part.inline])).to.deep.equal([
      ['firma.png', true],
      ['factura octubre.pdf', false],
    ]);
    const { body, files } = await shown(backend, message);
    expect(body).to.contain('Hola Dana, adjunto la factura.');
    expect(files).to.contain('factura octubre.pdf');
    expect(files).not.to.contain('firma.png');
  });

  it('decodes a quoted-printable UTF-8 HTML body with soft line breaks', async () => {
    const { backend, message } = await open(
      eml([
        'From: =?UTF-8?Q?Jos=C3=A9_Mar=C3=ADa?= <jose@example.es>',
        'To: dana@example.com',
        'Subject: =?UTF-8?Q?Reuni=C3=B3n_del_lunes?=',
        'Date: Fri, 20 Nov 2026 10:00:00 +0100',
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '<p>La reuni=C3=B3n empieza a las <b>10:00</b> en la sala peque=C3=B1a, junto a=',
        ' la cafeter=C3=ADa. =C2=A1No faltes!</p>',
      ]),
    );
    expect(message.subject).to.equal('Reunión del lunes');
    expect(message.from?.name).to.equal('José María');
    const { body } = await shown(backend, message);
    expect(body).to.contain('La reunión empieza a las 10:00 en la sala pequeña, junto a la cafetería. ¡No faltes!');
  });

  it('decodes a base64 plain-text body', async () => {
    const text = 'Línea uno\nLínea dos: ñandú, pingüino, acción.\n';
    const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    const { backend, message } = await open(
      eml([
        'From: ana@example.com',
        'To: dana@example.com',
        'Subject: base64',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset="UTF-8"',
        'Content-Transfer-Encoding: base64',
        '',
        base64.slice(0, 40),
        base64.slice(40),
      ]),
    );
    expect(message.text?.replace(/\r\n/g, '\n')).to.equal(text);
    const { body } = await shown(backend, message);
    expect(body).to.contain('Línea dos: ñandú, pingüino, acción.');
  });

  it('reads multipart/alternative nested in multipart/mixed, and shows the HTML alternative', async () => {
    const { backend, message } = await open(
      eml([
        'From: Ops <ops@example.com>',
        'To: dana@example.com',
        'Subject: Nested parts',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="outer"',
        '',
        'Preamble nobody reads.',
        '--outer',
        'Content-Type: multipart/alternative; boundary="inner"',
        '',
        '--inner',
        'Content-Type: text/plain; charset=us-ascii',
        '',
        'The plain alternative.',
        '--inner',
        'Content-Type: text/html; charset=us-ascii',
        '',
        '<p>The <i>HTML</i> alternative.</p>',
        '--inner--',
        '--outer',
        'Content-Type: text/csv; name="numbers.csv"',
        'Content-Disposition: attachment; filename="numbers.csv"',
        '',
        'a,b',
        '1,2',
        '--outer--',
        '',
      ]),
    );
    expect(message.text).to.contain('The plain alternative.');
    expect(message.html).to.contain('<i>HTML</i>');
    expect(message.attachments.map((part) => part.filename)).to.deep.equal(['numbers.csv']);
    const { body, files } = await shown(backend, message);
    expect(body).to.contain('The HTML alternative.');
    expect(body).not.to.contain('plain alternative');
    expect(files).to.contain('numbers.csv');
  });

  it('keeps a message/rfc822 attachment as an attachment', async () => {
    const { backend, message } = await open(
      eml([
        'From: Marc <marc@example.com>',
        'To: dana@example.com',
        'Subject: Fwd: the original',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'See the attached original.',
        '--b1',
        'Content-Type: message/rfc822; name="original.eml"',
        'Content-Disposition: attachment; filename="original.eml"',
        '',
        'From: Lena <lena@example.com>',
        'To: marc@example.com',
        'Subject: The original',
        'Content-Type: text/plain',
        '',
        'Original words.',
        '--b1--',
        '',
      ]),
    );
    expect(message.text).to.contain('See the attached original.');
    expect(message.attachments.map((part) => [part.filename, part.contentType])).to.deep.equal([
      ['original.eml', 'message/rfc822'],
    ]);
    const { body, files } = await shown(backend, message);
    expect(body).to.contain('See the attached original.');
    expect(files).to.contain('original.eml');
  });

  it('decodes ISO-8859-1, in headers and body', async () => {
    const { backend, message } = await open(
      singleByte(
        eml([
          'From: =?ISO-8859-1?Q?Fran=E7ois?= <francois@example.fr>',
          'To: dana@example.com',
          'Subject: =?iso-8859-1?q?D=E9j=E0_vu?=',
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=ISO-8859-1',
          'Content-Transfer-Encoding: 8bit',
          '',
          'Voil\u00e0 le caf\u00e9 de l\u2019\u00e9t\u00e9'.replace('\u2019', "'"),
        ]),
      ),
    );
    expect(message.subject).to.equal('Déjà vu');
    expect(message.from?.name).to.equal('François');
    const { body } = await shown(backend, message);
    expect(body).to.contain("Voilà le café de l'été");
  });

  it('decodes Windows-1252, whose quotes and euro sign are not Latin-1', async () => {
    // 0x93 0x94 are curly quotes and 0x80 the euro sign in Windows-1252 (control characters in ISO-8859-1).
    const head = singleByte(
      eml([
        'From: shop@example.com',
        'To: dana@example.com',
        'Subject: cp1252',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=windows-1252',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Price: ',
      ]),
    );
    const raw = new Uint8Array([...head, 0x80, 0x20, 0x39, 0x2c, 0x39, 0x35, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
    const { backend, message } = await open(raw);
    expect(message.text).to.contain('Price: € 9,95 “ok”');
    const { body } = await shown(backend, message);
    expect(body).to.contain('Price: € 9,95 “ok”');
  });

  it('opens a message with no text part at all: only an attachment', async () => {
    const { backend, message } = await open(
      eml([
        'From: scanner@example.com',
        'To: dana@example.com',
        'Subject: Scan 0042',
        'MIME-Version: 1.0',
        'Content-Type: application/pdf; name="scan-0042.pdf"',
        'Content-Disposition: attachment; filename="scan-0042.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        btoa('%PDF-1.4 scan'),
      ]),
    );
    expect(message.html).to.equal(undefined);
    expect(message.attachments.map((part) => part.filename)).to.deep.equal(['scan-0042.pdf']);
    const { body, files } = await shown(backend, message);
    expect(body.trim()).to.equal('');
    expect(files).to.contain('scan-0042.pdf');
  });

  it('opens a message with LF line ends and no MIME headers at all', async () => {
    const { message } = await open('From: old@example.com\nSubject: plain old mail\n\nJust text.\n');
    expect(message.subject).to.equal('plain old mail');
    expect(message.text).to.contain('Just text.');
  });
});

describe('open-eml: what cannot be opened', function () {
  this.timeout(20_000);
  const backend = new MemoryMailBackend({ seed: 'open-eml-errors', messages: 0 });

  it('says when the server answers with an error status', async () => {
    const error = await rejection(openEmlFromUrl('/no-such-dir/missing.eml', backend));
    expect(error.code).to.equal('not-found');
    expect(error.message).to.match(/answered 404.*\/no-such-dir\/missing\.eml/);
  });

  it('says that another origin must allow it (CORS) when it cannot be fetched', async () => {
    const error = await rejection(openEmlFromUrl('http://127.0.0.1:9/message.eml', backend));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('Access-Control-Allow-Origin');
  });

  it('refuses URLs that are not http(s), and text that is not a URL', async () => {
    expect((await rejection(openEmlFromUrl('javascript:alert(1)', backend))).code).to.equal('validation');
    expect((await rejection(openEmlFromUrl('http://[::1', backend))).message).to.contain('not a valid URL');
  });

  it('refuses an empty file and a file that is not a message', async () => {
    expect((await rejection(openEmlFromUrl(urlOf(''), backend))).message).to.contain('is empty');
    const png = await rejection(
      openEmlFromUrl(urlOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10])), backend),
    );
    expect(png.code).to.equal('validation');
    expect(png.message).to.contain('not an e-mail message');
  });
});

describe('open-eml: dropping files', () => {
  let target: HTMLElement;
  let stop: () => void = () => {};
  const backend = new MemoryMailBackend({ seed: 'open-eml-drops', messages: 0 });

  beforeEach(() => {
    target = document.createElement('div');
    document.body.append(target);
  });

  afterEach(() => {
    stop();
    target.remove();
  });

  function drag(type: 'dragenter' | 'dragover' | 'drop' | 'dragleave', files: File[] = []): DragEvent {
    const transfer = new DataTransfer();
    for (const file of files) transfer.items.add(file);
    const event = new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    return event;
  }

  const mail = (name: string, subject: string) =>
    new File([`From: a@example.com\r\nSubject: ${subject}\r\n\r\nBody of ${subject}.\r\n`], name, { type: '' });

  it('imports every dropped .eml and hands each to the page', async () => {
    const imported: string[] = [];
    stop = acceptEmlDrops(target, backend, (summary, source) => imported.push(`${source}: ${summary.subject}`));
    expect(drag('dragenter', [mail('one.eml', 'One')]).defaultPrevented).to.equal(false);
    expect(target.hasAttribute(DRAG_ATTRIBUTE)).to.equal(true);
    expect(drag('dragover', [mail('one.eml', 'One')]).defaultPrevented, 'the browser must not open the file').to.equal(
      true,
    );
    const drop = drag('drop', [mail('one.eml', 'One'), mail('two.EML', 'Two')]);
    expect(drop.defaultPrevented).to.equal(true);
    expect(target.hasAttribute(DRAG_ATTRIBUTE)).to.equal(false);
    await waitUntil(() => imported.length === 2, 'the dropped files were never imported');
    expect(imported.sort()).to.deep.equal(['one.eml: One', 'two.EML: Two']);
  });

  it('reports a dropped file that is not an .eml, and imports nothing', async () => {
    const imported: string[] = [];
    const errors: string[] = [];
    stop = acceptEmlDrops(
      target,
      backend,
      (summary) => imported.push(summary.id),
      (error) => errors.push(error.message),
    );
    drag('drop', [new File([new Uint8Array([0x89, 0x50])], 'photo.png', { type: 'image/png' })]);
    await waitUntil(() => errors.length === 1, 'no error was reported');
    expect(errors[0]).to.contain('photo.png is not an .eml file');
    expect(imported).to.deep.equal([]);
  });

  it('stops accepting drops when told to', async () => {
    const imported: string[] = [];
    stop = acceptEmlDrops(target, backend, (summary) => imported.push(summary.id));
    stop();
    const drop = drag('drop', [mail('late.eml', 'Late')]);
    expect(drop.defaultPrevented).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(imported).to.deep.equal([]);
  });
});
