import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendar } from '../../src/output/ics.js';

const now = new Date('2026-03-02T09:00:00Z');
const parsed = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');

describe('calendar (ics)', () => {
  it('reminds 30 minutes before a timed appointment, which blocks its hour', () => {
    const [e] = parsed(
      calendar(
        'x',
        [{ uid: 'a@dealer', day: '2026-03-05', time: '14:30', alarm: -30, summary: 'Test drive', description: '' }],
        now,
      ),
    );
    expect(String(e!.getFirstPropertyValue('dtstart'))).toBe('2026-03-05T14:30:00');
    expect(String(e!.getFirstPropertyValue('transp'))).toBe('OPAQUE');
    const alarm = e!.getFirstSubcomponent('valarm')!;
    expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT30M');
    expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm.getFirstPropertyValue('description')).toBe('Test drive');
  });

  it('writes a cancelled event with its day and no reminder', () => {
    const [e] = parsed(
      calendar(
        'x',
        [{ uid: 'b@dealer', day: '2026-03-05', alarm: 540, cancelled: true, summary: 'gone', description: '' }],
        now,
      ),
    );
    expect(e!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(e!.getFirstPropertyValue('dtstart'))).toBe('2026-03-05');
    expect(e!.getAllSubcomponents('valarm')).toEqual([]);
  });
});
