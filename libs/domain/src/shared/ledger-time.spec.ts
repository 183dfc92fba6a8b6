import { isLedgerTime, isLedgerYear } from './ledger-time.js';
import { isCalendarDate, parsePeriod, toUtcInstant } from './period.js';

describe('the ledger’s span of time: 1970-01-01 to 2199-12-31, UTC', () => {
  it('knows its years and its milliseconds', () => {
    expect([1970, 2026, 2199].map(isLedgerYear)).toEqual([true, true, true]);
    expect([0, 1969, 2200, 9999, 1970.5, Number.NaN].map(isLedgerYear)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isLedgerTime(Date.parse('1970-01-01T00:00:00Z'))).toBe(true);
    expect(isLedgerTime(Date.parse('2199-12-31T23:59:59.999Z'))).toBe(true);
    expect(isLedgerTime(Date.parse('1969-12-31T23:59:59.999Z'))).toBe(false);
    expect(isLedgerTime(Date.parse('2200-01-01T00:00:00Z'))).toBe(false);
    expect(isLedgerTime(Number.NaN)).toBe(false);
  });

  it('periods of other years do not parse, the ones at its edges do', () => {
    for (const text of [
      '9999-Q4',
      '0000-W01',
      '0000-01',
      '9999-12',
      '9999-W52',
      '1969-12',
      '2200-Q1',
      '10000-01',
    ]) {
      expect(parsePeriod(text)).toBeNull();
    }
    expect(parsePeriod('1970-W01')).toMatchObject({ start: '1969-12-29T00:00:00.000Z' });
    expect(parsePeriod('2199-Q4')).toMatchObject({ end: '2200-01-01T00:00:00.000Z' });
  });

  it('dates of other years are not calendar dates of the ledger', () => {
    expect(['9999-12-31', '0000-01-01', '1969-12-31', '2200-01-01'].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(['1970-01-01', '2199-12-31'].map(isCalendarDate)).toEqual([true, true]);
  });

  it('instants are within it once in UTC', () => {
    expect(toUtcInstant('1970-01-01T00:30:00+01:00')).toBeNull();
    expect(toUtcInstant('2199-12-31T23:30:00-01:00')).toBeNull();
    expect(toUtcInstant('1970-01-01T00:30:00-01:00')).toBe('1970-01-01T01:30:00.000Z');
    expect(toUtcInstant('2199-12-31T23:59:59.999Z')).toBe('2199-12-31T23:59:59.999Z');
  });
});
