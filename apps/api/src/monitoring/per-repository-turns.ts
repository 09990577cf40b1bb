/**
 * Work on one repository one piece at a time, in the order it was asked for: two checks of the same repository (the
 * round of the monitor and a new archive, say) never both see the old state and both fire its event.
 */
export class PerRepositoryTurns {
  private readonly last = new Map<number, Promise<void>>();

  run(repositoryId: number, work: () => Promise<void>): Promise<void> {
    const previous = this.last.get(repositoryId) ?? Promise.resolve();
    const turn = previous.then(work, work);
    const settled = turn.catch(() => undefined);
    this.last.set(repositoryId, settled);
    void settled.then(() => {
      if (this.last.get(repositoryId) === settled) this.last.delete(repositoryId);
    });
    return turn;
  }
}
