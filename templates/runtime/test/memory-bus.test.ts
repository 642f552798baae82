import { describe, expect, it } from 'vitest';
import type { DeliveredRecord } from '../src/envelope.ts';
import { MemoryBus } from '../src/memory-bus.ts';

const rec = (topic: string, key: string, value: string) => ({ topic, key, value, headers: {} });

describe('MemoryBus', () => {
  it('delivers records of one key in order, each once per group', async () => {
    const bus = new MemoryBus({ partitions: 4 });
    const seen: string[] = [];
    await bus.subscribe('g', ['t'], async (r) => {
      seen.push(`${r.key}:${r.value}`);
    });
    await bus.publish([rec('t', 'a', '1'), rec('t', 'b', '1'), rec('t', 'a', '2'), rec('t', 'a', '3')]);
    await bus.drain();
    expect(seen.filter((s) => s.startsWith('a:'))).toEqual(['a:1', 'a:2', 'a:3']);
    expect(seen).toHaveLength(4);
  });

  it('keeps a group committed offset across a restart and starts a new group at the beginning', async () => {
    const bus = new MemoryBus();
    const first: string[] = [];
    const sub = await bus.subscribe('g', ['t'], async (r) => void first.push(r.value));
    await bus.publish([rec('t', 'k', '1')]);
    await bus.drain();
    await sub.close();
    await bus.publish([rec('t', 'k', '2')]);
    const again: string[] = [];
    await bus.subscribe('g', ['t'], async (r) => void again.push(r.value));
    const fresh: string[] = [];
    await bus.subscribe('other', ['t'], async (r) => void fresh.push(r.value));
    await bus.drain();
    expect(first).toEqual(['1']);
    expect(again).toEqual(['2']);
    expect(fresh).toEqual(['1', '2']);
  });

  it('can deliver every record twice, to test idempotent consumers', async () => {
    const bus = new MemoryBus({ deliveries: 2 });
    const seen: DeliveredRecord[] = [];
    await bus.subscribe('g', ['t'], async (r) => void seen.push(r));
    await bus.publish([rec('t', 'k', 'x')]);
    await bus.drain();
    expect(seen.map((r) => r.offset)).toEqual(['0', '0']);
  });

  it('reports lag and refuses a second member of one group', async () => {
    const bus = new MemoryBus();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await bus.subscribe('g', ['t'], () => gate);
    await bus.publish([rec('t', 'k', '1'), rec('t', 'k', '2')]);
    expect(bus.lag('g')).toBe(2);
    await expect(bus.subscribe('g', ['t'], async () => {})).rejects.toThrow(/already has a member/);
    release();
    await bus.drain();
    expect(bus.lag('g')).toBe(0);
  });
});
