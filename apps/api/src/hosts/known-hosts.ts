import { Injectable } from '@nestjs/common';
import { ServerFiles } from '../platform/files/server-files';
import { SshKeysService } from '../repositories/ssh/ssh-keys.service';
import type { PublicKey } from './host-key';
import { keysFor, knownHostsName, withOnlyKey, withoutName } from './known-hosts-text';

/**
 * The host keys of hosts in the known_hosts file remote repositories use (SshKeysService): given keys written for
 * the host's name, keys ssh learned at a first connection (accept-new) read from it, entries removed when no one
 * uses them. Changes take turns and replace the file whole, so that ssh never reads half of one.
 */
@Injectable()
export class KnownHosts {
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sshKeys: SshKeysService,
    private readonly files: ServerFiles,
  ) {}

  /** The file's text, for reading the keys of several hosts at once; empty when there is no file yet. */
  async read(): Promise<string> {
    const file = this.sshKeys.knownHostsFile;
    return (await this.files.exists(file)) ? this.files.readText(file) : '';
  }

  /** The first key the text holds for the endpoint, or null. */
  keyIn(text: string, hostname: string, port: number): PublicKey | null {
    return keysFor(text, knownHostsName(hostname, port))[0] ?? null;
  }

  async keyOf(hostname: string, port: number): Promise<PublicKey | null> {
    return this.keyIn(await this.read(), hostname, port);
  }

  /** Makes `key` the endpoint's only key. */
  setKey(hostname: string, port: number, key: PublicKey): Promise<void> {
    return this.edit((text) => withOnlyKey(text, knownHostsName(hostname, port), key));
  }

  forget(hostname: string, port: number): Promise<void> {
    return this.edit((text) => withoutName(text, knownHostsName(hostname, port)));
  }

  private edit(change: (text: string) => string): Promise<void> {
    const next = this.turn.then(async () => {
      const text = await this.read();
      const changed = change(text);
      if (changed !== text) await this.files.replacePrivate(this.sshKeys.knownHostsFile, changed);
    });
    this.turn = next.catch(() => undefined);
    return next;
  }
}
