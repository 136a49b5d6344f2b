// Where archive.sh keeps its locks (the same rule as the script): ARCHIVE_LOCK_DIR, else /run/lock, else TMPDIR.
import { accessSync, constants } from 'node:fs'

/** @returns {string} */
export function archiveLockDir() {
  const dir = process.env.ARCHIVE_LOCK_DIR ?? '/run/lock'
  try {
    accessSync(dir, constants.W_OK)
    return dir
  } catch {
    return process.env.TMPDIR ?? '/tmp'
  }
}
