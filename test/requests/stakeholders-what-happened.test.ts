import { describe, expect, it } from 'vitest';
import { playText } from '../helpers.js';

const asked = async (scenario: string, text: string) => (await playText(`scenarios/${scenario}.yaml`, text)).session.engine.state.questions.map((q) => q.id);

describe('stakeholders ask about what actually happened', () => {
  it('"when can we take orders again" only once ordering was stopped', async () => {
    const stopped = await asked('lost-orders-broker', '00:20 ack\n00:30 escalate orders\n05:00 ask ana set the ordering.enabled kill switch to false\n05:10 go\n23:00 note waiting\n');
    expect(stopped).toContain('elena-reopen');
    expect(stopped).not.toContain('elena-still-open');
    const open = await asked('lost-orders-broker', '00:20 ack\n23:00 note waiting\n');
    expect(open).not.toContain('elena-reopen');
    expect(open).toContain('elena-still-open');
  });

  it('"checkouts are timing out too" only while the thread pools are starved', async () => {
    const starved = await asked('tokenize-latency-apm', '00:20 ack\n07:00 note waiting\n');
    expect(starved).toContain('rosa-known');
    const guarded = await asked('tokenize-latency-apm', '00:20 ack\n00:30 escalate api\n04:00 do enable the Semian bulkhead and circuit breaker on the VaultPoint client\n04:10 go\n07:00 note waiting\n');
    expect(guarded).not.toContain('rosa-known');
    expect(guarded).toContain('rosa-saves');
  });
});
