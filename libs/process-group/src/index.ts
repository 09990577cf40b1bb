export { killGroup, spawnGroup, type GroupExit, type GroupProcess, type GroupSpawnOptions, type StopReason } from './process';
export { LineSplitter } from './line-splitter';
