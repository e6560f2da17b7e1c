import { accessToken } from '../api/client';

/** One server-sent event. */
export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** Splits a text/event-stream into events; feed it chunks, it keeps the incomplete tail. */
export function sseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let id: string | undefined;
  let event = '';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length) onEvent({ id, event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
  };
}

/**
 * Follows an SSE stream with the bearer token (EventSource cannot send one): reads it with fetch and a
 * stream reader, and after a drop reconnects with Last-Event-ID so nothing is missed. Returns a stop function.
 */
export function follow(path: string, onEvent: (event: SseEvent) => void, onState: (connected: boolean) => void): () => void {
  let stopped = false;
  let lastId: string | undefined;
  let controller: AbortController | undefined;
  let delay = 1000;

  async function connect(refresh = false): Promise<void> {
    if (stopped) return;
    controller = new AbortController();
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${await accessToken(refresh)}` };
      if (lastId) headers['Last-Event-ID'] = lastId;
      const response = await fetch(path, { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401 && !refresh) return connect(true);
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      onState(true);
      delay = 1000;
      const parse = sseParser((event) => {
        if (event.id) lastId = event.id;
        onEvent(event);
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parse(value);
      }
    } catch {
      // dropped or unreachable: try again below
    }
    onState(false);
    if (!stopped) {
      setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, 30_000);
    }
  }

  void connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
