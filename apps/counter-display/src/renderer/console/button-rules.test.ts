import { describe, expect, it } from 'vitest';
import { actionLabel, buttonStates, type ConsoleSituation } from './button-rules.js';

const serving: ConsoleSituation = { loaded: true, online: true, inFlight: false, paused: false, serving: true, canTransfer: true };

function enabledActions(situation: ConsoleSituation): string[] {
  return Object.entries(buttonStates(situation))
    .filter(([, state]) => state.enabled)
    .map(([action]) => action);
}

describe('buttonStates', () => {
  it('enables everything while a ticket is being served', () => {
    expect(enabledActions(serving)).toEqual(['next', 'recall', 'skip', 'done', 'transfer', 'pause']);
  });

  it('disables recall, no-show, done and transfer when nothing is served, with the reason', () => {
    const states = buttonStates({ ...serving, serving: false });
    expect(enabledActions({ ...serving, serving: false })).toEqual(['next', 'pause']);
    for (const action of ['recall', 'skip', 'done', 'transfer'] as const) {
      expect(states[action]).toEqual({ enabled: false, reason: 'Chưa có số đang phục vụ' });
    }
  });

  it('disables next while paused: "Quầy đang tạm nghỉ"; resume stays available', () => {
    const states = buttonStates({ ...serving, serving: false, paused: true });
    expect(states.next).toEqual({ enabled: false, reason: 'Quầy đang tạm nghỉ' });
    expect(states.pause.enabled).toBe(true);
  });

  it('disables every button while a command is in flight, so a double press calls one ticket', () => {
    const states = buttonStates({ ...serving, inFlight: true });
    expect(Object.values(states).every((s) => !s.enabled && s.reason === 'Đang xử lý…')).toBe(true);
  });

  it('disables every button while offline or before the queue is loaded', () => {
    expect(Object.values(buttonStates({ ...serving, online: false })).map((s) => s.reason)).toEqual(Array(6).fill('Mất kết nối'));
    expect(Object.values(buttonStates({ ...serving, loaded: false })).every((s) => s.reason === 'Đang tải…')).toBe(true);
  });

  it('disables transfer when the center has no other service', () => {
    expect(buttonStates({ ...serving, canTransfer: false }).transfer).toEqual({ enabled: false, reason: 'Không có lĩnh vực khác để chuyển' });
  });
});

describe('actionLabel', () => {
  it('uses the glossary words and turns pause into resume while paused', () => {
    expect(actionLabel('next', false)).toBe('Gọi số tiếp');
    expect(actionLabel('skip', false)).toBe('Vắng mặt');
    expect(actionLabel('pause', false)).toBe('Tạm nghỉ');
    expect(actionLabel('pause', true)).toBe('Tiếp tục');
  });
});
