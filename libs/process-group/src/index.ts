export { killGroup, spawnGroup, type GroupExit, type GroupProcess, type GroupSpawnOptions, type StopReason } from './process';
export { LineSplitter } from './line-splitter';
export { groupCarriesMark, markOf, PROCESS_MARK_VARIABLE, processMarkInEffect, withProcessMark } from './marks';
export { liveMembersOf } from './proc';
