/** Number formatting shared by the header, dashboard and report. */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${(n / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e4) return `${Math.round(n / 1e3)}k`;
  return Math.round(n).toLocaleString('en-US');
}

export function withUnit(value: number, decimals: number, unit: string): string {
  const v = value.toFixed(decimals);
  if (unit === '' ) return v;
  if (unit === '%') return `${v}%`;
  if (unit === '$') return `$${compact(value)}`;
  return `${v} ${unit}`;
}

export function impactFigure(value: number, label: string, unit: string): string {
  return unit === '$' ? `$${compact(value)} ${label}` : `${compact(value)} ${label}`;
}
