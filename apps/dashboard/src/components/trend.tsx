import uPlot from 'uplot';
import { useEffect, useRef } from 'preact/hooks';

/**
 * A sparkline of one figure over the last periods (uPlot draws it on a canvas);
 * the values are also said in words for screen readers.
 */
export const Trend = ({
  label,
  values,
  periods,
}: {
  label: string;
  values: (number | null)[];
  periods: string[];
}) => {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const plot = new uPlot(
      {
        width: 170,
        height: 44,
        cursor: { show: false },
        legend: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        axes: [{ show: false }, { show: false }],
        scales: { x: { time: false } },
        series: [{}, { stroke: '#1f5fa8', width: 2, fill: 'rgba(31, 95, 168, 0.12)', points: { size: 4 } }],
      },
      [values.map((_, i) => i), values],
      element,
    );
    return () => plot.destroy();
  }, [values.join(',')]);
  const said = values.map(
    (value, i) => `${periods[i]} ${value === null ? 'none' : Number(value.toFixed(2))}`,
  );
  return <div ref={box} class="trend" role="img" aria-label={`${label}: ${said.join(', ')}`} />;
};
