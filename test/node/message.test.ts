// List-row previews from the head of a text part, as IMAP hands it over (cut at a byte count): no server needed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MessageStructureObject } from 'imapflow';
import { snippetOf } from '../../src/core/index.js';
import { previewText } from '../../src/node/message.js';

const plain = (encoding: string, charset = 'utf-8'): MessageStructureObject =>
  ({ type: 'text/plain', encoding, parameters: { charset } }) as MessageStructureObject;

/** Base64 in lines of 76 characters, as mail carries it. */
const base64Lines = (text: string) => Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');

describe('previews of cut-off text parts', () => {
  it('decodes base64 cut anywhere, inside a group or a multi-byte character, without a broken last character', () => {
    const text = 'Añadimos el café — ¿vienes mañana? '.repeat(4).trim();
    const encoded = base64Lines(text);
    for (let cut = 20; cut <= encoded.length; cut++) {
      const snippet = previewText(Buffer.from(encoded.slice(0, cut), 'latin1'), plain('base64'));
      assert.ok(!snippet.includes('\uFFFD'), `cut at ${cut}: ${snippet}`);
      assert.ok(snippetOf(text).startsWith(snippet.replace(/…$/, '').trim()), `cut at ${cut}: ${snippet}`);
    }
    assert.equal(previewText(Buffer.from(encoded, 'latin1'), plain('base64')), snippetOf(text));
  });

  it('decodes quoted-printable with soft line breaks, and drops an escape cut off at the end', () => {
    const encoded = 'Caf=C3=A9 con le=\r\nche y pan=\nque=E2=80=94 =ZZ fin =3D';
    assert.equal(
      previewText(Buffer.from(encoded, 'latin1'), plain('quoted-printable')),
      'Café con leche y panque— =ZZ fin =',
    );
    for (const [cut, expected] of [
      ['Caf=C3=A9 y m=C3', 'Café y m'],
      ['Caf=C3=A9 y m=', 'Café y m'],
      ['Caf=C3=A9 y m=C', 'Café y m'],
      ['Caf=C3=A9 y m=\r', 'Café y m'],
      ['Caf=C3=A9 y m=Z', 'Café y m=Z'],
    ]) {
      assert.equal(previewText(Buffer.from(cut!, 'latin1'), plain('quoted-printable')), expected, cut);
    }
  });

  it('gives the snippet of the whole preview however long its quoted or blank head is', () => {
    const bodies = [
      `${'> quoted line of an earlier mail\r\n'.repeat(40)}The answer comes after the quote.`,
      `${' \r\n'.repeat(300)}Text after many blank lines, long enough to be cut: ${'word '.repeat(60)}`,
      `Short first line\r\n${'> q\r\n'.repeat(200)}and the rest of the answer, ${'more '.repeat(40)}`,
      `${'word '.repeat(200)}`,
      'Just a short note.',
    ];
    for (const body of bodies) {
      const latin1 = Buffer.from(body, 'latin1');
      assert.equal(previewText(latin1, plain('7bit')), snippetOf(body), body.slice(0, 40));
      const encoded = Buffer.from(base64Lines(body), 'latin1');
      assert.equal(previewText(encoded, plain('base64')), snippetOf(body), body.slice(0, 40));
    }
  });
});
