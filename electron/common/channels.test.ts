import { describe, expect, it } from 'vitest';
import { bridgeContract, channelFor as contractChannelFor, type BridgeMethod } from './bridge-contract';
import { bridgeMethodNames, channelFor } from './channels';

describe('channels (zod-free copy of the contract method list)', () => {
  it('lists exactly the contract methods, in the same order', () => {
    expect([...bridgeMethodNames]).toEqual(Object.keys(bridgeContract));
  });
  it('derives the same channel names as the contract', () => {
    for (const m of Object.keys(bridgeContract) as BridgeMethod[]) {
      expect(channelFor(m)).toBe(contractChannelFor(m));
    }
  });
});
