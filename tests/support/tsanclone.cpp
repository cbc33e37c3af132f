// Linked into test programs that start processes, in ThreadSanitizer builds only.
//
// GCC 12's ThreadSanitizer intercepts clone() and treats it as a fork: its child half runs in
// the child. Qt 6.4's QProcess starts children with clone(CLONE_VM | CLONE_VFORK), so that
// child half runs in the parent's memory and on the parent thread's state: from then on the
// sanitizer ignores that thread, and the next thread the process starts kills it ("starting new
// threads after multi-threaded fork is not supported"). Later Qt versions fork() instead when
// built with TSan. For this one, the clone() below goes to glibc's own, as in an uninstrumented
// program: a definition in the executable comes first in symbol lookup, so it is the one the Qt
// library calls. The sanitizer still sees the parent's threads; it only no longer takes the
// CLONE_VM child for a forked process.

#include <dlfcn.h>
#include <sched.h>
#include <sys/types.h>

#include <cstdarg>
#include <cstdlib>

namespace {

using CloneFunction = int (*)(int (*)(void *), void *, int, void *, ...);

CloneFunction glibcClone()
{
    static const CloneFunction function = [] {
        void *libc = dlopen("libc.so.6", RTLD_NOLOAD | RTLD_LAZY);
        void *symbol = libc ? dlsym(libc, "clone") : nullptr;
        if (!symbol)
            std::abort();
        return reinterpret_cast<CloneFunction>(symbol);
    }();
    return function;
}

} // namespace

extern "C" int clone(int (*function)(void *), void *stack, int flags, void *argument, ...) noexcept
{
    // The optional arguments, as glibc reads them (the kernel looks at them only for the flags
    // that ask for them).
    va_list optional;
    va_start(optional, argument);
    pid_t *parentTid = va_arg(optional, pid_t *);
    void *tls = va_arg(optional, void *);
    pid_t *childTid = va_arg(optional, pid_t *);
    va_end(optional);
    return glibcClone()(function, stack, flags, argument, parentTid, tls, childTid);
}
