/** Lines shared by the generated Python. */
import { TOKEN_VARIABLE } from './types'

/** A requests.Session that sends the token from the environment (never written into the code). */
export function pyAuthorisedSession(): string[] {
  return [
    `# your login token, from the environment (e.g. export ${TOKEN_VARIABLE}=…)`,
    'session = requests.Session()',
    `session.headers["Authorization"] = "Bearer " + os.environ["${TOKEN_VARIABLE}"]`,
    '',
  ]
}
