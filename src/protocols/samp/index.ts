export * from './messages'
export { SampSession, SampNoHubError, SampRefusedError, pingHub, clientName, sampErrorText, type SampClient, type SampConnectOptions } from './hub'
