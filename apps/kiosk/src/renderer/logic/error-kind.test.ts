import { describe, expect, it } from 'vitest';
import { HubApiError } from '@layso/ui';
import { text } from '../i18n/kiosk-strings.js';
import { canRetry, errorKindOf, messageKeyOf } from './error-kind.js';

const hubError = (code: ConstructorParameters<typeof HubApiError>[0], message = 'x') => new HubApiError(code, 409, message);

describe('errorKindOf', () => {
  it.each([
    ['NETWORK', 'offline'],
    ['BUSY', 'offline'],
    ['QUEUE_FULL', 'queue-full'],
    ['CLOSED', 'closed'],
    ['SERVICE_PAUSED', 'service-paused'],
    ['UNAUTHENTICATED', 'not-provisioned'],
    ['FORBIDDEN', 'not-provisioned'],
    ['RATE_LIMITED', 'rate-limited'],
    ['STORAGE_FULL', 'storage-full'],
    ['VALIDATION', 'unexpected'],
    ['INTERNAL', 'unexpected'],
  ] as const)('maps %s on issue to %s', (code, kind) => {
    expect(errorKindOf(hubError(code), 'issue')).toBe(kind);
  });

  it('tells a missing check-in endpoint from an unknown booking', () => {
    expect(errorKindOf(hubError('NOT_FOUND', 'no such endpoint: POST /api/tickets/checkin'), 'checkin')).toBe('checkin-unavailable');
    expect(errorKindOf(hubError('NOT_FOUND', 'no booking 86001 today'), 'checkin')).toBe('checkin-not-found');
    expect(errorKindOf(hubError('CONFLICT'), 'checkin')).toBe('checkin-conflict');
    expect(errorKindOf(hubError('VALIDATION'), 'checkin')).toBe('checkin-invalid');
  });

  it('treats anything that is not a hub error as unexpected', () => {
    expect(errorKindOf(new TypeError('boom'), 'issue')).toBe('unexpected');
  });
});

describe('messages', () => {
  it('uses the GLOSSARY wording for the hub, queue and hours failures', () => {
    expect(text('vi', messageKeyOf('offline'))).toBe('Hệ thống tạm ngưng, vui lòng chờ trong giây lát');
    expect(text('vi', messageKeyOf('queue-full'))).toBe('Đã hết số thứ tự trong ngày');
    expect(text('vi', messageKeyOf('closed'))).toBe('Ngoài giờ làm việc');
    expect(text('en', messageKeyOf('queue-full'))).toBe('No more numbers today');
    expect(text('vi', messageKeyOf('service-paused'))).toMatch(/^Lĩnh vực này đang tạm dừng lấy số/);
  });

  it('a full disk on the hub: the citizen is told no number was issued and to see the staff', () => {
    expect(text('vi', messageKeyOf(errorKindOf(hubError('STORAGE_FULL'), 'issue')))).toBe('Chưa cấp được số thứ tự: máy chủ hết dung lượng lưu trữ. Vui lòng liên hệ cán bộ hướng dẫn.');
    expect(text('en', messageKeyOf('storage-full'))).toBe('No number was issued: the server\'s storage is full. Please ask the staff.');
    expect(errorKindOf(hubError('STORAGE_FULL'), 'checkin')).toBe('storage-full');
  });

  it('asks the citizen to see the staff when check-in is not available', () => {
    expect(text('vi', messageKeyOf('checkin-unavailable'))).toMatch(/liên hệ cán bộ/);
  });

  it('offers a retry only when the hub may not have seen the request', () => {
    expect(canRetry('offline')).toBe(true);
    expect(canRetry('queue-full')).toBe(false);
    expect(canRetry('closed')).toBe(false);
  });
});
