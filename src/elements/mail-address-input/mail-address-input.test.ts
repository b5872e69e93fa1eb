import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../define/mail-backend-provider.js';
import '../../define/mail-address-input.js';
import type { MailAddressInput } from './mail-address-input.js';
import type { MemoryMailBackend } from '../../mock/index.js';
import { API, shadow, shadowAll, until, useMockApi } from '../../../test/helpers/mock-api.js';

async function mount(lang = 'en'): Promise<MailAddressInput> {
  const root = await fixture(
    html`<div lang=${lang}>
      <mail-backend-provider base-url=${API}
        ><mail-address-input label="To"></mail-address-input
      ></mail-backend-provider>
    </div>`,
  );
  const input = root.querySelector('mail-address-input')!;
  await input.updateComplete;
  return input;
}

const field = (el: MailAddressInput) => shadow<HTMLInputElement>(el, 'input')!;
const chips = (el: MailAddressInput) => shadowAll(el, '[part~="chip"]');

async function type(el: MailAddressInput, text: string): Promise<void> {
  const input = field(el);
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function press(el: MailAddressInput, key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  field(el).dispatchEvent(event);
  await el.updateComplete;
  return event;
}

function paste(el: MailAddressInput, text: string): ClipboardEvent {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true, cancelable: true });
  field(el).dispatchEvent(event);
  return event;
}

