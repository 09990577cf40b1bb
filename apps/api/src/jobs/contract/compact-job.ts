/** borg compact takes nothing of its own (as the step after a prune it is given the prune's parameters). */
export class CompactParametersDto {}
