/**
 * A typed promise wrapper over sampjs for the SAMP Web Profile: find the hub, register, keep track of the other
 * clients and their subscriptions, send notifications, and receive messages by pulling callbacks.
 * Pure TS over the library (it talks XML-RPC to http://localhost:21012 with XMLHttpRequest); no React.
 */
import { samp, type Connection } from 'sampjs'
import { HUB_EVENTS, type SampMessage, type SampParams, type SampValue } from './messages'

/** No Web Profile hub answers on this machine. */
export class SampNoHubError extends Error {
  override name = 'SampNoHubError'
}
/** The hub (or the user, in its dialog) refused the registration. */
export class SampRefusedError extends Error {
  override name = 'SampRefusedError'
}

export interface SampClient {
  id: string
  /** samp.name, else the id in brackets (as TOPCAT shows unnamed clients). */
  name: string
  meta: SampParams
  subscriptions: SampParams
}

export interface SampConnectOptions {
  /** samp.name the hub and the user see. */
  name: string
  meta?: SampParams
  /** The MTypes this app receives (hub events are added). */
  mtypes: readonly string[]
  onMessage: (senderId: string, message: SampMessage) => void
  onClients?: (clients: SampClient[]) => void
  /** The hub went away, or disconnected us. */
  onClose?: () => void
  /** Wait between callback pulls that brought nothing, for hubs that answer them at once (astropy). */
  idlePullMs?: number
}

/** A SAMP error reply or failure, in words. */
export function sampErrorText(e: unknown): string {
  if (e && typeof e === 'object' && 'faultString' in e) return String((e as { faultString: unknown }).faultString)
  if (e instanceof Error) return e.message
  return String(e)
}

function promised<T>(start: (done: (result: unknown) => void, failed: (error: unknown) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((r) => resolve(r as T), (e) => reject(e instanceof Error ? e : new Error(sampErrorText(e))))
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)))
    }
  })
}

/** Whether a Web Profile hub is running (no registration needed). */
export function pingHub(): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      samp.ping(resolve)
    } catch {
      resolve(false)
    }
  })
}

/** The name a client goes by in menus. */
export function clientName(id: string, meta: SampParams | undefined): string {
  const name = meta?.['samp.name']
  return typeof name === 'string' && name ? name : `[${id}]`
}

const isMap = (v: unknown): v is SampParams => !!v && typeof v === 'object' && !Array.isArray(v)

/** A registration with the hub; `close()` unregisters. */
export class SampSession {
  readonly selfId: string
  private readonly hubId: string
  private readonly clients = new Map<string, SampClient>()
  private closed = false
  private readonly conn: Connection
  private readonly opts: SampConnectOptions

  private constructor(conn: Connection, opts: SampConnectOptions) {
    this.conn = conn
    this.opts = opts
    const self = conn.regInfo['samp.self-id']
    this.selfId = typeof self === 'string' ? self : ''
    const hub = conn.regInfo['samp.hub-id']
    this.hubId = typeof hub === 'string' ? hub : ''
  }

  /**
   * Registers with the hub. The hub asks the user first (TOPCAT and Aladin show a dialog), so this may take
   * as long as the user takes to answer.
   */
  static async connect(opts: SampConnectOptions): Promise<SampSession> {
    if (!(await pingHub())) throw new SampNoHubError('No SAMP hub is running')
    const conn = await new Promise<Connection>((resolve, reject) =>
      samp.register(opts.name, resolve, (e) => reject(new SampRefusedError(`The SAMP hub refused the registration: ${sampErrorText(e)}`))),
    )
    const session = new SampSession(conn, opts)
    try {
      await session.start()
    } catch (e) {
      session.close()
      throw e
    }
    return session
  }

  private hub<T>(method: 'declareMetadata' | 'declareSubscriptions' | 'getRegisteredClients' | 'getMetadata' | 'getSubscriptions' | 'notify' | 'notifyAll' | 'reply' | 'ping', args: SampValue[]): Promise<T> {
    // (sampjs closes the connection on any failure unless given an error handler: every call gives one)
    const fn = this.conn[method] as (a: SampValue[], done: (r: unknown) => void, failed: (e: unknown) => void) => void
    return promised<T>((done, failed) => fn.call(this.conn, args, done, failed))
  }

  private async start(): Promise<void> {
    await this.hub('declareMetadata', [{ 'samp.name': this.opts.name, ...(this.opts.meta ?? {}) }])
    await promised((done, failed) => {
      const req = new samp.XmlRpcRequest('samp.webhub.allowReverseCallbacks')
      req.addParam(this.conn.privateKey)
      req.addParam('1')
      this.conn.xClient.execute(req, done, failed)
    })
    const subs: SampParams = {}
    for (const m of [...this.opts.mtypes, ...Object.values(HUB_EVENTS)]) subs[m] = {}
    await this.hub('declareSubscriptions', [subs])
    void this.pull()
    await this.refreshClients()
  }

