/* Preloaded before libfaketime by scripts/test-later; never part of the app.
 *
 * libfaketime 0.9.10 (Debian 12) with FAKETIME_DONT_FAKE_MONOTONIC=1 still moves the absolute
 * deadline of clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, ...) by the fake offset, and the
 * kernel refuses the negative time with EINVAL (github.com/wolfcw/libfaketime/issues/426). Since
 * Python 3.11 that is how time.sleep() waits, so every sleep in every process of the test run
 * raised "OSError: [Errno 22] Invalid argument". Faking the monotonic clock instead is worse:
 * thread waits (sem_clockwait) then last the whole shift.
 *
 * The monotonic clocks are not faked, so a sleep on them goes straight to the kernel; a sleep on
 * the wall clock still goes through libfaketime.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
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
