import * as z from 'zod';

/**
 * Events are the only input to the world: every IC command, examiner
 * injection, clock change and quit. They are stored before they take effect.
 */
/** What an examiner may recommend, strongest first. */
export const RECOMMENDATIONS = ['strong-hire', 'hire', 'no-hire', 'strong-no-hire'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const ActorSchema = z.enum(['ic', 'examiner', 'system']);

export const EventBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    postmortemMin: z.number().positive().optional(),
    /**
     * How delegated changes are confirmed: `confirm` waits for the IC's `go`, `auto` confirms each
     * read-back at once (a script that never says `go`). Absent: a recording made before read-backs,
     * replayed with the request matcher of its time.
     */
    delegation: z.enum(['confirm', 'auto']).optional(),
    /**
     * The solo coach speaks (src/sim/coach.ts). Its nudges are not events of their own: they are
     * derived from the world at each sim second, like a page, so this flag is their one source of
     * truth and a replay says the same lines at the same times. Absent: no coach (older recordings,
     * interviews, hard difficulty, --no-coach).
     */
    coach: z.boolean().optional(),
    /**
     * The world keeps its signals consistent with each other: impact counts from onset and not
     * while mitigated, a delayed change's reply is chosen when it lands, the IC's own output is in
     * no absent responder's voice, and some harm never shows as none. Absent: a recording made
     * before these rules, replayed as it was played.
     */
    consistent: z.boolean().optional(),
    /**
     * `queued`: an `ask` to someone paged but not joined yet waits for them to join, and they take it
     * then. Absent: a recording made before that, where such an ask was refused; replayed as it was.
     */
    asks: z.enum(['queued']).optional(),
    /**
     * `engine`: a request the engine's change verbs (with the scenario's `changeVerbs`) read as a change
     * never runs a diagnostic, not even typed after `run`. Absent: a recording made before that, where
     * only the scenario's patterns kept checks from change commands; replayed as it was.
     */
    verbs: z.enum(['engine']).optional(),
  }),
  z.object({ type: z.literal('command'), text: z.string() }),
  z.object({ type: z.literal('speed'), speed: z.number().positive() }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  // `persona`: who of the scenario speaks (shown under their name); absent in recordings made before personas.
  z.object({ type: z.literal('inject'), kind: z.enum(['message', 'page', 'executive', 'hint']), from: z.string().default('examiner'), channel: z.enum(['page', 'chat', 'stakeholder']).default('chat'), text: z.string().default(''), persona: z.string().max(40).optional(), curveball: z.string().max(80).optional() }),
  // An examiner's note, pinned where it was written; it may name a rubric item and an earlier moment of the recording.
  z.object({ type: z.literal('annotate'), text: z.string(), item: z.string().max(80).optional(), atMs: z.number().nonnegative().optional() }),
  // The examiner's scorecard (examiner-only, like notes): a competency's score set by the examiner, and a recommendation.
  z.object({ type: z.literal('rate'), competency: z.string().max(40), score: z.number().nonnegative() }),
  z.object({ type: z.literal('recommend'), verdict: z.enum(RECOMMENDATIONS), text: z.string().default('') }),
  // The examiner releases the debrief (score, notes, what broke) to the candidate.
  z.object({ type: z.literal('release') }),
  z.object({ type: z.literal('extend'), minutes: z.number().positive() }),
  // The examiner lets an interview candidate pause and change speed (clock: true), or takes that back.
  z.object({ type: z.literal('grant'), clock: z.boolean() }),
  z.object({ type: z.literal('quit') }),
]);
export type EventBody = z.infer<typeof EventBody>;

export interface SimEvent {
  simMs: number;
  actor: z.infer<typeof ActorSchema>;
  body: EventBody;
}
