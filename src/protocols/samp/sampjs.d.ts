// sampjs 1.0.3 ships no types; this covers what the SAMP wrapper (./hub.ts) uses.
declare module 'sampjs' {
  /** A SAMP value: strings (numbers too travel as strings), lists and maps of them. */
  export type SampValue = string | SampValue[] | { [key: string]: SampValue }
  export type SampMap = { [key: string]: SampValue }

  interface XmlRpcRequest {
    addParam(param: SampValue): void
  }
  interface XmlRpcRequestClass {
    new (methodName: string, params?: SampValue[]): XmlRpcRequest
  }
  interface XmlRpcClient {
    /** The error handler gets an XmlRpc fault (with `faultString`) or an Error/event ("No hub?"). */
    execute(req: XmlRpcRequest, onResult?: (result: unknown) => void, onError?: (error: unknown) => void): unknown
  }

  interface Message {
    'samp.mtype': string
    'samp.params': SampMap
  }

  type Done = ((result: unknown) => void) | undefined
  type Failed = ((error: unknown) => void) | undefined

  /** Hub methods of the Web Profile; the private key is added by the library. */
  export interface Connection {
    regInfo: SampMap
    privateKey: string
    xClient: XmlRpcClient
    closed?: boolean
    onclose?: () => void
    notify(args: [recipient: string, message: Message | SampMap], done?: Done, failed?: Failed): void
    notifyAll(args: [message: Message | SampMap], done?: Done, failed?: Failed): void
    call(args: [recipient: string, tag: string, message: Message | SampMap], done?: Done, failed?: Failed): void
    reply(args: [msgId: string, response: SampMap], done?: Done, failed?: Failed): void
    declareMetadata(args: [meta: SampMap], done?: Done, failed?: Failed): void
    declareSubscriptions(args: [subs: SampMap], done?: Done, failed?: Failed): void
    getRegisteredClients(args: [], done?: Done, failed?: Failed): void
    getMetadata(args: [clientId: string], done?: Done, failed?: Failed): void
    getSubscriptions(args: [clientId: string], done?: Done, failed?: Failed): void
    ping(args: [], done?: Done, failed?: Failed): void
    unregister(): void
    close(): void
    translateUrl(url: string): string
  }

  export const samp: {
    XmlRpcRequest: XmlRpcRequestClass
    register(appName: string, onConnection: (c: Connection) => void, onError: (error: unknown) => void): void
    ping(onResult: (running: boolean) => void): void
  }
}
