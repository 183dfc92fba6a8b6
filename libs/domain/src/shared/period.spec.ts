import { isCalendarDate, isoWeeksInYear, parsePeriod, periodOf, toUtcInstant } from './period.js';

describe('parsePeriod', () => {
  describe('ISO weeks', () => {
    it('2026-W01 starts on Monday 29 December 2025 (the week holding 1 January, a Thursday)', () => {
      expect(parsePeriod('2026-W01')).toEqual({
        kind: 'week',
        text: '2026-W01',
        start: '2025-12-29T00:00:00.000Z',
        end: '2026-01-05T00:00:00.000Z',
      });
    });

    it('2024-W01 starts on 1 January 2024, itself a Monday', () => {
      expect(parsePeriod('2024-W01')).toEqual({
        kind: 'week',
        text: '2024-W01',
        start: '2024-01-01T00:00:00.000Z',
        end: '2024-01-08T00:00:00.000Z',
      });
    });

    it('2021-W01 starts on 4 January 2021: 1–3 January belong to 2020-W53', () => {
      expect(parsePeriod('2021-W01')).toMatchObject({
        start: '2021-01-04T00:00:00.000Z',
        end: '2021-01-11T00:00:00.000Z',
      });
    });

    it('2020-W53 exists (a leap year starting on Wednesday) and runs into 2021', () => {
      expect(parsePeriod('2020-W53')).toEqual({
        kind: 'week',
        text: '2020-W53',
        start: '2020-12-28T00:00:00.000Z',
        end: '2021-01-04T00:00:00.000Z',
      });
    });

    it('2015-W53 and 2026-W53 exist (years starting on Thursday)', () => {
      expect(parsePeriod('2015-W53')).toMatchObject({ start: '2015-12-28T00:00:00.000Z' });
      expect(parsePeriod('2026-W53')).toMatchObject({
        start: '2026-12-28T00:00:00.000Z',
        end: '2027-01-04T00:00:00.000Z',
      });
    });

    it('week 53 of a 52-week year is refused', () => {
      expect(parsePeriod('2021-W53')).toBeNull();
      expect(parsePeriod('2025-W53')).toBeNull();
      expect(parsePeriod('2027-W53')).toBeNull();
    });

    it('2025-W52 is the last week of 2025, ending where 2026-W01 starts', () => {
      expect(parsePeriod('2025-W52')).toMatchObject({
        start: '2025-12-22T00:00:00.000Z',
        end: '2025-12-29T00:00:00.000Z',
      });
    });

    it('week 00, week 54 and unpadded weeks are refused', () => {
      expect(parsePeriod('2026-W00')).toBeNull();
      expect(parsePeriod('2026-W54')).toBeNull();
      expect(parsePeriod('2026-W1')).toBeNull();
      expect(parsePeriod('2026-w01')).toBeNull();
      expect(parsePeriod('2026W01')).toBeNull();
    });

    it('knows which years have 53 weeks', () => {
      expect([2015, 2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
      expect([2019, 2021, 2024, 2025].map(isoWeeksInYear)).toEqual([52, 52, 52, 52]);
    });
  });

  describe('months', () => {
    it('2024-02 spans the leap day', () => {
      expect(parsePeriod('2024-02')).toEqual({
        kind: 'month',
        text: '2024-02',
        start: '2024-02-01T00:00:00.000Z',
        end: '2024-03-01T00:00:00.000Z',
      });
    });

    it('2026-12 ends at the start of 2027', () => {
      expect(parsePeriod('2026-12')).toEqual({
        kind: 'month',
        text: '2026-12',
        start: '2026-12-01T00:00:00.000Z',
        end: '2027-01-01T00:00:00.000Z',
      });
    });

    it('month 00, month 13 and unpadded months are refused', () => {
      expect(parsePeriod('2026-00')).toBeNull();
      expect(parsePeriod('2026-13')).toBeNull();
      expect(parsePeriod('2026-3')).toBeNull();
    });
  });

  describe('quarters', () => {
    it('2026-Q1 is January to March', () => {
      expect(parsePeriod('2026-Q1')).toEqual({
        kind: 'quarter',
        text: '2026-Q1',
        start: '2026-01-01T00:00:00.000Z',
        end: '2026-04-01T00:00:00.000Z',
      });
    });

    it('2026-Q2 and 2026-Q3 follow on', () => {
      expect(parsePeriod('2026-Q2')).toMatchObject({
        start: '2026-04-01T00:00:00.000Z',
        end: '2026-07-01T00:00:00.000Z',
      });
      expect(parsePeriod('2026-Q3')).toMatchObject({
        start: '2026-07-01T00:00:00.000Z',
        end: '2026-10-01T00:00:00.000Z',
      });
    });

    it('2026-Q4 ends at the start of 2027', () => {
      expect(parsePeriod('2026-Q4')).toEqual({
        kind: 'quarter',
        text: '2026-Q4',
        start: '2026-10-01T00:00:00.000Z',
        end: '2027-01-01T00:00:00.000Z',
      });
    });

    it('Q0, Q5 and lower-case q are refused', () => {
      expect(parsePeriod('2026-Q0')).toBeNull();
      expect(parsePeriod('2026-Q5')).toBeNull();
      expect(parsePeriod('2026-q1')).toBeNull();
    });
  });

  it('anything else is refused', () => {
    for (const text of [
      '',
      '2026',
      '26-01',
      '2026-01-15',
      ' 2026-01',
      '2026-01 ',
      '2026-Q1\n',
      'FY2026-Q1',
      'next week',
    ]) {
      expect(parsePeriod(text)).toBeNull();
    }
  });
});

describe('periodOf', () => {
  it('places instants in their ISO week, across the turn of the year', () => {
    expect(periodOf('week', '2025-12-28T23:59:59.999Z')).toBe('2025-W52');
    expect(periodOf('week', '2025-12-29T00:00:00.000Z')).toBe('2026-W01');
    expect(periodOf('week', '2026-01-01T09:00:00.000Z')).toBe('2026-W01');
    expect(periodOf('week', '2021-01-03T12:00:00.000Z')).toBe('2020-W53');
    expect(periodOf('week', '2021-01-04T00:00:00.000Z')).toBe('2021-W01');
    expect(periodOf('week', '2027-01-03T23:00:00.000Z')).toBe('2026-W53');
    expect(periodOf('week', '2026-03-11T15:45:00.000Z')).toBe('2026-W11');
  });

  it('uses UTC, not the offset the instant was written in', () => {
    // 00:30 on Monday in Berlin is still Sunday 23:30 UTC.
    expect(periodOf('week', '2026-01-05T00:30:00+01:00')).toBe('2026-W01');
    expect(periodOf('month', '2026-04-01T00:30:00+02:00')).toBe('2026-03');
    expect(periodOf('quarter', '2026-06-30T22:30:00-02:00')).toBe('2026-Q3');
  });

  it('places instants in their month and quarter', () => {
    expect(periodOf('month', '2026-03-31T23:59:59.999Z')).toBe('2026-03');
    expect(periodOf('month', '2024-02-29T12:00:00Z')).toBe('2024-02');
    expect(periodOf('quarter', '2026-06-30T23:59:59.999Z')).toBe('2026-Q2');
    expect(periodOf('quarter', '2026-07-01T00:00:00.000Z')).toBe('2026-Q3');
    expect(periodOf('quarter', '2026-12-31T23:59:59.999Z')).toBe('2026-Q4');
  });

  it('refuses something that is not an instant', () => {
    expect(() => periodOf('month', 'yesterday')).toThrow(RangeError);
  });

  it.each(['2020-W53', '2026-W01', '2026-W53', '2024-02', '2026-12', '2026-Q1', '2026-Q4'])(
    'round trip: the first and last millisecond of %s lie in it',
    (text) => {
      const parsed = parsePeriod(text);
      if (parsed === null) throw new Error(`${text} should parse`);
      const lastMs = new Date(Date.parse(parsed.end) - 1).toISOString();
      expect(periodOf(parsed.kind, parsed.start)).toBe(text);
      expect(periodOf(parsed.kind, lastMs)).toBe(text);
      expect(periodOf(parsed.kind, parsed.end)).not.toBe(text);
    },
  );

  it('round trip: every day from 2000 to 2040 lies inside the week, month and quarter it is placed in', () => {
    const dayMs = 24 * 60 * 60 * 1000;
    for (let at = Date.parse('2000-01-01T12:00:00Z'); at < Date.parse('2041-01-01T00:00:00Z'); at += dayMs) {
      const instant = new Date(at).toISOString();
      for (const kind of ['week', 'month', 'quarter'] as const) {
        const parsed = parsePeriod(periodOf(kind, instant));
        expect(parsed).not.toBeNull();
        if (parsed === null) continue;
        expect(parsed.kind).toBe(kind);
        if (!(Date.parse(parsed.start) <= at && at < Date.parse(parsed.end))) {
          throw new Error(`${instant} is not inside ${parsed.text}`);
        }
      }
    }
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2026-03-31')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  it('refuses days that do not exist and other spellings', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-4-1')).toBe(false);
    expect(isCalendarDate('2026-03-31T00:00:00Z')).toBe(false);
  });
});

describe('toUtcInstant', () => {
  it('normalises an instant with an offset to UTC', () => {
    expect(toUtcInstant('2026-03-02T10:30:00+01:00')).toBe('2026-03-02T09:30:00.000Z');
    expect(toUtcInstant('2026-03-02T10:30Z')).toBe('2026-03-02T10:30:00.000Z');
    expect(toUtcInstant('2026-03-02T10:30:15.250Z')).toBe('2026-03-02T10:30:15.250Z');
  });

  it('refuses dates without a time or zone, impossible dates and prose', () => {
    expect(toUtcInstant('2026-03-02')).toBeNull();
    expect(toUtcInstant('2026-03-02T10:30:00')).toBeNull();
    expect(toUtcInstant('2026-02-30T10:00:00Z')).toBeNull();
    expect(toUtcInstant('2026-03-02T24:00:00Z')).toBeNull();
    expect(toUtcInstant('March 2, 2026')).toBeNull();
  });
});
