import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MailBackend, MailboxChange, MailboxListener } from '../../core/index.js';

/**
 * One live subscription per backend, shared by every element that listens to it: an inbox's folder tree, list and
 * reader open one event stream between them, not three. The stream closes when the last listener leaves.
 */
interface Hub {
  listeners: Set<MailboxListener>;
  controller: AbortController;
}

const hubs = new WeakMap<MailBackend, Hub>();

function join(backend: MailBackend, listener: MailboxListener): () => void {
  let hub = hubs.get(backend);
  if (!hub) {
    const created: Hub = { listeners: new Set(), controller: new AbortController() };
    hub = created;
    hubs.set(backend, created);
    const dispatch = (change: MailboxChange) => {
      for (const each of [...created.listeners]) each(change);
    };
    backend.subscribe(dispatch, { signal: created.controller.signal }).catch(() => {
      // No live updates (unsupported, refused or aborted): the elements still work, they just do not refresh alone.
      if (hubs.get(backend) === created) hubs.delete(backend);
    });
  }
  hub.listeners.add(listener);
  const joined = hub;
  return () => {
    joined.listeners.delete(listener);
    if (!joined.listeners.size) {
      joined.controller.abort();
      if (hubs.get(backend) === joined) hubs.delete(backend);
    }
  };
}

/**
 * Listens to the host's backend while the host is connected, following backend changes (call `sync()` from
 * `updated`).
 */
export class LiveController implements ReactiveController {
  private backend: MailBackend | undefined;
  private leave: (() => void) | undefined;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly getBackend: () => MailBackend | undefined,
    private readonly listener: MailboxListener,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }

  /** Subscribes to the current backend, leaving the previous one. */
  sync(): void {
    const backend = this.connected ? this.getBackend() : undefined;
    if (backend === this.backend) return;
    this.leave?.();
    this.leave = undefined;
    this.backend = backend;
    if (backend) this.leave = join(backend, (change) => this.listener(change));
  }
}
