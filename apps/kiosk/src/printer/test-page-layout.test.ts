import { describe, expect, it } from 'vitest';
import { layoutTestPage } from './test-page-layout.js';

describe('layoutTestPage', () => {
  it('prints the center, the Vietnamese test line and the local time, then cuts', () => {
    const commands = layoutTestPage({ centerName: 'Trung tâm thử nghiệm', at: '2026-11-23T01:15:00Z', timeZone: 'Asia/Ho_Chi_Minh' }, '80mm');
    const texts = commands.flatMap((c) => (c.kind === 'text' ? [c.text] : []));
    expect(texts).toEqual(['Trung tâm thử nghiệm', 'Kiểm tra máy in: ố ứ ự đ', 'Printer test', '23/11/2026 08:15']);
    expect(commands.at(-1)).toEqual({ kind: 'cut' });
  });
});
