import { describe, expect, it } from 'vitest';
import { pairedDestination } from './paired-destination.js';

describe('pairedDestination', () => {
  it('opens the screen and counter the admin chose', () => {
    expect(pairedDestination({ screen: 'counter', counter: 86 })).toBe('/counter?counter=86');
    expect(pairedDestination({ screen: 'door', counter: 12 })).toBe('/door?counter=12');
    expect(pairedDestination({ screen: 'board', counter: null })).toBe('/board');
  });
});
