import { describe, expect, it } from 'vitest';
import { promisedUpdate } from '../../src/sim/handlers/comms.js';

const frame = { startsAt: '2026-03-10T21:00:00' };

describe('promised next update', () => {
  it('reads minutes and clock times', () => {
    expect(promisedUpdate('Payments failing. Next update in 15 min.', 100, frame)).toBe(100 + 900);
    expect(promisedUpdate('next update at 21:30', 100, frame)).toBe(1800);
    expect(promisedUpdate('we are on it', 100, frame)).toBeNull();
  });
  it('reads durations in the frame of a scenario that compresses days', () => {
    expect(promisedUpdate('next update in 2 days', 60, { ...frame, clockScale: 1440 })).toBe(60 + 120);
    expect(promisedUpdate('next update in 1 hour', 0, frame)).toBe(3600);
  });
});
