// Small helpers for stories that need a user's first step (typing into a field) before they show their state.

/** Resolves when `predicate` holds, polling every 20 ms; gives up quietly after `timeout` ms. */
export async function settle(predicate: () => boolean, timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!predicate() && performance.now() - start < timeout) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The first `tag` element inside the story's canvas, once it has rendered its shadow root. */
export async function elementIn<T extends HTMLElement>(canvas: HTMLElement, tag: string): Promise<T> {
  await settle(() => !!canvas.querySelector(tag)?.shadowRoot);
  return canvas.querySelector<T>(tag)!;
}

/** Types `text` into the text field matched by `selector` in `host`'s shadow root, as a user would. */
export async function typeInto(host: HTMLElement, selector: string, text: string): Promise<void> {
  await settle(() => !!host.shadowRoot?.querySelector(selector));
  const field = host.shadowRoot?.querySelector<HTMLInputElement>(selector);
  if (!field) return;
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text }));
}
