import { render, useApp, useInput } from 'ink';
import { useCallback } from 'react';
import { ScenarioPicker, type PickerItem } from './ScenarioPicker.js';

function PickerApp({ items, done }: { items: PickerItem[]; done: (id: string | null) => void }) {
  const { exit } = useApp();
  const pick = useCallback(
    (id: string | null) => {
      done(id);
      exit();
    },
    [done, exit],
  );
  useInput(
    useCallback(
      (input: string, key: { escape: boolean; ctrl: boolean }) => {
        if (key.escape || input === 'q' || (key.ctrl && input === 'c')) pick(null);
      },
      [pick],
    ),
  );
  return <ScenarioPicker items={items} onPick={pick} />;
}

/** Shows the picker and resolves with the chosen scenario id (null: the user left). */
export async function runPicker(items: PickerItem[], _opts: { color: boolean }): Promise<string | null> {
  let chosen: string | null = null;
  const app = render(<PickerApp items={items} done={(id) => (chosen = id)} />, { exitOnCtrlC: false, patchConsole: false });
  await app.waitUntilExit();
  app.clear();
  return chosen;
}
