import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/domain/clock.ts';
import { sessionTokens } from '../../src/http/sessions.ts';

describe('platform session tokens', () => {
  const clock = fakeClock(new Date('2026-11-23T09:00:00+08:00'));
  const sessions = sessionTokens('key-1', clock, 3600);
  const token = sessions.issue('350583199503081221');

  it('name the citizen until they expire', () => {
    expect(sessions.verify(token)).toBe('350583199503081221');
    const later = sessionTokens('key-1', fakeClock(new Date('2026-11-23T10:00:01+08:00')), 3600);
    expect(later.verify(token)).toBeNull();
  });

  it('are refused when signed with another key, edited, or malformed', () => {
    expect(sessionTokens('key-2', clock).verify(token)).toBeNull();
    const [v, payload, mac] = token.split('.');
    const edited = Buffer.from(JSON.stringify({ id: '11010519491231002X', exp: 9_999_999_999 })).toString(
      'base64url',
    );
    expect(sessions.verify(`${v}.${edited}.${mac}`)).toBeNull();
    expect(sessions.verify(`${v}.${payload}`)).toBeNull();
    expect(sessions.verify('dev:350583199503081221')).toBeNull();
    expect(sessions.verify(`s1.${Buffer.from('not json').toString('base64url')}.x`)).toBeNull();
  });
});
