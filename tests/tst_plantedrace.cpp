// A deliberate data race. It is built only in the ThreadSanitizer job, where
// .ci/check-planted-race runs it and requires TSan to report it: proof that the job can fail.
#include <cstdio>
#include <thread>

namespace {
int counter = 0; // written by two threads without synchronisation

void bump()
{
    for (int i = 0; i < 100000; ++i)
        counter = counter + 1;
}
} // namespace

int main()
{
    std::thread a(bump);
    std::thread b(bump);
    a.join();
    b.join();
    std::printf("counter = %d\n", counter);
    return 0;
}
