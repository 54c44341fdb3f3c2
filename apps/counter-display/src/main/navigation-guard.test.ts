import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, originOf } from './navigation-guard.js';

const allowed = ['http://10.0.0.2:8080', 'layso://app'];

describe('navigation guard', () => {
  it('compares scheme and host, custom schemes included', () => {
    expect(originOf('layso://app/counter/settings')).toBe('layso://app');
    expect(isAllowedNavigation('http://10.0.0.2:8080/board?area=tang-3', allowed)).toBe(true);
    expect(isAllowedNavigation('http://10.0.0.2:9999/board', allowed)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', allowed)).toBe(false);
    expect(isAllowedNavigation('not a url', allowed)).toBe(false);
  });
});
