import {
  PERIOD_KINDS,
  type PeriodKind,
  kindOf,
  periodAt,
  periodBounds,
  periodLabel,
  shiftPeriod,
} from '../periods.js';
import type { Route } from '../route.js';
import { AsOfControl } from './as-of-control.js';

/** The period picker (kind, previous, next) and the as-of control: every view follows them. */
export const Toolbar = ({ route, go }: { route: Route; go: (change: Partial<Route>) => void }) => {
  const kind = kindOf(route.period);
  // Another kind of period around the one shown: the one holding T if this period does, else its first day.
  const t = route.asOf ? new Date(route.asOf) : new Date();
  const { start, end } = periodBounds(route.period);
  const reference = t >= new Date(start) && t < new Date(end) ? t : new Date(start);
  return (
    <div class="toolbar" role="region" aria-label="Period and time">
      <label>
        Period{' '}
        <select
          value={kind}
          onChange={(e) => go({ period: periodAt(e.currentTarget.value as PeriodKind, reference) })}
        >
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {k[0].toUpperCase() + k.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => go({ period: shiftPeriod(route.period, -1) })}
        disabled={shiftPeriod(route.period, -1) === route.period}
        aria-label="Previous period"
      >
        ◀
      </button>
      <output class="period" aria-live="polite" data-testid="period">
        {route.period} <span class="muted">{periodLabel(route.period)}</span>
      </output>
      <button
        type="button"
        onClick={() => go({ period: shiftPeriod(route.period, 1) })}
        disabled={shiftPeriod(route.period, 1) === route.period}
        aria-label="Next period"
      >
        ▶
      </button>
      <AsOfControl asOf={route.asOf} onChange={(asOf) => go({ asOf })} />
    </div>
  );
};
