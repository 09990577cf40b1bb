export {
  assertDestination,
  destinationProblem,
  hostProblem,
  parseHost,
  portProblem,
  RefusedDestinationError,
  userProblem,
  type Ipv6Form,
  type RemoteHost,
  type RemoteProblem,
} from './remote-host';
export { sshConfigQuote } from './ssh-option';
export { shellQuote } from './shell-quote';
