// Where a token comes from: the Socket.IO handshake's `auth.token`, or an `Authorization: Bearer`
// header (the Socket.IO handshake and the HTTP API both accept the header).

/** The token of an `Authorization: Bearer <token>` header, if it is one. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1]
}

/** The token a Socket.IO handshake carries; `auth.token` wins over the header. */
export function handshakeToken(handshake: {
  auth: Record<string, unknown>
  headers: Record<string, string | string[] | undefined>
}): string | undefined {
  const fromAuth = handshake.auth['token']
  if (typeof fromAuth === 'string' && fromAuth !== '') return fromAuth
  return bearerToken(handshake.headers['authorization'])
}
