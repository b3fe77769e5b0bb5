/** Number formatting shared by the header, dashboard, diagnostic outputs and report. */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${(n / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e4) return `${Math.round(n / 1e3)}k`;
  return groupThousands(Math.round(n));
}

/**
 * 1234 → "1,234", as toLocaleString('en-US') writes it. By hand because the
 * first toLocaleString loads ICU's number formatting (~18 ms), on the path
 * to the first frame.
 */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function withUnit(value: number, decimals: number, unit: string): string {
  const v = value.toFixed(decimals);
  if (unit === '' ) return v;
  if (unit === '%') return `${v}%`;
  if (unit === '$') return `$${compact(value)}`;
  return `${v} ${unit}`;
}

/**
 * An impact counter as the header and reports show it. Some harm is never
 * shown as none: 0.3 failed payments worth $7 reads "<1 failed payments",
 * not "0 failed payments" beside "$7 in failed payments".
 */
export function impactFigure(value: number, label: string, unit: string, someIsShown = true): string {
  const some = someIsShown && value > 0 && Math.round(value) === 0;
  if (unit === '$') return `${some ? '<$1' : `$${compact(value)}`} ${label}`;
  return `${some ? '<1' : compact(value)} ${label}`;
}
