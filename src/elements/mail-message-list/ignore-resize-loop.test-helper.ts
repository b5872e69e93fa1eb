// @lit-labs/virtualizer measures rows with a ResizeObserver and repositions them in the same frame; Chromium then
// reports "ResizeObserver loop completed with undelivered notifications", a benign notice (the notifications are
// delivered in the next frame) that mocha would otherwise count as an uncaught error. Mocha installs its handler
// when the run starts, so this wraps it from a root hook.
before(() => {
  const previous = window.onerror;
  window.onerror = (message, ...rest) =>
    String(message).includes('ResizeObserver loop') ? true : (previous?.call(window, message, ...rest) ?? false);
});
