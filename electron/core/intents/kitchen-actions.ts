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
import { OUTBOX_OFF, type OutboxStatus } from '../../common/outbox'
import type { DisplaySettings } from '../../common/settings'
import type { Board } from '../board'
import type { ConditionOutbox, OutboxTarget } from './condition-outbox'

/** The backend the core talks to now: the demo server, or the configured one. */
export interface Backend {
  url: string
  token: string
  demo: boolean
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

/** The kitchen's actions over the board and the outbox. */
export class KitchenActions {
  constructor(
    private readonly board: Board,
    private readonly outbox: ConditionOutbox,
    private readonly config: () => ReturnType<typeof outboxConfig>,
    /** The local bump, as the core does it without an action. */
    private readonly bumpLocally: (id: string) => void,
  ) {}

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
