// The condition action: how the display tells the backend that the kitchen moved an order (the
// backend's write API is not in the spec, so it is configured). A request template with three
// placeholders, {server}, {id} and {condition}, in the URL and in the strings of a JSON body;
// and which kitchen actions set which condition. Pure: both shells and the core read it.
import { z } from 'zod'
import { conditionInfo } from './conditions'
import { ConditionSchema } from './protocol/schemas'

export const PLACEHOLDERS = ['server', 'id', 'condition'] as const
export type Placeholder = (typeof PLACEHOLDERS)[number]
export type PlaceholderValues = Record<Placeholder, string>

const PLACEHOLDER = /\{([^{}]*)\}/g
const SHOWN = PLACEHOLDERS.map((name) => `{${name}}`).join(', ')

/** The placeholders a text names, known or not. */
const placeholdersIn = (text: string): string[] =>
  [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '')

/** Adds an issue for every unknown placeholder in `text`. */
function checkPlaceholders(text: string, ctx: z.RefinementCtx): void {
  for (const name of placeholdersIn(text)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      ctx.addIssue({ code: 'custom', message: `unknown placeholder {${name}}; use ${SHOWN}` })
    }
  }
}

const SAMPLE: PlaceholderValues = {
  server: 'http://backend.example',
  id: '000000000000000000000000',
  condition: 'COLLECTED',
}

const TemplateTextSchema = z.string().max(2_000).superRefine(checkPlaceholders)

/** A JSON value whose strings may hold placeholders. */
type JsonTemplate =
  string | number | boolean | null | JsonTemplate[] | { [key: string]: JsonTemplate }
const JsonTemplateSchema: z.ZodType<JsonTemplate> = z.lazy(() =>
  z.union([
    TemplateTextSchema,
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonTemplateSchema).max(100),
    z.record(z.string().max(200), JsonTemplateSchema),
  ]),
)

const UrlTemplateSchema = TemplateTextSchema.refine(
  (url) => url.startsWith('{server}') || /^https?:\/\//i.test(url),
  'must start with {server} or http:// or https://',
).refine((url) => hostOf(fillText(url, SAMPLE)) !== null, 'is not a URL once filled in')

/** `{ method, url, body }`: the request that sets one order's condition. */
export const ConditionActionSchema = z
  .strictObject({
    method: z.enum(['PATCH', 'POST', 'PUT']),
    url: UrlTemplateSchema,
    /** Sent as JSON; null sends no body. */
    body: JsonTemplateSchema.nullable(),
  })
  .superRefine((action, ctx) => {
    const used = new Set([
      ...placeholdersIn(action.url),
      ...placeholdersIn(JSON.stringify(action.body)),
    ])
    for (const name of ['id', 'condition'] as const) {
      if (!used.has(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['url'],
          message: `neither the url nor the body says {${name}}: the backend could not tell it`,
        })
      }
    }
  })
export type ConditionAction = z.infer<typeof ConditionActionSchema>

/** The reference server's shape, and the demo's. */
export const REFERENCE_CONDITION_ACTION: ConditionAction = {
  method: 'PATCH',
  url: '{server}/api/orders/{id}',
  body: { condition: '{condition}' },
}

/** The kitchen actions that may set a condition. */
export const KITCHEN_ACTIONS = ['start', 'bump'] as const
export type KitchenAction = (typeof KITCHEN_ACTIONS)[number]

/** Which kitchen actions set which condition, e.g. `{ "start": "COOKING", "bump": "COLLECTED" }`. */
export const ActionsSchema = z.strictObject({
  start: ConditionSchema.optional(),
  bump: ConditionSchema.optional(),
})
export type Actions = z.infer<typeof ActionsSchema>

/** What the demo does out of the box. */
export const DEMO_ACTIONS: Actions = { start: 'COOKING', bump: 'COLLECTED' }

/** The conditions a «Начать» button is offered on. */
export const STARTABLE_CONDITIONS: readonly string[] = ['NEW', 'ACCEPTED']

/** `text` with its placeholders filled in; `encode` is applied to each value (for URLs). */
export function fillText(
  text: string,
  values: PlaceholderValues,
  encode: (value: string) => string = (value) => value,
): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    name === 'server'
      ? values.server
      : name === 'id' || name === 'condition'
        ? encode(values[name])
        : whole,
  )
}

function fillJson(template: JsonTemplate, values: PlaceholderValues): JsonTemplate {
  if (typeof template === 'string') return fillText(template, values)
  if (Array.isArray(template)) return template.map((item) => fillJson(item, values))
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillJson(v, values)]))
  }
  return template
}

/** The request the action makes for one order and condition. */
export function fillAction(
  action: ConditionAction,
  values: PlaceholderValues,
): { method: string; url: string; body: string | null } {
  return {
    method: action.method,
    url: fillText(action.url, values, encodeURIComponent),
    body: action.body === null ? null : JSON.stringify(fillJson(action.body, values)),
  }
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' }

/** The host (and port, unless the scheme's default) of an http(s) URL, lowercased; or null. */
export function hostOf(url: string): string | null {
  const match = /^(https?):\/\/(?:[^@/?#\s]*@)?([^/?#\s]+)(?:[/?#]\S*)?$/i.exec(url)
  if (match === null) return null
  const scheme = (match[1] ?? '').toLowerCase()
  const host = (match[2] ?? '').toLowerCase()
  const port = /:(\d+)$/.exec(host)?.[1]
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(host)) return null
  return port !== undefined && port === DEFAULT_PORTS[scheme] ? host.replace(/:\d+$/, '') : host
}

/** `{server}` for a configured backend: its address over HTTP, without a trailing slash. */
export function serverBase(serverUrl: string): string {
  return serverUrl.replace(/^ws(s?):\/\//i, 'http$1://').replace(/\/+$/, '')
}

/**
 * Why the action may not be sent with this backend's token, or null: it goes to another host
 * than the backend (the token would go there), unless that is explicitly allowed.
 */
export function actionHostProblem(
  action: ConditionAction,
  serverUrl: string,
  anyHost: boolean,
): string | null {
  if (anyHost || action.url.startsWith('{server}')) return null
  const base = serverBase(serverUrl)
  const target = hostOf(fillText(action.url, { ...SAMPLE, server: base }))
  const backend = hostOf(base)
  if (target !== null && target === backend) return null
  return (
    `conditionAction.url: goes to ${target ?? '?'}, not to the backend ${backend ?? '?'}, and the ` +
    'token would go with it; set conditionActionAnyHost to allow that'
  )
}

/** Whether the backend's `current` condition is `target` or one after it in the lifecycle. */
export function reachedCondition(current: string, target: string): boolean {
  if (current === target) return true
  const now = conditionInfo(current)
  const wanted = conditionInfo(target)
  // An unknown condition has no place in the lifecycle: it says nothing about the target.
  return now.rank < 1_000 && wanted.rank < 1_000 && now.rank > wanted.rank
}
