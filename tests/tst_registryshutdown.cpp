// The registry's runners are tied to QCoreApplication's lifetime: quitting the event loop
// stops and frees them (aboutToQuit), and a post routine does it when the application object
// is destroyed without exec(). Nothing is left for static destruction.
#include "globalrunnerregistry.h"
#include "sessiontaskrunner.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace std::chrono_literals;

namespace {
int failures = 0;

void check(bool ok, const char *what)
{
    std::printf("%s: %s\n", ok ? "PASS" : "FAIL", what);
    failures += ok ? 0 : 1;
}
} // namespace

int main(int argc, char *argv[])
{
    {
        QCoreApplication app(argc, argv);
        auto *registry = GlobalRunnerRegistry::instance();
        for (int i = 0; i < 5; ++i)
            registry->acquire(QStringLiteral("key-%1").arg(i), TaskRunner::exampleGlobalWorker(30s),
                              0.33);
        SessionTaskRunner *session =
            SessionTaskRunner::create(TaskRunner::exampleSessionWorker(30s));
        session->append(1);
        QTimer::singleShot(200ms, &app, &QCoreApplication::quit); // all five mid-run by then
        const auto started = std::chrono::steady_clock::now();
        app.exec(); // aboutToQuit stops every runner
        check(std::chrono::steady_clock::now() - started < 200ms + registry->shutdownGrace(),
              "exit within the grace period");
        check(registry->keys().isEmpty(), "registry empty after aboutToQuit");
        check(TaskRunnerBase::liveCount() == 0, "no runner alive after aboutToQuit");

        // Without exec(): the post routine, when the application object is destroyed.
        registry->acquire(QStringLiteral("late"), TaskRunner::exampleGlobalWorker(30s), 0.33);
        check(TaskRunnerBase::liveCount() == 1, "a runner acquired after exec()");
    }
    check(GlobalRunnerRegistry::instance()->keys().isEmpty(),
          "registry empty once QCoreApplication is gone");
    check(TaskRunnerBase::liveCount() == 0, "no runner alive once QCoreApplication is gone");
    std::printf("%d passed, %d failed\n", 6 - failures, failures);
    return failures == 0 ? 0 : 1;
}
