// `GET /health`: the figures a monitoring system or a test polls, the same as the status bar's.
import type { ServerResponse } from 'node:http'
import type { Health } from '../common/status'
import { SECURITY_HEADERS } from './static-files'

export const HEALTH_PATH = '/health'

/** Answers with `health` as JSON, never cached. */
export function sendHealth(res: ServerResponse, health: Health): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(JSON.stringify(health))
}
