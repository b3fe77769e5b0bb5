import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/ui/layout.js';
import { renderFrame, viewSizeFor } from '../../src/ui/render-frame.js';
import { paymentFixture, postmortemFixture } from './fixture.js';

const SIZES = [
  [80, 24],
  [100, 30],
  [120, 40],
  [160, 50],
] as const;

describe('renderFrame', () => {
  it('is a pure function of (vm, width, height)', () => {
    for (const [w, h] of SIZES) {
      const a = renderFrame(paymentFixture(), w, h);
      const b = renderFrame(paymentFixture(), w, h);
      expect(a).toBe(b);
    }
  });

  it('every line fits the width and the frame is shorter than the height', () => {
    for (const vm of [paymentFixture(), postmortemFixture()]) {
      for (const [w, h] of SIZES) {
        const lines = renderFrame(vm, w, h).split('\n');
        expect(lines.length).toBeLessThan(h);
        for (const l of lines) expect([...l].length).toBeLessThanOrEqual(w);
      }
    }
  });

  it('is plain text: no escape sequences, markers instead of colour', () => {
    const out = renderFrame(paymentFixture(), 100, 30);
    expect(out).not.toContain('\u001B');
    expect(out).toContain('91% !');
    expect(out).toContain('✗ unknown responder');
    expect(out).toContain('SEV-2');
    expect(out).toContain('Logs  service=payment-processor level=error  (1,922 hidden)');
  });

  it('draws the too-small notice and the summary like the live screen', () => {
    expect(renderFrame(paymentFixture(), 60, 20).replace(/\s+/gu, ' ')).toContain('this terminal is 60x20.');
    const done = { ...paymentFixture(), finished: true, summary: 'DRILL · payment-fraud-dns · score 84/100' };
    expect(renderFrame(done, 80, 24)).toContain('score 84/100');
  });

  it('viewSizeFor matches the layout the frame is drawn with', () => {
    expect(viewSizeFor(120, 40)).toEqual(computeLayout(120, 40).size);
  });
});
