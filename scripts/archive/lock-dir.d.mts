/** Where archive.sh keeps its locks: ARCHIVE_LOCK_DIR, else /run/lock, else TMPDIR. */
export function archiveLockDir(): string
