#include "appoptions.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

class tst_AppOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES(); }

    void validArguments_data();
    void validArguments();
    void invalidArgumentsExitWithStatus2_data();
    void invalidArgumentsExitWithStatus2();
    void repeatedTaskOptionsQueueCommandsInOrder();
    void newInstanceIsAFlag();
    void helpAndVersion();
};

void tst_AppOptions::validArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("sessions");
    QTest::addColumn<double>("interval");
    QTest::addColumn<double>("taskSeconds");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("grace");

    const QString defaultKey = QStringLiteral("example-worker");
    QTest::newRow("defaults") << QStringList{} << 1 << -1.0 << 1.0 << defaultKey << 2.0;
    QTest::newRow("all set")
        << QStringList{QStringLiteral("--sessions"),       QStringLiteral("64"),
                       QStringLiteral("--interval"),       QStringLiteral("0.001"),
                       QStringLiteral("--task-seconds"),   QStringLiteral("0"),
                       QStringLiteral("--global-key"),     QStringLiteral("feed"),
                       QStringLiteral("--shutdown-grace"), QStringLiteral("0")}
        << 64 << 0.001 << 0.0 << QStringLiteral("feed") << 0.0;
    QTest::newRow("equals form and Qt's own options")
        << QStringList{QStringLiteral("--sessions=3"), QStringLiteral("-platform"),
                       QStringLiteral("offscreen"), QStringLiteral("--interval=2.5")}
        << 3 << 2.5 << 1.0 << defaultKey << 2.0;
    QTest::newRow("more of Qt's options") << QStringList{QStringLiteral("-style"),
                                                         QStringLiteral("fusion"),
                                                         QStringLiteral("-testability"),
                                                         QStringLiteral("-reverse"),
                                                         QStringLiteral("--qwindowtitle=x"),
                                                         QStringLiteral("-icon"),
                                                         QStringLiteral("a.svg")}
                                          << 1 << -1.0 << 1.0 << defaultKey << 2.0;
}

void tst_AppOptions::validArguments()
{
    QFETCH(QStringList, arguments);
    AppOptions options;
    const auto result =
        AppOptions::parse(QStringList{QStringLiteral("taskrunner")} + arguments, options);
    QCOMPARE(result.outcome, AppOptions::Outcome::Run);
    QFETCH(int, sessions);
    QFETCH(double, interval);
    QFETCH(double, taskSeconds);
    QFETCH(QString, key);
    QFETCH(double, grace);
    QCOMPARE(options.sessions, sessions);
    QCOMPARE(options.interval, interval);
    QCOMPARE(options.taskSeconds, taskSeconds);
    QCOMPARE(options.globalKey, key);
    QCOMPARE(options.shutdownGrace, grace);
}

void tst_AppOptions::invalidArgumentsExitWithStatus2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected"); // what the one line must name

    auto row = [](const char *name, QStringList arguments, const char *expected) {
        QTest::newRow(name) << arguments << QString::fromLatin1(expected);
    };
    const QString s = QStringLiteral("--sessions");
    const QString i = QStringLiteral("--interval");
    const QString t = QStringLiteral("--task-seconds");
    const QString g = QStringLiteral("--shutdown-grace");
    row("sessions zero", {s, QStringLiteral("0")},
        "--sessions: '0' is not allowed; give a whole number from 1 to 64.");
    row("sessions negative", {s, QStringLiteral("-2")}, "--sessions");
    row("sessions too many", {s, QStringLiteral("65")}, "from 1 to 64");
    row("sessions text", {s, QStringLiteral("many")}, "--sessions: 'many'");
    row("sessions fraction", {s, QStringLiteral("1.5")}, "--sessions");
    row("sessions missing value", {s}, "Missing value after '--sessions'");
    row("interval zero", {i, QStringLiteral("0")}, "--interval: '0' is not allowed");
    row("interval negative", {i, QStringLiteral("-1")}, "--interval");
    row("interval below minimum", {i, QStringLiteral("0.0001")}, "from 0.001");
    row("interval NaN", {i, QStringLiteral("nan")}, "--interval: 'nan'");
    row("interval infinity", {i, QStringLiteral("inf")}, "--interval: 'inf'");
    row("interval text", {i, QStringLiteral("fast")}, "--interval: 'fast'");
    row("interval huge", {i, QStringLiteral("1e300")}, "--interval");
    row("task seconds negative", {t, QStringLiteral("-1")}, "--task-seconds: '-1'");
    row("task seconds NaN", {t, QStringLiteral("NaN")}, "--task-seconds");
    row("task seconds infinity", {t, QStringLiteral("infinity")}, "--task-seconds");
    row("grace negative", {g, QStringLiteral("-0.5")}, "--shutdown-grace: '-0.5'");
    row("grace text", {g, QStringLiteral("soon")}, "--shutdown-grace");
    row("grace infinity", {g, QStringLiteral("inf")}, "--shutdown-grace");
    row("empty key", {QStringLiteral("--global-key"), QStringLiteral(" ")}, "--global-key");
    row("tasks negative", {QStringLiteral("--tasks"), QStringLiteral("-1")}, "--tasks");
    row("unknown option", {QStringLiteral("--frobnicate")}, "Unknown option 'frobnicate'");
    row("positional argument", {QStringLiteral("file.txt")}, "Unexpected argument 'file.txt'");
    row("task unclosed quote", {QStringLiteral("--task"), QStringLiteral("echo 'open")},
        "--task: 'echo 'open' is not a command");
    row("task empty", {QStringLiteral("--task"), QStringLiteral("  ")}, "--task");
    // What the arguments' decoding makes of a byte that is not UTF-8 ("cat /tmp/f\xff").
    row("task not UTF-8",
        {QStringLiteral("--task"),
         QStringLiteral("cat /tmp/f") + QChar(QChar::ReplacementCharacter)},
        "is not valid UTF-8");
    row("task missing value", {QStringLiteral("--task")}, "Missing value after '--task'");
}

