import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { toString as qrCodeSvg } from 'qrcode';
import { Repository } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { ErrorCode } from '../../platform/errors/error-code';
import { SecretsService } from '../../platform/secrets/secrets.service';
import { PasswordHasher } from '../password-hasher';
import { UserEntity } from '../user.entity';
import { UsersService } from '../users.service';
import { RecoveryCodesDto, TwoFactorEnrolmentDto } from './dto/two-factor.dto';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { groupedRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, recoveryCodeDigest } from './recovery-codes';
import { isTotpCode, matchingStep, newTotpSecret, otpauthUri } from './totp';

const SECRET_PURPOSE = 'user.totp-secret';
const RECOVERY_CODE_KEY_PURPOSE = 'user.recovery-code';

/**
 * Optional TOTP two-factor sign-in per user: enrolment (a pending secret until a code confirms it), the second step
 * of a login (a TOTP code, each time step once, or a recovery code, each once), and turning it off.
 */
@Injectable()
export class TwoFactorService {
  private readonly recoveryCodeKey: Buffer;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RecoveryCodeEntity) private readonly recoveryCodes: Repository<RecoveryCodeEntity>,
    private readonly secrets: SecretsService,
    private readonly lookup: UsersService,
    private readonly hasher: PasswordHasher,
  ) {
    this.recoveryCodeKey = secrets.subkey(RECOVERY_CODE_KEY_PURPOSE);
  }

  /** A new secret, kept pending: it replaces any enrolment not yet confirmed. */
  async start(user: UserEntity): Promise<TwoFactorEnrolmentDto> {
    if (user.totpSecret !== null) throw alreadyOn();
    const secret = newTotpSecret();
    await this.users.update({ id: user.id }, { totpPendingSecret: this.secrets.encrypt(secret, SECRET_PURPOSE) });
    this.lookup.forget(user.id);
    const uri = otpauthUri(secret, user.username);
    const svg = await qrCodeSvg(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { otpauth_uri: uri, secret, qr_code: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  }

  /** A right code from the pending secret turns two-factor sign-in on; the recovery codes are answered this once. */
  async confirm(user: UserEntity, code: string): Promise<RecoveryCodesDto> {
    if (user.totpSecret !== null) throw alreadyOn();
    const pending = user.totpPendingSecret;
    if (pending === null) throw DomainError.conflict('No enrolment is under way; start one first');
    const step = matchingStep(this.secrets.decrypt(pending, SECRET_PURPOSE), code.trim(), Date.now());
    if (step === null) {
      throw DomainError.invalidInput({ code: ['This is not the current code; check that the device’s clock is right'] });
    }
    const codes = newRecoveryCodes();
    await this.users.manager.transaction(async (manager) => {
      const enabled = await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({ totpSecret: pending, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step })
        .where('id = :id AND totp_secret IS NULL AND totp_pending_secret = :pending', { id: user.id, pending })
        .execute();
      if (!enabled.affected) throw DomainError.conflict('The enrolment changed meanwhile; start again');
      await manager.delete(RecoveryCodeEntity, { userId: user.id });
      await manager.insert(
        RecoveryCodeEntity,
        codes.map((code) => ({ userId: user.id, codeHash: this.digestOf(code) })),
      );
    });
    this.lookup.forget(user.id);
    return { recovery_codes: codes.map(groupedRecoveryCode) };
  }

  /** The signed-in user turns it off (or drops an enrolment under way), after giving the password again. */
  async disableOwn(user: UserEntity, password: string): Promise<void> {
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw DomainError.invalidInput({ password: ['This is not your current password'] });
    }
    if (user.totpSecret === null && user.totpPendingSecret === null) throw DomainError.conflict('Two-factor sign-in is not on');
    await this.turnOff(user.id);
  }

  /** An admin turns it off for a user who lost their authenticator and recovery codes. */
  async reset(userId: number): Promise<void> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw DomainError.notFound(`User ${userId} not found`);
    if (user.totpSecret === null && user.totpPendingSecret === null) {
      throw DomainError.conflict(`"${user.username}" does not use two-factor sign-in`);
    }
    await this.turnOff(userId);
  }

  /**
   * The second step of a login whose password was right: nothing to do when the user has two-factor sign-in off;
   * otherwise `code` must be a TOTP code of a step later than the last one accepted, or an unused recovery code.
   */
  async verifyLogin(user: UserEntity, code: string | undefined): Promise<void> {
    if (user.totpSecret === null) return;
    const typed = (code ?? '').replace(/\s/g, '');
    if (typed === '') {
      throw new DomainError(ErrorCode.TWO_FACTOR_REQUIRED, 'Enter the code from your authenticator app, or a recovery code');
    }
    const accepted = isTotpCode(typed)
      ? await this.acceptTotp(user.id, user.totpSecret, typed)
      : await this.useRecoveryCode(user.id, typed);
    if (!accepted) throw DomainError.unauthorized('Invalid or already used two-factor code');
  }

  /** Takes the code's step as the last one in the same statement that checks it is later: a code counts once. */
  private async acceptTotp(userId: number, sealedSecret: string, code: string): Promise<boolean> {
    const step = matchingStep(this.secrets.decrypt(sealedSecret, SECRET_PURPOSE), code, Date.now());
    if (step === null) return false;
    const taken = await this.users
      .createQueryBuilder()
      .update()
      .set({ totpLastStep: step })
      .where('id = :userId AND totp_secret = :sealedSecret AND (totp_last_step IS NULL OR totp_last_step < :step)', {
        userId,
        sealedSecret,
        step,
      })
      .execute();
    this.lookup.forget(userId);
    return Boolean(taken.affected);
  }

  private async useRecoveryCode(userId: number, typed: string): Promise<boolean> {
    const code = normaliseRecoveryCode(typed);
    if (code === null) return false;
    const used = await this.recoveryCodes.delete({ userId, codeHash: this.digestOf(code) });
    return Boolean(used.affected);
  }

  private async turnOff(userId: number): Promise<void> {
    await this.users.manager.transaction(async (manager) => {
      await manager.update(
        UserEntity,
        { id: userId },
        { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
      );
      await manager.delete(RecoveryCodeEntity, { userId });
    });
    this.lookup.forget(userId);
  }

  private digestOf(normalisedCode: string): string {
    return recoveryCodeDigest(this.recoveryCodeKey, normalisedCode);
  }
}

function alreadyOn(): DomainError {
  return DomainError.conflict('Two-factor sign-in is already on; turn it off first to enrol another authenticator');
}
