// The layer rules of the design (DESIGN.md, "Layers and the one-way flow"),
// checked by test/architecture/layers.test.ts on every `npm test`:
//
//   cli (and host, the SSH front door cli starts) → ui → session → view?
//   session → store, sim, commands, scoring → scenario
//
// scenario and text (the terminal sanitiser) are floors every layer may use;
// signing (this installation's key, trusted keys, the signed head) is a floor
// under the store.
// view (the view model the screen renders) sits between session and ui: the
// session builds view models, ui renders them; view reads sim and scenario.
// Among sim, scoring and commands: commands is the command language (it
// knows nothing of the world), the sim applies commands, scoring reads the
// world the sim produced. And no cycles anywhere.
/** Everything under src/<layer>/, as a path pattern. */
const layer = (...names) => `^src/(${names.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules import each other one way: a cycle makes two modules one idea split in two files.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'scenario-imports-nothing-above',
      comment: 'scenario is the floor: the schema, loading, lint and the shared vocabulary; it imports nothing of ours but itself (and text).',
      severity: 'error',
      from: { path: layer('scenario') },
      to: { path: layer('cli', 'host', 'ui', 'session', 'view', 'store', 'sim', 'scoring', 'commands') },
    },
    {
      name: 'signing-imports-nothing-of-ours',
      comment: 'signing (keys and the signed chain head) sits under the store: it knows no store, session or screen.',
      severity: 'error',
      from: { path: layer('signing') },
      to: { path: layer('cli', 'host', 'ui', 'session', 'view', 'store', 'sim', 'scoring', 'commands', 'scenario', 'text') },
    },
    {
      name: 'text-imports-nothing-of-ours',
      comment: 'text (the terminal sanitiser) is a floor like scenario: every layer may use it, it uses none.',
      severity: 'error',
      from: { path: layer('text') },
      to: { path: layer('cli', 'host', 'ui', 'session', 'view', 'store', 'sim', 'scoring', 'commands', 'scenario') },
    },
    {
      name: 'commands-only-scenario',
      comment: 'The command language (parser, completion words, help) produces events; it knows no world, store or screen.',
      severity: 'error',
      from: { path: layer('commands') },
      to: { path: layer('cli', 'host', 'ui', 'session', 'view', 'store', 'sim', 'scoring') },
    },
    {
      name: 'sim-stays-pure',
      comment: 'The simulation never reaches up to the session, the store, the view model or the screen, nor into scoring.',
      severity: 'error',
      from: { path: layer('sim') },
      to: { path: layer('cli', 'host', 'ui', 'session', 'view', 'store', 'scoring') },
    },
    {
      name: 'scoring-stays-pure',
      comment: 'Scoring is a pure function of (scenario, events, world): no session, store, view model or screen.',
      severity: 'error',
      from: { path: layer('scoring') },
      to: { path: layer('cli', 'host', 'ui', 'session', 'view', 'store') },
    },
    {
      name: 'store-below-session',
      comment: 'The store keeps events and sessions; it knows nothing of the engine, the session or the screen.',
      severity: 'error',
      from: { path: layer('store') },
      to: { path: layer('cli', 'host', 'ui', 'session', 'view', 'sim', 'scoring', 'commands') },
    },
    {
      name: 'view-below-session',
      comment: 'The view model is built from the world; the session and the screen use it, not the other way round; it never touches the store.',
      severity: 'error',
      from: { path: layer('view') },
      to: { path: layer('cli', 'host', 'ui', 'session', 'store') },
    },
    {
      name: 'session-below-ui',
      comment: 'A running session is driven by the screen, the command line or the host, never the reverse.',
      severity: 'error',
      from: { path: layer('session') },
      to: { path: layer('cli', 'host', 'ui') },
    },
    {
      name: 'ui-reaches-the-database-through-session',
      comment: 'The screen renders view models and drives controllers; the database is the session\'s business.',
      severity: 'error',
      from: { path: layer('ui') },
      to: { path: layer('cli', 'host', 'store') },
    },
    {
      name: 'text-is-a-leaf',
      comment: 'src/text (the terminal sanitiser, cell widths) is for every layer to use, so it imports none of them.',
      severity: 'error',
      from: { path: layer('text') },
      to: { path: layer('cli', 'host', 'ui', 'session', 'view', 'store', 'sim', 'scoring', 'commands', 'scenario') },
    },
    {
      name: 'host-below-cli',
      comment: 'The SSH host is started by the command line; it never imports it.',
      severity: 'error',
      from: { path: layer('host') },
      to: { path: layer('cli') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    // Type-only imports count: a type from a layer above is still an upward dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
