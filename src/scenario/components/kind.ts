import type { Degradation } from './schema.js';

/**
 * What a kind of component generates, as plain specs that expand.ts turns into
 * scenario entries. A series has a role; a degradation moves the series whose
 * role its aspect touches (degrade.ts), so a kind never says how an incident looks.
 */
export type Role =
  /** Throughput: scaled by rateX, zero on drop. */
  | 'rate'
  /** Throughput arriving from elsewhere (a queue's publishers): scaled by rateX, kept on drop. */
  | 'inflow'
  /** Throughput the component itself does (a queue's consumers): zero on drop. */
  | 'outflow'
  /** A percentage that fails: set by errors. */
  | 'errors'
  /** A latency: multiplied by latencyX. */
  | 'latency'
  /** A share of capacity in use: set by saturation. */
  | 'saturation'
  /** Work waiting (a queue's depth): grows on drop and on a surge, drains after. */
  | 'backlog'
  /** Ready replicas: fall with errors, zero on drop. */
  | 'ready'
  /** Container restarts: climb with errors and on drop. */
  | 'restarts'
  /** A hit ratio: falls with errors, zero on drop (every lookup misses). */
  | 'hits';

export interface SeriesSpec {
  /** The id's suffix: `checkout-api.p95`. */
  key: string;
  role: Role;
  label: string;
  unit: string;
  baseline: number;
  decimals?: number;
  noise?: number;
  noiseSec?: number;
  max?: number;
  threshold?: { above?: number; below?: number };
  /** On the overview (when the component is); the rest show when its panel is drilled into. */
  main?: boolean;
  labels?: Record<string, string>;
  /** An HTTP route this series belongs to: it degrades only when its route does. */
  route?: string;
  /** Saturation: the value at full capacity (default 100, a percentage). Backlog: what ten minutes without draining adds. */
  capacity?: number;
}

export interface AlertSpec {
  /** The id's suffix: `checkout-api.errors-high`. */
  key: string;
  /** Appended to the component's name in PascalCase: `CheckoutApi` + `HighErrorRate`. */
  name: string;
  /** The key of the series it watches. */
  series: string;
  above?: number;
  below?: number;
  forSec?: number;
  severity?: 'critical' | 'warning' | 'info';
  summary: string;
}

/** A log line's shape without its id, service and condition (expand.ts adds them). */
export interface LineSpec {
  rate: number;
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** What a degradation's lines know: its reason (when it gives one) and, for HTTP, the routes that fail. */
export interface FaultContext {
  reason: string | undefined;
  routes: readonly string[];
  degradation: Degradation;
}

export interface KindTelemetry<C> {
  /** Words for the kind in messages ("an HTTP service"). */
  noun: string;
  series(c: C): SeriesSpec[];
  alerts(c: C): AlertSpec[];
  lines: {
    /** The line written while the component works (stops on drop). */
    normal?(c: C): LineSpec;
    /** Written while errors hold. */
    errors?(c: C, f: FaultContext): LineSpec;
    /** Written while latencyX holds. */
    slow?(c: C, f: FaultContext): LineSpec;
    /** Written while drop holds. */
    down?(c: C, f: FaultContext): LineSpec;
  };
}

/** The component's display name. */
export const nameOf = (c: { id: string; name?: string | undefined }) => c.name ?? c.id;

/** Two decimals at most: generated numbers read like hand-written ones. */
export const round = (n: number, places = 2) => Number(n.toFixed(places));

/** A number of decimals that shows a value of this size sensibly. */
export const decimalsFor = (n: number) => (n >= 10 ? 0 : n >= 1 ? 1 : 2);

/** The alert threshold for an error ratio: well clear of the baseline and its noise. */
export const errorThreshold = (baselinePct: number) => Math.max(5, round(baselinePct * 10, 1));
