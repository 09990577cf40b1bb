// Test support shared with the API's integration tests: real storage servers on 127.0.0.1.
export {
  startS3Server,
  startSftpServer,
  startWebdavServer,
  type TestFileServer,
  type TestS3Server,
  type TestSftpServer,
  type TestWebdavServer,
} from './servers';
