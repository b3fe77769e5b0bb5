// The benchmarks: importing this module registers every figure.
import './figures/index.js';

export { figure, formatLine, formatMisses, median, medianMs, percentile, registeredFigures, runFigures, selectFigures, toJson, type BenchContext, type FigureDef, type FigureResult, type Target } from './harness.js';
export { describeMachine, machineInfo, type MachineInfo } from './machine.js';
