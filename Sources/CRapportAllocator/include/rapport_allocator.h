#ifndef RAPPORT_ALLOCATOR_H
#define RAPPORT_ALLOCATOR_H

/// 1 when the process's malloc is mimalloc's (the `rapport` executable links libmimalloc on Linux, ahead of the
/// C library, so that every allocation of the process, Swift's runtime and libcmark's included, goes to it);
/// 0 when it is the system's.
int rapport_allocator_is_mimalloc(void);

#endif