  /** Loads every other client's name and subscriptions afresh. */
  async refreshClients(): Promise<void> {
    const ids = await this.hub<string[]>('getRegisteredClients', [])
    this.clients.clear()
    await Promise.all(ids.filter((id) => this.isOther(id)).map((id) => this.loadClient(id)))
    this.changed()
  }

  private async loadClient(id: string): Promise<void> {
    const [meta, subscriptions] = await Promise.all([
      this.hub<SampParams>('getMetadata', [id]).catch(() => ({})),
      this.hub<SampParams>('getSubscriptions', [id]).catch(() => ({})),
    ])
    this.clients.set(id, { id, name: clientName(id, meta), meta, subscriptions })
  }

  /** Another client: neither this page nor the hub itself. */
  private isOther(id: string): boolean {
    return id !== this.selfId && id !== this.hubId
  }

  private changed(): void {
    this.opts.onClients?.(this.list())
  }

  /** The other clients registered with the hub (not the hub itself). */
  list(): SampClient[] {
    return [...this.clients.values()]
  }

  /** Pulls callbacks until closed: long polls on hubs that hold them (TOPCAT), short ones spaced out otherwise. */
  private async pull(): Promise<void> {
    let failures = 0
    while (!this.closed) {
      const started = Date.now()
      try {
        const callbacks = await promised<unknown[]>((done, failed) => {
          const req = new samp.XmlRpcRequest('samp.webhub.pullCallbacks')
          req.addParam(this.conn.privateKey)
          req.addParam('600')
          this.conn.xClient.execute(req, done, failed)
        })
        failures = 0
        for (const cb of Array.isArray(callbacks) ? callbacks : []) this.dispatch(cb)
        const idle = this.opts.idlePullMs ?? 300
        if (!(Array.isArray(callbacks) && callbacks.length) && Date.now() - started < idle) await sleep(idle)
      } catch {
        if (this.closed) return
        // a failed pull: the hub is gone (or our key expired) unless a ping still answers
        if (++failures >= 2 || !(await pingHub())) return this.lost()
        await sleep(1000)
      }
    }
  }

  private dispatch(callback: unknown): void {
    if (!isMap(callback)) return
    const method = callback['samp.methodName']
    const params = callback['samp.params']
    if (!Array.isArray(params)) return
    if (method === 'receiveNotification') this.receive(params[0], params[1], undefined)
    else if (method === 'receiveCall') this.receive(params[0], params[2], params[1])
  }

  private receive(sender: SampValue | undefined, msg: SampValue | undefined, msgId: SampValue | undefined): void {
    if (typeof sender !== 'string' || !isMap(msg) || typeof msg['samp.mtype'] !== 'string') return
    const message: SampMessage = { 'samp.mtype': msg['samp.mtype'], 'samp.params': isMap(msg['samp.params']) ? msg['samp.params'] : {} }
    let error: string | undefined
    if (!this.hubEvent(message)) {
      try {
        this.opts.onMessage(sender, message)
      } catch (e) {
        error = sampErrorText(e)
      }
    }
    if (typeof msgId === 'string') {
      const response: SampParams = error ? { 'samp.status': 'samp.error', 'samp.error': { 'samp.errortxt': error } } : { 'samp.status': 'samp.ok', 'samp.result': {} }
      void this.hub('reply', [msgId, response]).catch(() => {})
    }
  }

  /** Keeps the client list in step with the hub's events; true when the message was one. */
  private hubEvent(message: SampMessage): boolean {
    const mtype = message['samp.mtype']
    const id = message['samp.params'].id
    switch (mtype) {
      case HUB_EVENTS.shutdown:
      case HUB_EVENTS.disconnect:
        this.lost()
        return true
      case HUB_EVENTS.unregister:
        if (typeof id === 'string') this.clients.delete(id)
        this.changed()
        return true
      case HUB_EVENTS.register:
      case HUB_EVENTS.metadata:
      case HUB_EVENTS.subscriptions:
        if (typeof id === 'string' && this.isOther(id)) void this.loadClient(id).then(() => this.changed())
        return true
      default:
        return false
    }
  }

  private lost(): void {
    if (this.closed) return
    this.closed = true
    this.opts.onClose?.()
  }

  /** Sends a message to one client. */
  notify(recipientId: string, message: SampMessage): Promise<void> {
    return this.hub('notify', [recipientId, message as unknown as SampParams])
  }

  /** Sends a message to every client subscribed to its MType. */
  notifyAll(message: SampMessage): Promise<void> {
    return this.hub('notifyAll', [message as unknown as SampParams])
  }

  /** A URL another client sent, made fetchable from this page through the hub's translator (Web Profile). */
  translateUrl(url: string): string {
    return this.conn.translateUrl(url)
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Unregisters (harmless when already gone). */
  close(): void {
    if (this.closed) return
    this.closed = true
    try {
      this.conn.close()
    } catch {
      // the hub is gone already
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
