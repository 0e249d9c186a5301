#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
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

int rapport_rename_noreplace(const char *from, const char *to) {
#if defined(__linux__) && defined(SYS_renameat2)
    /* RENAME_NOREPLACE is 1 << 0 in <linux/fs.h>. */
    if (syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1 << 0) == 0) return 0;
    if (errno != ENOSYS && errno != EINVAL) return -1;
#endif
    struct stat info;
    if (lstat(to, &info) == 0) { errno = EEXIST; return -1; }
    if (errno != ENOENT) return -1;
    return rename(from, to);
}

int rapport_entry_kind(const char *path, int follow) {
    struct stat info;
    if ((follow ? stat(path, &info) : lstat(path, &info)) != 0) return 0;
    if (S_ISREG(info.st_mode)) return 1;
    if (S_ISDIR(info.st_mode)) return 2;
    if (S_ISLNK(info.st_mode)) return 3;
    if (S_ISFIFO(info.st_mode)) return 4;
    if (S_ISSOCK(info.st_mode)) return 5;
    return 6;
}

int rapport_is_mount_point(const char *path) {
    struct stat folder, parent;
    char above[4096];
    size_t length = strlen(path);
    if (length + 4 > sizeof above) { errno = ENAMETOOLONG; return -1; }
    memcpy(above, path, length);
    memcpy(above + length, "/..", 4);
    if (stat(path, &folder) != 0 || stat(above, &parent) != 0) return -1;
    if (folder.st_dev != parent.st_dev) return 1;
    return folder.st_ino == parent.st_ino ? 1 : 0;
}
