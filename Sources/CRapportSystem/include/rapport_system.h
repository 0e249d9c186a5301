#ifndef RAPPORT_SYSTEM_H
#define RAPPORT_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

/// Exchanges the two paths in one step (Linux `renameat2(..., RENAME_EXCHANGE)`): after it, each name holds what
/// the other held, and at no moment is either missing. Returns 0, or -1 with `errno` set (`ENOSYS`, `EINVAL`
/// where the system or the filesystem cannot).
int rapport_exchange(const char *first, const char *second);

/// What `path` names, without following a symbolic link (one `lstat`): 0 nothing (or unreadable), 1 a regular
/// file or anything else that is not a folder or a link, 2 a folder, 3 a symbolic link.
int rapport_entry_kind(const char *path);

/// SHA-256's compression of `blocks` whole 64-byte blocks of `data` into `state` (h0…h7), with the processor's
/// SHA instructions (x86-64 SHA extensions). Returns 1 when done, 0 (state untouched) where the processor has none:
/// the caller then compresses the blocks itself.
int rapport_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// SHA-256's 64 round constants (for the portable rounds, which the caller runs).
const uint32_t *rapport_sha256_round_constants(void);

#endif
