// Every figure module, imported for its figure(...) registrations, in the order they run.
import './engine.js';
import './store.js';
import '../console/index.js';
import './replay.js';
import './judge.js';
import './requests.js';
import './view.js';
import './host.js';
import './crash.js';
