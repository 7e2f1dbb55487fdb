// The token at rest: encrypted with the operating system's key store through safeStorage, or not
// stored at all. There is no plain-text fallback, and the screen is told so.
import type { SafeStorage } from 'electron'

/** The parts of safeStorage the vault uses (the synchronous API: SettingsBackend is synchronous). */
export type TokenCipher = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>

/**
 * tokenNotice when the token cannot be stored encrypted (no OS key store, Linux's basic_text, or a
 * settings file that cannot be written). An English sentence, shown as is; the renderer may match
 * it exactly to translate it.
 */
export const TOKEN_NOTICE_MEMORY_ONLY =
  'The token cannot be stored securely on this computer, so it is kept in memory only and must be entered again after a restart.'

/** tokenNotice when a saved token cannot be decrypted (another user or machine, a reset key store). */
export const TOKEN_NOTICE_UNREADABLE =
  'The saved token could not be decrypted on this computer; enter it again.'

/**
 * Whether the token can be stored encrypted. Linux's "basic_text" backend encrypts with a fixed,
 * public key, which is plain text in disguise, so it counts as no encryption.
 */
export function canEncrypt(cipher: TokenCipher, platform: NodeJS.Platform = process.platform) {
  if (!cipher.isEncryptionAvailable()) return false
  return platform !== 'linux' || cipher.getSelectedStorageBackend() !== 'basic_text'
}

/** The token encrypted and base64-encoded, for the store; throws when encryption fails. */
export function sealToken(cipher: TokenCipher, token: string): string {
  return cipher.encryptString(token).toString('base64')
}

/** The token from its sealed form, or null when it cannot be decrypted here. */
export function openToken(cipher: TokenCipher, sealed: unknown): string | null {
  if (typeof sealed !== 'string' || sealed === '' || !canEncrypt(cipher)) return null
  try {
    const token = cipher.decryptString(Buffer.from(sealed, 'base64'))
    return token === '' ? null : token
  } catch {
    return null
  }
}
