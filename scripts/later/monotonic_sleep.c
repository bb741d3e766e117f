/* Preloaded before libfaketime by scripts/test-later; never part of the app.
 *
 * libfaketime 0.9.10 (Debian 12) with FAKETIME_DONT_FAKE_MONOTONIC=1 still moves the absolute
 * deadline of clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, ...) by the fake offset, and the
 * kernel refuses the negative time with EINVAL (github.com/wolfcw/libfaketime/issues/426). Since
 * Python 3.11 that is how time.sleep() waits, so every sleep in every process of the test run
 * raised "OSError: [Errno 22] Invalid argument". Faking the monotonic clock instead is worse:
 * thread waits (sem_clockwait) then last the whole shift.
 *
 * The same library also moves the deadline of pthread_cond_timedwait() on a condition variable
 * that runs on the monotonic clock, which is how Python's GIL hands over between threads every
 * 5 ms: under load a thread waited far longer for the GIL, and timing-sensitive tests (a serial
 * scanner at 115200 baud, a keyboard wedge) split or merged scans, 5-40 times slower.
 *
 * The monotonic clocks are not faked, so a wait on them goes straight to glibc / the kernel; a
 * wait on the wall clock still goes through libfaketime.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int clock_nanosleep(clockid_t clock_id, int flags, const struct timespec *request, struct timespec *remain)
{
    static int (*next)(clockid_t, int, const struct timespec *, struct timespec *);

    if (clock_id == CLOCK_MONOTONIC || clock_id == CLOCK_MONOTONIC_RAW || clock_id == CLOCK_BOOTTIME) {
        /* clock_nanosleep returns the error number itself, not -1 with errno */
        return syscall(SYS_clock_nanosleep, clock_id, flags, request, remain) == 0 ? 0 : errno;
    }
    if (next == NULL) {
        next = (int (*)(clockid_t, int, const struct timespec *, struct timespec *))dlsym(RTLD_NEXT, "clock_nanosleep");
        if (next == NULL) {
            return ENOSYS;
        }
    }
    return next(clock_id, flags, request, remain);
}

/* A deadline below 1e9 s (2001) cannot be wall-clock time: it is a monotonic one (time since boot). */
#define MONOTONIC_DEADLINE(ts) ((ts)->tv_sec < 1000000000)

int pthread_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex, const struct timespec *abstime)
{
    static int (*glibc)(pthread_cond_t *, pthread_mutex_t *, const struct timespec *);
    static int (*next)(pthread_cond_t *, pthread_mutex_t *, const struct timespec *);

    if (glibc == NULL) {
        void *libc = dlopen("libc.so.6", RTLD_LAZY | RTLD_NOLOAD);
        glibc = libc ? (int (*)(pthread_cond_t *, pthread_mutex_t *, const struct timespec *))dlvsym(
                           libc, "pthread_cond_timedwait", "GLIBC_2.3.2") : NULL;
        next = (int (*)(pthread_cond_t *, pthread_mutex_t *, const struct timespec *))dlsym(
            RTLD_NEXT, "pthread_cond_timedwait");
    }
    if (glibc != NULL && MONOTONIC_DEADLINE(abstime)) {
        return glibc(cond, mutex, abstime);
    }
    return (next != NULL ? next : glibc)(cond, mutex, abstime);
}
