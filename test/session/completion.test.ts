import { describe, expect, it } from 'vitest';
import { completeLine } from '../../src/session/completion.js';
import type { PostmortemAction } from '../../src/sim/world.js';
import { loadFixture } from '../helpers.js';

const scenario = loadFixture('test/fixtures/mini.yaml').scenario;
const items: PostmortemAction[] = [
  { type: 'detect', priority: 'P1', owner: '@payments', text: 'Alert when DNS lookups fail for 2 minutes', sec: 10 },
  { type: 'prevent', priority: 'P2', owner: 'platform', text: 'Pin the partner hosts in config review', sec: 20 },
];

describe('tab completion of postmortem action items', () => {
  it('offers edit and delete beside the types once there are items to change', () => {
    expect(completeLine(scenario, 'pm action ')).not.toContain('pm action edit');
    expect(completeLine(scenario, 'pm action ', items)).toEqual(expect.arrayContaining(['pm action detect', 'pm action edit', 'pm action delete']));
    expect(completeLine(scenario, 'pm action e', items)).toEqual(['pm action edit']);
  });

  it('offers the numbers of the items as listed', () => {
    expect(completeLine(scenario, 'pm action delete ', items)).toEqual(['pm action delete 1', 'pm action delete 2']);
    expect(completeLine(scenario, 'pm action edit 2', items)).toEqual(['pm action edit 2']);
    expect(completeLine(scenario, 'pm action edit ', [])).toEqual([]);
  });

  it('edit N offers item N as it stands, ready to change, then the types and priorities', () => {
    expect(completeLine(scenario, 'pm action edit 2 ', items)).toEqual(['pm action edit 2 prevent P2 platform Pin the partner hosts in config review']);
    expect(completeLine(scenario, 'pm action edit 1 mi', items)).toEqual(['pm action edit 1 mitigate']);
    expect(completeLine(scenario, 'pm action edit 1 repair P', items)).toEqual(['pm action edit 1 repair P0', 'pm action edit 1 repair P1', 'pm action edit 1 repair P2', 'pm action edit 1 repair P3']);
    expect(completeLine(scenario, 'pm action edit 3 ', items)).toEqual([]);
    expect(completeLine(scenario, 'pm action delete 1 ', items)).toEqual([]);
  });
});
