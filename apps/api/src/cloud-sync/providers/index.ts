import { LOCAL_PROVIDER } from './local.provider';
import { CloudProvider, ProviderName } from './provider';
import { S3_PROVIDER } from './s3.provider';
import { SFTP_PROVIDER } from './sftp.provider';
import { SMB_PROVIDER } from './smb.provider';
import { WEBDAV_PROVIDER } from './webdav.provider';

export const PROVIDERS: Record<ProviderName, CloudProvider> = {
  s3: S3_PROVIDER,
  sftp: SFTP_PROVIDER,
  webdav: WEBDAV_PROVIDER,
  smb: SMB_PROVIDER,
  local: LOCAL_PROVIDER,
};
