import { describe, expect, it } from 'vitest';
import { sseParser, type SseEvent } from './feed';

describe('sseParser', () => {
  it('reads id, event and data across chunk boundaries and skips comments', () => {
    const events: SseEvent[] = [];
    const parse = sseParser((e) => events.push(e));
    parse(': keep-alive\n\nid: 41\nevent: checkin\nda');
    parse('ta: {"seq":41}\n\nid: 42\r\nevent: checkin\r\ndata: {"seq":42}\r\n');
    expect(events).toEqual([{ id: '41', event: 'checkin', data: '{"seq":41}' }]);
    parse('\r\n');
    expect(events[1]).toEqual({ id: '42', event: 'checkin', data: '{"seq":42}' });
  });

  it('joins multi-line data and keeps the last id for events without one', () => {
    const events: SseEvent[] = [];
    const parse = sseParser((e) => events.push(e));
    parse('id: 7\ndata: a\ndata: b\n\ndata: c\n\n');
    expect(events).toEqual([
      { id: '7', event: 'message', data: 'a\nb' },
      { id: '7', event: 'message', data: 'c' },
    ]);
  });
});
