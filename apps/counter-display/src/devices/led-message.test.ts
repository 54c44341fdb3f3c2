import { describe, expect, it } from 'vitest';
import { toLedMessage } from './led-message.js';

describe('toLedMessage', () => {
  it('shows the current ticket', () => {
    expect(toLedMessage({ current: '86001' })).toEqual({ kind: 'ticket', text: '86001' });
  });

  it('shows the idle text when nobody is being served', () => {
    expect(toLedMessage({ current: null })).toEqual({ kind: 'idle', text: '----' });
    expect(toLedMessage({ current: null }, { idle: '', paused: 'P' })).toEqual({ kind: 'idle', text: '' });
  });

  it('shows the paused text even when a ticket is current', () => {
    expect(toLedMessage({ current: '86001', paused: true })).toEqual({ kind: 'paused', text: 'PAUSE' });
    expect(toLedMessage({ current: null, paused: true }, { idle: '', paused: 'NGHI' })).toEqual({
      kind: 'paused',
      text: 'NGHI',
    });
  });
});