void tst_AppOptions::invalidArgumentsExitWithStatus2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);

    // In process: the parser's verdict.
    AppOptions options;
    const auto result =
        AppOptions::parse(QStringList{QStringLiteral("taskrunner")} + arguments, options);
    QCOMPARE(result.outcome, AppOptions::Outcome::Error);
    QVERIFY2(result.text.contains(expected), qPrintable(result.text));

    // The real program: one line on stderr, status 2, and no window (it needs no display).
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TASKRUNNER_EXECUTABLE), arguments);
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromLocal8Bit(process.readAllStandardError());
    QCOMPARE(error.count(QLatin1Char('\n')), 1);
    QVERIFY2(error.startsWith(QLatin1String("taskrunner: ")) && error.contains(expected),
             qPrintable(error));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void tst_AppOptions::repeatedTaskOptionsQueueCommandsInOrder()
{
    AppOptions options;
    const auto result =
        AppOptions::parse({QStringLiteral("taskrunner"), QStringLiteral("--task"),
                           QStringLiteral("echo 'a b'"), QStringLiteral("--task=make -j2")},
                          options);
    QCOMPARE(result.outcome, AppOptions::Outcome::Run);
    QCOMPARE(options.commands,
             (QStringList{QStringLiteral("echo 'a b'"), QStringLiteral("make -j2")}));
}

void tst_AppOptions::newInstanceIsAFlag()
{
    AppOptions options;
    QCOMPARE(AppOptions::parse({QStringLiteral("taskrunner")}, options).outcome,
             AppOptions::Outcome::Run);
    QVERIFY(!options.newInstance);
    QCOMPARE(
        AppOptions::parse({QStringLiteral("taskrunner"), QStringLiteral("--new-instance")}, options)
            .outcome,
        AppOptions::Outcome::Run);
    QVERIFY(options.newInstance);
    QCOMPARE(AppOptions::parse({QStringLiteral("taskrunner"), QStringLiteral("--new-instance=x")},
                               options)
                 .outcome,
             AppOptions::Outcome::Error);
}

void tst_AppOptions::helpAndVersion()
{
    QProcess process;
    process.start(QStringLiteral(TASKRUNNER_EXECUTABLE), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().startsWith("taskrunner 0."));

    process.start(QStringLiteral(TASKRUNNER_EXECUTABLE), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    QVERIFY(help.startsWith("Usage: taskrunner [options]"));
    for (const char *option : {"--sessions", "--interval", "--task-seconds", "--global-key",
                               "--shutdown-grace", "--new-instance", "One instance per user"})
        QVERIFY2(help.contains(option), option);
    QVERIFY(!help.contains("-platform"));

    // --help-all adds the Qt options this program lets through to QApplication.
    process.start(QStringLiteral(TASKRUNNER_EXECUTABLE), {QStringLiteral("--help-all")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray helpAll = process.readAllStandardOutput();
    QVERIFY(helpAll.startsWith(help));
    for (const char *option : {"-platform <name[:options]>", "-style <style>", "-reverse"})
        QVERIFY2(helpAll.contains(option), option);
}

QTEST_GUILESS_MAIN(tst_AppOptions)
#include "tst_appoptions.moc"
