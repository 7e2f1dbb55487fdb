// Both shells answer KdsApi requests the same way: parse the frame, parse its arguments, call the
// core, wrap the answer. Nothing from a renderer reaches the core unparsed.
import { z } from 'zod'
import {
  KDS_REQUESTS,
  KdsRequestSchema,
  type KdsHandlers,
  type KdsRequestName,
  type KdsResponse,
} from './kds-api'
import type { KdsResult } from './kds-client'
import { formatIssues, type Parsed } from './protocol/parse'

function frameId(frame: unknown): number {
  if (typeof frame !== 'object' || frame === null || !('id' in frame)) return 0
  return typeof frame.id === 'number' && Number.isInteger(frame.id) && frame.id >= 0 ? frame.id : 0
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Answers one request frame from a renderer; never throws. */
export async function dispatchRequest(handlers: KdsHandlers, frame: unknown): Promise<KdsResponse> {
  const request = KdsRequestSchema.safeParse(frame)
  if (!request.success) {
    return { id: frameId(frame), ok: false, error: `bad request: ${formatIssues(request.error)}` }
  }
  const { id, name, args } = request.data
  try {
    return { id, ok: true, result: await call(handlers, name, args) }
  } catch (error) {
    if (error instanceof z.ZodError) {
      return { id, ok: false, error: `bad arguments to ${name}: ${formatIssues(error)}` }
    }
    return { id, ok: false, error: message(error) }
  }
}

/** Parses the arguments of `name` (throwing a ZodError when they are wrong) and calls the core. */
function call(handlers: KdsHandlers, name: KdsRequestName, args: unknown[]): unknown {
  switch (name) {
    case 'snapshot':
      KDS_REQUESTS.snapshot.args.parse(args)
      return handlers.snapshot()
    case 'status':
      KDS_REQUESTS.status.args.parse(args)
      return handlers.status()
    case 'settings':
      KDS_REQUESTS.settings.args.parse(args)
      return handlers.settings()
    case 'updateSettings':
      return handlers.updateSettings(KDS_REQUESTS.updateSettings.args.parse(args)[0])
    case 'dismissGap':
      return handlers.dismissGap(KDS_REQUESTS.dismissGap.args.parse(args)[0])
    case 'diagnostics':
      KDS_REQUESTS.diagnostics.args.parse(args)
      return handlers.diagnostics()
    case 'exportDiagnostics':
      KDS_REQUESTS.exportDiagnostics.args.parse(args)
      return handlers.exportDiagnostics()
    case 'bump':
      return handlers.bump(KDS_REQUESTS.bump.args.parse(args)[0])
    case 'start':
      return handlers.start(KDS_REQUESTS.start.args.parse(args)[0])
    case 'outbox':
      KDS_REQUESTS.outbox.args.parse(args)
      return handlers.outbox()
    case 'dismissOutbox':
      return handlers.dismissOutbox(KDS_REQUESTS.dismissOutbox.args.parse(args)[0])
    case 'recall':
      return handlers.recall(KDS_REQUESTS.recall.args.parse(args)[0])
    case 'reprint':
      return handlers.reprint(KDS_REQUESTS.reprint.args.parse(args)[0])
    case 'printPreview':
      return handlers.printPreview(...KDS_REQUESTS.printPreview.args.parse(args))
    case 'testPrint':
      return handlers.testPrint(KDS_REQUESTS.testPrint.args.parse(args)[0])
    case 'itemDone':
      return handlers.itemDone(...KDS_REQUESTS.itemDone.args.parse(args))
    case 'bumpStation':
      return handlers.bumpStation(...KDS_REQUESTS.bumpStation.args.parse(args))
    case 'recallStation':
      return handlers.recallStation(...KDS_REQUESTS.recallStation.args.parse(args))
    case 'stations':
      KDS_REQUESTS.stations.args.parse(args)
      return handlers.stations()
    case 'devices':
      KDS_REQUESTS.devices.args.parse(args)
      return handlers.devices()
    case 'revokeDevice':
      return handlers.revokeDevice(KDS_REQUESTS.revokeDevice.args.parse(args)[0])
    case 'hubInfo':
      KDS_REQUESTS.hubInfo.args.parse(args)
      return handlers.hubInfo()
    case 'unlockSettings':
      return handlers.unlockSettings(KDS_REQUESTS.unlockSettings.args.parse(args)[0])
    case 'lockSettings':
      KDS_REQUESTS.lockSettings.args.parse(args)
      return handlers.lockSettings()
  }
}

/** Parses the answer to request `name`, as the renderer side receives it. */
export function parseResult<N extends KdsRequestName>(
  name: N,
  value: unknown,
): Parsed<KdsResult<N>> {
  const parsed = KDS_REQUESTS[name].result.safeParse(value)
  return parsed.success
    ? { ok: true, value: parsed.data as KdsResult<N> }
    : { ok: false, reason: `bad answer to ${name}: ${formatIssues(parsed.error)}` }
}
