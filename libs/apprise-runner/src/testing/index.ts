// Test support shared with the API's integration tests: real receivers on 127.0.0.1 for what Apprise sends.
export { startHttpReceiver, type ReceivedRequest, type ReceiverAnswer, type TestHttpReceiver } from './http-receiver';
export { startSmtpReceiver, type ReceivedMail, type TestSmtpReceiver } from './smtp-receiver';
