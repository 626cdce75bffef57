import { describe, expect, it } from 'vitest';
import { EventHub } from '../../src/ws/hub.js';

interface TestEvents {
  none(): void;
  one(a: number): void;
  two(a: number, b: string): void;
  four(a: number, b: number, c: number, d: number): void;
}

function hubWithErrors(): { hub: EventHub<TestEvents>; errors: [string, unknown][] } {
  const errors: [string, unknown][] = [];
  return { hub: new EventHub<TestEvents>((event, error) => errors.push([event, error])), errors };
}

describe('EventHub', () => {
  it('calls listeners in order with the exact arguments', () => {
    const { hub } = hubWithErrors();
    const seen: unknown[][] = [];
    hub.on('two', (...args) => seen.push(['first', ...args]));
    hub.on('two', (...args) => seen.push(['second', ...args]));
    hub.on('none', (...args: unknown[]) => seen.push(['none', args.length]));
    hub.on('four', (...args) => seen.push(args));
    hub.emit('two', 1, 'x');
    hub.emit('none');
    hub.emit('four', 1, 2, 3, 4);
    expect(seen).toEqual([['first', 1, 'x'], ['second', 1, 'x'], ['none', 0], [1, 2, 3, 4]]);
  });

  it('reports a throwing listener and still runs the later ones', () => {
    const { hub, errors } = hubWithErrors();
    const boom = new Error('boom');
    const seen: number[] = [];
    hub.on('one', () => {
      throw boom;
    });
    hub.on('one', (a) => seen.push(a));
    expect(() => hub.emit('one', 7)).not.toThrow();
    expect(seen).toEqual([7]);
    expect(errors).toEqual([['one', boom]]);
  });

  it('swallows an error thrown by the error reporter itself', () => {
    const hub = new EventHub<TestEvents>(() => {
      throw new Error('reporter');
    });
    const seen: number[] = [];
    hub.on('one', () => {
      throw new Error('listener');
    });
    hub.on('one', (a) => seen.push(a));
    expect(() => hub.emit('one', 1)).not.toThrow();
    expect(seen).toEqual([1]);
  });

  it('removes listeners with the returned function and with off', () => {
    const { hub } = hubWithErrors();
    const seen: string[] = [];
    const a = (): void => void seen.push('a');
    const b = (): void => void seen.push('b');
    const stopA = hub.on('none', a);
    hub.on('none', b);
    hub.emit('none');
    stopA();
    stopA();
    hub.emit('none');
    hub.off('none', b);
    hub.emit('none');
    expect(seen).toEqual(['a', 'b', 'b']);
    expect(hub.has('none')).toBe(false);
  });

  it('once listeners run a single time, even when emitted re-entrantly', () => {
    const { hub } = hubWithErrors();
    const seen: number[] = [];
    hub.once('one', (a) => {
      seen.push(a);
      hub.emit('one', a + 1);
    });
    hub.emit('one', 1);
    hub.emit('one', 5);
    expect(seen).toEqual([1]);
    expect(hub.has('one')).toBe(false);
  });

  it('off removes a once listener before it fires', () => {
    const { hub } = hubWithErrors();
    const seen: number[] = [];
    const l = (a: number): void => void seen.push(a);
    hub.once('one', l);
    hub.off('one', l);
    hub.emit('one', 1);
    expect(seen).toEqual([]);
  });

  it('a listener added during emit runs from the next emit on; one removed during emit still runs this time', () => {
    const { hub } = hubWithErrors();
    const seen: string[] = [];
    const late = (): void => void seen.push('late');
    let stopSecond = (): void => {};
    hub.on('none', () => {
      seen.push('first');
      hub.on('none', late);
      stopSecond();
    });
    stopSecond = hub.on('none', () => seen.push('second'));
    hub.emit('none');
    expect(seen).toEqual(['first', 'second']);
    seen.length = 0;
    hub.removeAll('none');
    hub.on('none', late);
    hub.emit('none');
    expect(seen).toEqual(['late']);
  });

  it('has / listenerCount / removeAll reflect registrations', () => {
    const { hub } = hubWithErrors();
    expect(hub.has('one')).toBe(false);
    hub.on('one', () => {});
    hub.on('one', () => {});
    hub.on('two', () => {});
    expect(hub.has('one')).toBe(true);
    expect(hub.listenerCount('one')).toBe(2);
    hub.removeAll();
    expect(hub.has('one')).toBe(false);
    expect(hub.has('two')).toBe(false);
    expect(() => hub.emit('one', 1)).not.toThrow();
  });
});
