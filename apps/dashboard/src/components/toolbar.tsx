import { PERIOD_KINDS, type PeriodKind, kindOf, periodAt, periodLabel, shiftPeriod } from '../periods.js';
import type { Route } from '../route.js';
import { AsOfControl } from './as-of-control.js';

/** The period picker (kind, previous, next) and the as-of control: every view follows them. */
export const Toolbar = ({ route, go }: { route: Route; go: (change: Partial<Route>) => void }) => {
  const kind = kindOf(route.period);
  const reference = route.asOf ? new Date(route.asOf) : new Date();
  return (
    <div class="toolbar" role="group" aria-label="Period and time">
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
        aria-label="Next period"
      >
        ▶
      </button>
      <AsOfControl asOf={route.asOf} onChange={(asOf) => go({ asOf })} />
    </div>
  );
};
