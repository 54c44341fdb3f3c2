import { describe, expect, it } from 'vitest';
import { boardNotice, boardVoiceSettings } from './voice-settings.js';

describe('board voice settings', () => {
  it('follows the center defaults when the board has no volume of its own', () => {
    expect(boardVoiceSettings({ volume: 1 }, { volume: 60, repeat: 2 })).toEqual({ volume: 0.6, repeat: 2 });
  });

  it('keeps the board\'s own volume, still repeating as the center says', () => {
    expect(boardVoiceSettings({ volume: 0.3 }, { volume: 60, repeat: 3 })).toEqual({ volume: 0.3, repeat: 3 });
  });

  it('uses full volume, once, from a hub that sends no defaults', () => {
    expect(boardVoiceSettings({ volume: 1 }, undefined)).toEqual({ volume: 1, repeat: 1 });
  });
});

describe('board notice', () => {
  it('shows the board\'s own notice, else the center\'s, else none', () => {
    expect(boardNotice({ notice: 'Tầng 3' }, { boardNotice: 'Chung' })).toBe('Tầng 3');
    expect(boardNotice({ notice: null }, { boardNotice: 'Chung' })).toBe('Chung');
    expect(boardNotice({ notice: null }, {})).toBeNull();
  });
});