describe('<mail-address-input>', () => {
  let backend: MemoryMailBackend;
  beforeEach(async () => {
    backend = await useMockApi();
  });

  describe('accessibility', () => {
    it('passes axe empty, with valid and invalid chips, and with suggestions open', async () => {
      const el = await mount();
      await expect(el).to.be.accessible();
      paste(el, 'Ana <ana@acme.example>, broken@');
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await type(el, 'a');
      await until(() => shadow(el, '[role="listbox"]')?.hidden === false, 3000, 'suggestions');
      await expect(el).to.be.accessible();
    });
  });

  it('is empty by default', () => {
    const el = document.createElement('mail-address-input');
    expect(el.value).to.deep.equal([]);
    expect(el.label).to.equal('');
    expect(el.error).to.equal('');
    expect(el.noSuggestions).to.equal(false);
  });

  it('shows its value as chips and names the field by its label', async () => {
    const el = await mount();
    el.value = [{ name: 'Ana García', address: 'ana@acme.example' }, { address: 'bob@y.example' }];
    await el.updateComplete;
    expect(chips(el).map((chip) => chip.querySelector('.chip-text')!.textContent!.trim())).to.deep.equal([
      'Ana García',
      'bob@y.example',
    ]);
    expect(field(el).getAttribute('aria-labelledby')).to.equal('label');
    expect(shadow(el, '#label')!.textContent).to.equal('To');
  });

  it('reads many pasted addresses at once, quoted names with commas included, and marks what it cannot read', async () => {
    const el = await mount();
    setTimeout(() => paste(el, 'Ana <ana@acme.example>, "Doe, John" <j@x.example>; bob@y.example\nnot an address'));
    await oneEvent(el, 'change');
    await el.updateComplete;
    expect(el.value).to.deep.equal([
      { name: 'Ana', address: 'ana@acme.example' },
      { name: 'Doe, John', address: 'j@x.example' },
      { address: 'bob@y.example' },
    ]);
    expect(el.invalid).to.deep.equal(['not an address']);
    const invalid = shadow(el, '[part~="invalid"]')!;
    expect(invalid.querySelector('button')!.getAttribute('aria-label')).to.equal('Edit not an address');
    expect(shadow(el, '[part="field-error"]')!.textContent).to.include('Not a valid e-mail address: not an address');
    expect(field(el).getAttribute('aria-invalid')).to.equal('true');
  });

  it('refuses line breaks inside a name', async () => {
    const el = await mount();
    el.setEntries(['"Evil\r\nBcc: x@y.example" <a@b.example>']);
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
    expect(el.invalid).to.have.length(1);
  });

  it('does not add the same address twice', async () => {
    const el = await mount();
    paste(el, 'ana@acme.example, ANA@acme.example');
    await el.updateComplete;
    expect(el.value).to.deep.equal([{ address: 'ana@acme.example' }]);
  });

  it('turns typed text into a chip on comma, Enter and leaving the field', async () => {
    const el = await mount();
    el.noSuggestions = true;
    await type(el, 'one@x.example,');
    expect(el.value.map((a) => a.address)).to.deep.equal(['one@x.example']);
    expect(field(el).value).to.equal('');
    await type(el, 'two@x.example');
    await press(el, 'Enter');
    await type(el, 'three@x.example');
    field(el).dispatchEvent(new FocusEvent('blur'));
    await el.updateComplete;
    expect(el.value.map((a) => a.address)).to.deep.equal(['one@x.example', 'two@x.example', 'three@x.example']);
  });

  it('splits bare addresses typed or pasted with spaces between them, and keeps names with spaces whole', async () => {
    const el = await mount();
    el.noSuggestions = true;
    await type(el, 'a@x.example b@y.example');
    await press(el, 'Tab');
    expect(el.value).to.deep.equal([{ address: 'a@x.example' }, { address: 'b@y.example' }]);
    expect(el.invalid).to.deep.equal([]);
    const pasted = paste(el, 'c@z.example \t d@w.example');
    expect(pasted.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(el.value.map((a) => a.address)).to.deep.equal(['a@x.example', 'b@y.example', 'c@z.example', 'd@w.example']);
    await type(el, '"Last, First" <l@x.example>');
    await press(el, 'Enter');
    await type(el, 'Ana Pérez <ana@x.example>');
    await press(el, 'Tab');
    expect(el.value.slice(4)).to.deep.equal([
      { name: 'Last, First', address: 'l@x.example' },
      { name: 'Ana Pérez', address: 'ana@x.example' },
    ]);
    await type(el, 'e@x.example not-an-address');
    await press(el, 'Tab');
    expect(el.invalid).to.deep.equal(['e@x.example not-an-address']);
  });

  it('keeps a comma inside a quoted name while typing', async () => {
    const el = await mount();
    el.noSuggestions = true;
    await type(el, '"Doe,');
    expect(el.value).to.deep.equal([]);
    expect(el.pendingText).to.equal('"Doe,');
  });

  it('removes a chip with its button, and the last one with Backspace (its text back to edit)', async () => {
    const el = await mount();
    el.value = [{ address: 'a@x.example' }, { address: 'b@x.example' }];
    await el.updateComplete;
    shadow(el, '[part="chip-remove"]')!.click();
    await el.updateComplete;
    expect(el.value.map((a) => a.address)).to.deep.equal(['b@x.example']);
    field(el).focus();
    const event = await press(el, 'Backspace');
    expect(event.defaultPrevented).to.equal(true);
    expect(el.value).to.deep.equal([]);
    expect(field(el).value).to.equal('b@x.example');
  });

  it('lets an invalid chip be corrected', async () => {
    const el = await mount();
    paste(el, 'ana@@acme, bob@y.example');
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, '[part~="invalid"] button.chip-text')!.click();
    await el.updateComplete;
    expect(field(el).value).to.equal('ana@@acme');
    await type(el, 'ana@acme.example');
    await press(el, 'Enter');
    expect(el.value.map((a) => a.address)).to.deep.equal(['bob@y.example', 'ana@acme.example']);
    expect(el.invalid).to.deep.equal([]);
  });

  describe('suggestions (WAI-ARIA combobox)', () => {
    it('suggests recent correspondents and records; arrows move, Enter picks', async () => {
      const query = 'a';
      const expected = (await backend.suggestAddresses({ query, limit: 8 })).items;
      const el = await mount();
      await type(el, query);
      await until(() => shadowAll(el, '[role="option"]').length > 0, 3000, 'options');
      const input = field(el);
      expect(input.getAttribute('role')).to.equal('combobox');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      expect(input.getAttribute('aria-autocomplete')).to.equal('list');
      const listbox = shadow(el, '[role="listbox"]')!;
      expect(input.getAttribute('aria-controls')).to.equal(listbox.id);
      const options = shadowAll(el, '[role="option"]');
      expect(options.length).to.equal(expected.length);
      expect(input.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
      await press(el, 'ArrowDown');
      expect(input.getAttribute('aria-activedescendant')).to.equal(options[1]!.id);
      expect(options[1]!.getAttribute('aria-selected')).to.equal('true');
      await press(el, 'ArrowUp');
      await press(el, 'ArrowUp');
      expect(input.getAttribute('aria-activedescendant')).to.equal(options.at(-1)!.id);
      await press(el, 'Home');
      setTimeout(() => void press(el, 'Enter'));
      await oneEvent(el, 'change');
      expect(el.value[0]!.address).to.equal(expected[0]!.address);
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(input.value).to.equal('');
    });

    it('closes with Escape and reopens with Down', async () => {
      const el = await mount();
      await type(el, 'a');
      await until(() => field(el).getAttribute('aria-expanded') === 'true', 3000, 'open');
      const escape = await press(el, 'Escape');
      expect(escape.defaultPrevented).to.equal(true);
      expect(field(el).getAttribute('aria-expanded')).to.equal('false');
      await press(el, 'ArrowDown');
      await until(() => field(el).getAttribute('aria-expanded') === 'true', 3000, 'reopened');
    });

    it('picks a suggestion with the pointer', async () => {
      const el = await mount();
      await type(el, 'a');
      await until(() => shadowAll(el, '[role="option"]').length > 0, 3000, 'options');
      const option = shadowAll(el, '[role="option"]')[0]!;
      setTimeout(() => option.click());
      await oneEvent(el, 'change');
      expect(el.value).to.have.length(1);
    });

    it('does not suggest what is already chosen or excluded', async () => {
      const all = (await backend.suggestAddresses({ query: 'a', limit: 8 })).items;
      const el = await mount();
      el.value = [{ address: all[0]!.address }];
      el.exclude = [{ address: all[1]!.address }];
      await type(el, 'a');
      await until(() => shadowAll(el, '[role="option"]').length > 0, 3000, 'options');
      const shown = shadowAll(el, '.option-address, .option-name').map((node) => node.textContent);
      expect(shown).to.not.include(all[0]!.address);
      expect(shown).to.not.include(all[1]!.address);
    });

    it('reports a failure to suggest as mail-error and keeps working', async () => {
      backend.faults.set('suggestAddresses', { error: 'server' });
      const el = await mount();
      setTimeout(() => void type(el, 'a'));
      const event = await oneEvent(el, 'mail-error');
      expect(event.detail.operation).to.equal('suggestAddresses');
      await press(el, 'Enter');
      expect(el.invalid).to.deep.equal(['a']);
    });
  });

  it('speaks Spanish', async () => {
    const el = await mount('es');
    el.setEntries(['malo@']);
    await el.updateComplete;
    expect(shadow(el, '[part="field-error"]')!.textContent).to.include('Dirección de correo no válida');
    expect(shadow(el, '[part="chip-remove"]')!.getAttribute('aria-label')).to.equal('Quitar malo@');
  });
});
