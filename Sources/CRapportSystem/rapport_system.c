#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "rapport_system.h"
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif

int rapport_exchange(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    /* RENAME_EXCHANGE is 1 << 1 in <linux/fs.h>; named here so that no kernel header is needed. */
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 1 << 1);
#else
    (void)first; (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

int rapport_entry_kind(const char *path) {
    struct stat info;
    if (lstat(path, &info) != 0) return 0;
    if (S_ISLNK(info.st_mode)) return 3;
    if (S_ISDIR(info.st_mode)) return 2;
    return 1;
}
