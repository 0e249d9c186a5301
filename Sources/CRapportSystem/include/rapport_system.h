#ifndef RAPPORT_SYSTEM_H
#define RAPPORT_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

/// Exchanges the two paths in one step (Linux `renameat2(..., RENAME_EXCHANGE)`): after it, each name holds what
/// the other held, and at no moment is either missing. Returns 0, or -1 with `errno` set (`ENOSYS`, `EINVAL`
/// where the system or the filesystem cannot).
int rapport_exchange(const char *first, const char *second);

/// Moves `from` to `to` unless `to` exists (Linux `renameat2(..., RENAME_NOREPLACE)`): an existing `to`, even an
/// empty folder that a plain `rename` would replace, stays as it was and the call fails with `EEXIST`. Where the
/// system or the filesystem cannot (`ENOSYS`, `EINVAL`), it checks that `to` is absent, then renames.
int rapport_rename_noreplace(const char *from, const char *to);
/// What `path` names (one `lstat`, or `stat` when `follow` is non-zero): 0 nothing or an error (`errno` set), 1 a
/// regular file, 2 a folder, 3 a symbolic link, 4 a named pipe (FIFO), 5 a socket, 6 a device.
int rapport_entry_kind(const char *path, int follow);

/// Whether the folder `path` is a mount point: another device than its parent's, or the same inode as its parent
/// (the root of the file system). 1 yes, 0 no, -1 when it cannot be told (`errno` set).
int rapport_is_mount_point(const char *path);

/// SHA-256's compression of `blocks` whole 64-byte blocks of `data` into `state` (h0…h7), with the processor's
/// SHA instructions (x86-64 SHA extensions). Returns 1 when done, 0 (state untouched) where the processor has none:
/// the caller then compresses the blocks itself.
int rapport_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// SHA-256's 64 round constants (for the portable rounds, which the caller runs).
const uint32_t *rapport_sha256_round_constants(void);

#endif
