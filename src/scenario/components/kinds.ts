import * as z from 'zod';
import { cache, CacheComponent } from './cache.js';
import { collector, CollectorComponent } from './collector.js';
import { database, DatabaseComponent } from './database.js';
import { dns, DnsComponent } from './dns.js';
import { http, HttpComponent } from './http.js';
import type { KindTelemetry } from './kind.js';
import { kubernetes, KubernetesComponent } from './kubernetes.js';
import { queue, QueueComponent } from './queue.js';

/** A component as written: one of the kinds, told apart by `kind`. */
export const Component = z.discriminatedUnion('kind', [HttpComponent, DatabaseComponent, QueueComponent, DnsComponent, CacheComponent, KubernetesComponent, CollectorComponent]);
export type Component = z.infer<typeof Component>;

type ByKind = { [K in Component['kind']]: KindTelemetry<Extract<Component, { kind: K }>> };
const KINDS: ByKind = { http, database, queue, dns, cache, kubernetes, collector };

/** What a component's kind generates. */
export function telemetryOf<C extends Component>(c: C): KindTelemetry<C> {
  return KINDS[c.kind] as unknown as KindTelemetry<C>;
}
