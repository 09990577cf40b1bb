import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { bytesToEscapedString } from '@borgitory/api-client/byte-path';
import { grants, Role } from '../../auth/roles/roles';
import { APP_CONFIG, AppConfig, defaultRestoreRoot } from '../../platform/config/app-config';
import { DomainError } from '../../platform/errors/domain-error';
import { ServerFiles } from '../../platform/files/server-files';

/**
 * Where restores may write. An admin restores anywhere; an operator only inside the restore roots, so that running a
 * restore cannot replace files elsewhere on the server (its configuration, another user's home). Each target is
 * checked where it really lands: a symbolic link on the way out of a root does not lead out of it.
 */
@Injectable()
export class RestoreRoots implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly files: ServerFiles,
  ) {}

  /** The default root lives in the data directory: made at start so that operators can restore from the first day. */
  async onModuleInit(): Promise<void> {
    const fallback = defaultRestoreRoot(this.config.dataDir);
    if (this.config.restoreRoots.includes(fallback)) await this.files.makePrivateDirectory(fallback);
  }

  /** The roots an actor is held to; null: anywhere. */
  rootsFor(actor: Role): string[] | null {
    return grants(actor, 'admin') ? null : this.config.restoreRoots;
  }

  /**
   * Refuses (403) when a target would land outside every root the actor is held to. borg follows symbolic links
   * that already stand on the way, so when it may overwrite, links inside an existing target must stay in a root too.
   */
  async assertAllowed(actor: Role, targets: Buffer[], overwrite: boolean): Promise<void> {
    const roots = this.rootsFor(actor);
    if (roots === null) return;
    const realRoots = await Promise.all(roots.map((root) => this.files.realLocation(Buffer.from(root))));
    const refuse = (what: string) =>
      DomainError.forbidden(
        `An operator may restore only inside ${roots.join(', ')}; ${what}. Choose a destination there, or ask an admin.`,
      );
    const inRoots = async (path: Buffer) => {
      const real = await this.files.realLocation(path);
      return realRoots.some((root) => isWithin(real, root));
    };
    for (const target of targets) {
      if (!(await inRoots(target))) throw refuse(`${bytesToEscapedString(target)} is outside`);
      if (!overwrite) continue;
      for await (const { link, pointsTo } of this.files.symbolicLinksUnder(target)) {
        if (!(await inRoots(pointsTo))) throw refuse(`${bytesToEscapedString(link)} is a link that leads out`);
      }
    }
  }
}

function isWithin(path: Buffer, root: Buffer): boolean {
  if (root.equals(Buffer.from('/'))) return true;
  return path.equals(root) || (path.length > root.length && path.subarray(0, root.length).equals(root) && path[root.length] === 0x2f);
}
