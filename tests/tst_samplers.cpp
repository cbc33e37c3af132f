#include "testsupport.h"

#include <TaskRunner/globalrunner.h>
#include <TaskRunner/runneroptions.h>
#include <TaskRunner/samplers.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/statvfs.h>

#include <algorithm>
#include <optional>

using namespace TaskRunner;

namespace {

struct Run
{
    bool failed = false;
    QVariant result;
    QString error;
};

// One run of `worker` on a global runner of its own.
std::optional<Run> runOnce(GlobalWorker worker)
{
    GlobalRunner runner = GlobalRunner::create(QStringLiteral("sampler-test"), std::move(worker),
                                               GlobalRunner::maximumInterval());
    if (!runner)
        return std::nullopt;
    if (!QTest::qWaitFor([&] { return runner.state().started > 0 && !runner.state().running; },
                         10000))
        return std::nullopt;
    const GlobalRunnerState state = runner.state();
    runner.stop();
    return Run{state.failures > 0, state.lastResult, state.lastError};
}

double loadFromProc()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().split(' ').value(0).toDouble();
}

double memoryInUseFromProc()
{
    QFile file(QStringLiteral("/proc/meminfo"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    double total = -1;
    double available = -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 2 && fields[0] == "MemTotal:")
            total = fields[1].toDouble();
        if (fields.size() >= 2 && fields[0] == "MemAvailable:")
            available = fields[1].toDouble();
    }
    return (total - available) / 1024;
}

double freeGiBFromStatvfs(const QString &folder)
{
    struct statvfs info = {};
    if (::statvfs(QFile::encodeName(folder).constData(), &info) != 0)
        return -1;
    return double(info.f_bavail) * double(info.f_frsize) / double(1 << 30);
}

} // namespace

class tst_Samplers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup();

    void loadAverage();
    void memoryInUse();
    void freeSpace();
    void freeSpaceOfMissingFolder_data();
    void freeSpaceOfMissingFolder();
    void registry();
};

void tst_Samplers::cleanup()
{
    QTRY_COMPARE_WITH_TIMEOUT(liveRunnerCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(runnerObjectCount(), 0, 10000);
    TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES();
}

void tst_Samplers::loadAverage()
{
    // The kernel updates the figure every 5 s: it is one of the values read around the run.
    const double before = loadFromProc();
    const std::optional<Run> run = runOnce(loadAverageSampler());
    const double after = loadFromProc();
    QVERIFY(run);
    QVERIFY2(!run->failed, qPrintable(run->error));
    QCOMPARE(run->result.typeId(), QMetaType::Double);
    const double load = run->result.toDouble();
    QVERIFY(load >= 0);
    QVERIFY2(load >= std::min(before, after) && load <= std::max(before, after),
             qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(load).arg(before).arg(after)));
}

void tst_Samplers::memoryInUse()
{
    const double before = memoryInUseFromProc();
    const std::optional<Run> run = runOnce(memoryInUseSampler());
    const double after = memoryInUseFromProc();
    QVERIFY(run);
    QVERIFY2(!run->failed, qPrintable(run->error));
    QCOMPARE(run->result.typeId(), QMetaType::Double);
    const double used = run->result.toDouble();
    QVERIFY(used > 0);
    // Other processes allocate meanwhile: within 64 MiB of the values around it.
    QVERIFY2(used >= std::min(before, after) - 64 && used <= std::max(before, after) + 64,
             qPrintable(QStringLiteral("%1 not near [%2, %3]").arg(used).arg(before).arg(after)));
}

void tst_Samplers::freeSpace()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const double before = freeGiBFromStatvfs(dir.path());
    const std::optional<Run> run = runOnce(freeSpaceSampler(dir.path()));
    const double after = freeGiBFromStatvfs(dir.path());
    QVERIFY(run);
    QVERIFY2(!run->failed, qPrintable(run->error));
    QCOMPARE(run->result.typeId(), QMetaType::Double);
    const double free = run->result.toDouble();
    QVERIFY(free >= 0);
    // Others write to the disk meanwhile: within 64 MiB of the values around it.
    QVERIFY2(free >= std::min(before, after) - 1.0 / 16 &&
                 free <= std::max(before, after) + 1.0 / 16,
             qPrintable(QStringLiteral("%1 not near [%2, %3]").arg(free).arg(before).arg(after)));
}

void tst_Samplers::freeSpaceOfMissingFolder_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing") << QStringLiteral("/nonexistent/folder")
                             << QStringLiteral("folder '/nonexistent/folder' does not exist");
    QTest::newRow("a file") << QStringLiteral("/proc/loadavg")
                            << QStringLiteral("'/proc/loadavg' is not a folder");
    QTest::newRow("none") << QString() << QStringLiteral("no folder to measure the free space of");
}

void tst_Samplers::freeSpaceOfMissingFolder()
{
    QFETCH(QString, folder);
    QFETCH(QString, error);
    const std::optional<Run> run = runOnce(freeSpaceSampler(folder));
    QVERIFY(run);
    QVERIFY(run->failed);
    QCOMPARE(run->error, error);
}

void tst_Samplers::registry()
{
    const QList<SamplerKind> kinds = samplerKinds();
    QCOMPARE(kinds.size(), 3);
    QCOMPARE(samplerId(SamplerKind::LoadAverage), QStringLiteral("load-average"));
    QCOMPARE(samplerId(SamplerKind::MemoryInUse), QStringLiteral("memory"));
    QCOMPARE(samplerId(SamplerKind::FreeSpace), QStringLiteral("free-space"));
    for (SamplerKind kind : kinds) {
        QCOMPARE(samplerFromId(samplerId(kind)), std::optional<SamplerKind>(kind));
        QVERIFY(!samplerName(kind).isEmpty());
        QCOMPARE(samplerNeedsFolder(kind), kind == SamplerKind::FreeSpace);
        QVERIFY(samplerWorker(kind, QStringLiteral("/")));
    }
    QCOMPARE(samplerFromId(u"nonsense"), std::nullopt);
    QCOMPARE(samplerFromId(u""), std::nullopt);
    QCOMPARE(samplerUnit(SamplerKind::MemoryInUse), QStringLiteral("MiB"));
    QCOMPARE(samplerUnit(SamplerKind::FreeSpace), QStringLiteral("GiB"));
    QCOMPARE(samplerDecimals(SamplerKind::LoadAverage), 2);
    QCOMPARE(samplerDecimals(SamplerKind::MemoryInUse), 1);
    QCOMPARE(samplerDecimals(SamplerKind::FreeSpace), 2);
    QCOMPARE(samplerKey(SamplerKind::LoadAverage, QStringLiteral("/ignored")),
             QStringLiteral("load-average"));
    QCOMPARE(samplerKey(SamplerKind::FreeSpace, QStringLiteral("/usr/../tmp/")),
             QStringLiteral("free-space:/tmp"));

    // The worker a kind gives measures what the kind says.
    const std::optional<Run> run =
        runOnce(samplerWorker(SamplerKind::FreeSpace, QStringLiteral("/")));
    QVERIFY(run);
    QVERIFY(!run->failed);
    QVERIFY(run->result.toDouble() >= 0);
}

QTEST_GUILESS_MAIN(tst_Samplers)
#include "tst_samplers.moc"
