// What the kitchen's bump and «Начать» do once the settings say they tell the backend: the
// condition in force, the outbox asked, and the local bump mark applied only when the backend's
// own condition has come (or the backend already showed it). Without an action, a bump stays a
// local mark as before.
import type { BoardEvent } from '../../common/board'
import {
  actionHostProblem,
  DEMO_ACTIONS,
  REFERENCE_CONDITION_ACTION,
  serverBase,
  STARTABLE_CONDITIONS,
  type Actions,
} from '../../common/condition-action'
import { OUTBOX_OFF, type OutboxEntry, type OutboxStatus } from '../../common/outbox'
import type { DisplaySettings } from '../../common/settings'
import type { Board } from '../board'
import type { Logger } from '../logger'
import { ConditionOutbox, type ConditionOutboxOptions, type OutboxTarget } from './condition-outbox'

/** The backend the core talks to now: the demo server, or the configured one. */
export interface Backend {
  url: string
  token: string
  demo: boolean
}

/** Why settings would send the token to another host than their backend, or null. */
export function hostProblemOf(display: DisplaySettings): string | null {
  const { conditionAction, serverUrl, conditionActionAnyHost } = display
  if (conditionAction === null || serverUrl === null) return null
  return actionHostProblem(conditionAction, serverUrl, conditionActionAnyHost)
}

/** The action and the mapping in force, or null when bumps stay local. */
export function outboxConfig(
  display: DisplaySettings,
  backend: Backend | null,
): { target: OutboxTarget; actions: Actions } | null {
  if (backend === null) return null
  const action = display.conditionAction ?? (backend.demo ? REFERENCE_CONDITION_ACTION : null)
  if (action === null) return null
  const actions = display.actions ?? (backend.demo ? DEMO_ACTIONS : { bump: 'COLLECTED' })
  const target: OutboxTarget = {
    action,
    server: serverBase(backend.url),
    serverUrl: backend.url,
    anyHost: display.conditionActionAnyHost,
    token: backend.token,
  }
  return { target, actions }
}

export interface KitchenActionsOptions {
  dataDir: string
  log: Logger
  board: Board
  /** The settings in force. */
  display: () => DisplaySettings
  /** The backend the core talks to now, or null before it has one. */
  backend: () => Backend | null
  /** Whether the socket to the backend is up. */
  connected: () => boolean
  /** The local bump, as the core does it without an action. */
  bumpLocally: (id: string) => void
  /** Called whenever the outbox's entries or counts may have changed. */
  onChange: () => void
  /** The outbox's retries and timeout (tests shorten them). */
  outbox?: Pick<ConditionOutboxOptions, 'backoff' | 'attemptTimeoutMs'>
}

/** The kitchen's actions over the board and the outbox. */
export class KitchenActions {
  private readonly board: Board
  private readonly outbox: ConditionOutbox
  private readonly bumpLocally: (id: string) => void

  constructor(private readonly options: KitchenActionsOptions) {
    this.board = options.board
    this.bumpLocally = options.bumpLocally
    this.outbox = new ConditionOutbox({
      dataDir: options.dataDir,
      log: options.log,
      target: () => this.config()?.target ?? null,
      conditionOf: (id) => options.board.get(id)?.condition,
      connected: options.connected,
      ...options.outbox,
    })
    this.outbox.onChange(options.onChange)
  }

  /** Problems met reading the outbox's journal. */
  get warnings(): string[] {
    return this.outbox.warnings
  }

  /** The action and the mapping in force, or null when bumps stay local. */
  config(): ReturnType<typeof outboxConfig> {
    return outboxConfig(this.options.display(), this.options.backend())
  }

  /** The outbox as the screens show it. */
  entries(): OutboxEntry[] {
    return this.outbox.entries()
  }

  dismiss(id: string): boolean {
    return this.outbox.dismiss(id)
  }

  /** The backend is back: what waits for it goes now rather than at the end of its backoff. */
  retryNow(): void {
    this.outbox.retryNow()
  }

  close(): void {
    this.outbox.close()
  }

  /** A bump: told to the backend when an action is set, else a local mark. */
  bump(id: string): void {
    const order = this.board.get(id)
    if (order === undefined) throw new Error(`no order with _id "${id}" on the board`)
    const condition = this.config()?.actions.bump
    if (condition === undefined) return this.bumpLocally(id)
    this.outbox.add(id, 'bump', condition)
    // The backend already shows it (the intent is dropped at once): nothing to wait for.
    if (this.outbox.takeReachedBump(id, order.condition) && order.bumpedAt === undefined) {
      this.bumpLocally(id)
    }
  }

  /** «Начать»: asks the backend for the start condition; only for NEW and ACCEPTED orders. */
  start(id: string): void {
    const order = this.board.get(id)
    if (order === undefined) throw new Error(`no order with _id "${id}" on the board`)
    const condition = this.config()?.actions.start
    if (condition === undefined) throw new Error('no condition is set for «start» (actions.start)')
    if (!STARTABLE_CONDITIONS.includes(order.condition)) {
      throw new Error(`order "${id}" is ${order.condition}: only NEW and ACCEPTED can be started`)
    }
    this.outbox.add(id, 'start', condition)
  }

  /** A board change: the backend's condition for a bump that waited for it hides the ticket. */
  onBoardEvent(event: BoardEvent): void {
    if (event.type !== 'order:condition' && event.type !== 'order:new') return
    const id = event.type === 'order:new' ? event.order._id : event.id
    const order = this.board.get(id)
    if (order === undefined) return
    if (this.outbox.takeReachedBump(id, order.condition) && order.bumpedAt === undefined) {
      this.bumpLocally(id)
    }
  }

  status(): OutboxStatus {
    const config = this.config()
    if (config === null) return { ...OUTBOX_OFF, waiting: this.outbox.waiting }
    const { target, actions } = config
    return {
      enabled: true,
      start: actions.start ?? null,
      bump: actions.bump ?? null,
      waiting: this.outbox.waiting,
      problem: actionHostProblem(target.action, target.serverUrl, target.anyHost),
    }
  }
}
