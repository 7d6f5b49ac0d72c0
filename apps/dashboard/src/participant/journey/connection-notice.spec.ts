import { describe, expect, it } from 'vitest';
import { nextConnectionNotice } from './connection-notice';

describe('nextConnectionNotice', () => {
  it('says nothing while all is well', () => {
    expect(nextConnectionNotice(null, true, 'idle')).toBeNull();
    expect(nextConnectionNotice(null, true, 'waiting')).toBeNull();
    expect(nextConnectionNotice(null, true, 'saving')).toBeNull();
    expect(nextConnectionNotice(null, true, 'saved')).toBeNull();
  });

  it('says "offline" when the browser is offline or a save did not get through', () => {
    expect(nextConnectionNotice(null, false, 'saved')).toBe('offline');
    expect(nextConnectionNotice(null, true, 'offline')).toBe('offline');
    expect(nextConnectionNotice('back', false, 'idle')).toBe('offline');
  });

  it('says "failed" for a server error', () => {
    expect(nextConnectionNotice(null, true, 'failed')).toBe('failed');
  });

  it('keeps the notice until the kept answers are through, then says they are saved again', () => {
    expect(nextConnectionNotice('offline', true, 'offline')).toBe('offline');
    expect(nextConnectionNotice('offline', true, 'saving')).toBe('offline');
    expect(nextConnectionNotice('offline', true, 'saved')).toBe('back');
    expect(nextConnectionNotice('failed', true, 'saved')).toBe('back');
    expect(nextConnectionNotice('back', true, 'saving')).toBe('back');
  });

  it('clears the notice when the connection returns with nothing waiting', () => {
    expect(nextConnectionNotice('offline', true, 'idle')).toBeNull();
  });
});
