import { replayClock, type ReplayStatus } from '../../session/replay.js';
import { textWidth, truncate } from '../text.js';

export const REPLAY_KEYS = 'space play/pause · +/- speed · g seek · n/p decision · ]/[ marker · / search · q quit';

/** What the replay prompt is collecting: `g 12:30` or `/text`. */
export type ReplayPrompt = { kind: 'seek' | 'search'; text: string } | null;

export function promptText(prompt: ReplayPrompt): string {
  if (!prompt) return '';
  return prompt.kind === 'seek' ? `g ${prompt.text}` : `/${prompt.text}`;
}

/**
 * The replay's own line under the candidate's screen: where we are, how fast,
 * which decision, and either what the last jump found or the keys.
 */
export function replayBar(status: ReplayStatus, prompt: ReplayPrompt, width: number): string {
  const state = status.playing ? `▶ ${status.speed}x` : `⏸ ${status.speed}x`;
  const left = ` REPLAY ${state}  ${replayClock(status.ms, status.endMs)}  decision ${status.decision}/${status.decisions}`;
  const right =
    prompt?.kind === 'seek'
      ? 'type a sim time (MM:SS) · enter go · esc cancel'
      : prompt?.kind === 'search'
        ? 'search commands and messages · enter find · esc cancel'
        : (status.message ?? REPLAY_KEYS);
  const room = width - 1 - textWidth(left) - 3;
  return room >= 12 ? `${left}  │ ${truncate(right, room)}` : truncate(left, width - 1);
}
