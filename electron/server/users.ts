// Who may connect: users with a token and a role. Three demo users are built in; more come from a
// JSON file (`--users FILE`), which is validated like any other input.
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { IdSchema } from '../common/protocol/schemas'
import { parseWith, type Parsed } from '../common/protocol/parse'

export const RoleSchema = z.enum(['ADMIN', 'WATCHER', 'USER'])

export const UserSchema = z.strictObject({
  id: IdSchema,
  token: z
    .string()
    .min(1, 'is empty')
    .max(256, 'is longer than 256 characters')
    .regex(/^\S+$/, 'may not contain spaces'),
  role: RoleSchema,
  name: z.string().max(200, 'is longer than 200 characters').optional(),
})

export type Role = z.infer<typeof RoleSchema>
export type User = z.infer<typeof UserSchema>

/** The built-in users; `demo-client` is the client of the spec's example order. */
export const DEMO_USERS: readonly User[] = [
  { id: '6a6b64730000000000000001', token: 'demo-admin', role: 'ADMIN', name: 'Администратор' },
  { id: '6a6b64730000000000000002', token: 'demo-watcher', role: 'WATCHER', name: 'Кухня' },
  { id: '4920737570657261646d696e', token: 'demo-client', role: 'USER', name: 'Евдоким Субботин' },
]

/** Adds an issue for every user whose `key` repeats an earlier one (or one of `taken`). */
function refuseDuplicates(
  key: 'id' | 'token',
  taken: readonly User[],
): (users: User[], ctx: z.RefinementCtx) => void {
  return (users, ctx) => {
    const seen = new Map<string, string>(taken.map((user) => [user[key], 'a built-in demo user']))
    users.forEach((user, index) => {
      const earlier = seen.get(user[key])
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['users', index, key],
          message: `repeats the ${key} of ${earlier}`,
        })
      } else seen.set(user[key], `users[${index}]`)
    })
  }
}

/** The `--users` file: `{ "users": [{ "id", "token", "role", "name"? }] }`. */
export const UsersFileSchema = z
  .strictObject({ users: z.array(UserSchema).max(10_000) })
  .superRefine((file, ctx) => {
    refuseDuplicates('token', DEMO_USERS)(file.users, ctx)
    refuseDuplicates('id', DEMO_USERS)(file.users, ctx)
  })

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

/** Parses the text of a users file; the reason names the field, e.g. `users[2].role: …`. */
export function parseUsersFile(text: string): Parsed<User[]> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${messageOf(error)}` }
  }
  const parsed = parseWith(UsersFileSchema, json)
  return parsed.ok ? { ok: true, value: parsed.value.users } : parsed
}

/** Reads and parses a users file; a read error becomes a reason too. */
export async function loadUsersFile(path: string): Promise<Parsed<User[]>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return { ok: false, reason: `cannot read ${path}: ${messageOf(error)}` }
  }
  const parsed = parseUsersFile(text)
  return parsed.ok ? parsed : { ok: false, reason: `${path}: ${parsed.reason}` }
}

/** Looks users up by token. */
export class UserDirectory {
  readonly #byToken: ReadonlyMap<string, User>

  constructor(users: readonly User[]) {
    this.#byToken = new Map(users.map((user) => [user.token, user]))
  }

  /** The user holding `token`, if any. */
  byToken(token: string | undefined): User | undefined {
    return token === undefined ? undefined : this.#byToken.get(token)
  }

  /** Every user, in the order given. */
  all(): User[] {
    return [...this.#byToken.values()]
  }
}
