/*
 * memfs_lock.h - the lock that guards all of memfs's state, and a per-thread cache of
 * the calling thread's ids.
 *
 * Why not struct sc_mutex: memfs's subcontext is shared by every process of the tree
 * (SC_SHARE_ON_FORK), so its lock is taken by threads of *different processes*. scrt's
 * mutex sleeps on a FUTEX_*_PRIVATE word, which the kernel (like Linux) keys by (address
 * space, address): a waiter in one process is never woken by an unlock in another. This
 * lock lives in a MAP_SHARED page and uses the shared futex operations, which the kernel
 * keys by the physical page, so all processes meet on it.
 *
 * A holder can also die inside memfs (exit_group or a fatal signal in another thread, or
 * execve, stop a thread wherever it is). The lock records its holder's tid; a waiter that
 * has slept for a while checks with tkill(tid, 0) that the holder still exists and takes
 * the lock over if not. (The state the dead holder was changing may be half done: memfs
 * keeps its critical sections short and its updates ordered so that this is rare; it is
 * documented in servers/README.md.)
 */
#ifndef MEMFS_LOCK_H
#define MEMFS_LOCK_H

#include "memfs_sys.h"

struct mf_lock {
    int word;           /* 0 free, 1 held, 2 held with (possible) waiters */
    int pad;
    long owner;         /* tid of the holder, 0 while it is being taken or released */
};

/* ---- per-thread ids ----
 * Every thread that enters memfs runs on its own stack, whose record the sctls CSR points
 * at (scrt's entry stub; a forked child's thread gets a fresh one, execve keeps it). That
 * address identifies the thread for as long as it lives, so memfs caches getpid()/gettid()
 * per record: most calls then need no system call to know whose they are. */
struct mf_thread {
    long key;
    int pid, tid;
    struct mf_thread *next;
};

#define MF_THREAD_BUCKETS 256
#define MF_THREAD_SLOTS 16384

struct mf_threads {
    struct mf_thread *bucket[MF_THREAD_BUCKETS];
    long used;
    struct mf_thread slot[MF_THREAD_SLOTS];
};

/* Set up by memfs's init (shared memory, so a forked child sees the same table). */
static struct mf_threads *mf_threads;

static inline void mf_thread_ids(int *pid, int *tid) {
    long key = sc_get_sctls();
    unsigned h = (unsigned) ((unsigned long) key >> 4) * 2654435761u >> 24;
    struct mf_thread *t;
    for (t = __atomic_load_n(&mf_threads->bucket[h], __ATOMIC_ACQUIRE); t; t = t->next) {
        if (t->key == key) {
            *pid = t->pid;
            *tid = t->tid;
            return;
        }
    }
    *pid = (int) SYS0(NR_getpid);
    *tid = (int) SYS0(NR_gettid);
    long i = __atomic_fetch_add(&mf_threads->used, 1, __ATOMIC_RELAXED);
    if (key == 0 || i >= MF_THREAD_SLOTS) return;           /* full: no caching, still correct */
    t = &mf_threads->slot[i];
    t->key = key;
    t->pid = *pid;
    t->tid = *tid;
    struct mf_thread *head = __atomic_load_n(&mf_threads->bucket[h], __ATOMIC_RELAXED);
    do {
        t->next = head;
    } while (!__atomic_compare_exchange_n(&mf_threads->bucket[h], &head, t, 1, __ATOMIC_RELEASE, __ATOMIC_RELAXED));
}

static inline int mf_pid(void) {
    int pid, tid;
    mf_thread_ids(&pid, &tid);
    return pid;
}

/* ---- the lock ---- */

static inline void mf_lock(struct mf_lock *l) {
    int pid, tid;
    mf_thread_ids(&pid, &tid);
    int c = __sync_val_compare_and_swap(&l->word, 0, 1);
    if (c != 0) {
        if (c != 2) c = __atomic_exchange_n(&l->word, 2, __ATOMIC_ACQUIRE);
        while (c != 0) {
            struct timespec64 wait = {0, 20 * 1000 * 1000};
            long r = SYS4(NR_futex, &l->word, FUTEX_WAIT, 2, &wait);
            if (r == -ETIMEDOUT) {
                long o = __atomic_load_n(&l->owner, __ATOMIC_ACQUIRE);
                if (o != 0 && o != tid && SYS2(NR_tkill, o, 0) == -ESRCH
                    && __atomic_compare_exchange_n(&l->owner, &o, (long) tid, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
                    __atomic_store_n(&l->word, 2, __ATOMIC_RELEASE);     /* taken over from a dead holder */
                    return;
                }
            }
            c = __atomic_exchange_n(&l->word, 2, __ATOMIC_ACQUIRE);
        }
    }
    __atomic_store_n(&l->owner, (long) tid, __ATOMIC_RELEASE);
}

static inline void mf_unlock(struct mf_lock *l) {
    __atomic_store_n(&l->owner, 0, __ATOMIC_RELEASE);
    if (__atomic_fetch_sub(&l->word, 1, __ATOMIC_RELEASE) != 1) {
        __atomic_store_n(&l->word, 0, __ATOMIC_RELEASE);
        SYS3(NR_futex, &l->word, FUTEX_WAKE, 1);
    }
}

#endif
