#ifndef RAPPORT_SYSTEM_H
#define RAPPORT_SYSTEM_H

/// Exchanges the two paths in one step (Linux `renameat2(..., RENAME_EXCHANGE)`): after it, each name holds what
/// the other held, and at no moment is either missing. Returns 0, or -1 with `errno` set (`ENOSYS`, `EINVAL`
/// where the system or the filesystem cannot).
int rapport_exchange(const char *first, const char *second);

#endif
