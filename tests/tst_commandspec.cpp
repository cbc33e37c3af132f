#include "testsupport.h"

#include <TaskRunner/commandspec.h>

#include <QDataStream>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace TaskRunner;

class tst_CommandSpec : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestSupport::installMessageGuard(); }
    void cleanup() { TASKRUNNER_VERIFY_NO_FORBIDDEN_MESSAGES(); }

    void fromLine_data();
    void fromLine();
    void fromLineErrors_data();
    void fromLineErrors();
    void agreesWithSplitCommandOnDoubleQuotes();
    void shellLine();
    void displayText();
    void quotedRoundTrip_data();
    void quotedRoundTrip();
    void travelsInQVariant();
    void variantMapRoundTrip();
    void variantMapFromTextFormats();
    void shellMapRunsItsLine();
    void garbageMaps_data();
    void garbageMaps();
    void randomMapsNeverCrash();
};

void tst_CommandSpec::fromLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("plain") << QStringLiteral("ls -l /tmp") << QStringLiteral("ls")
                           << QStringList{QStringLiteral("-l"), QStringLiteral("/tmp")};
    QTest::newRow("blanks") << QStringLiteral("  echo \t a   b  \n") << QStringLiteral("echo")
                            << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("single quotes") << QStringLiteral("grep 'a b' file") << QStringLiteral("grep")
                                   << QStringList{QStringLiteral("a b"), QStringLiteral("file")};
    QTest::newRow("single quotes keep backslashes")
        << QStringLiteral("printf 'a\\nb'") << QStringLiteral("printf")
        << QStringList{QStringLiteral("a\\nb")};
    QTest::newRow("double quotes")
        << QStringLiteral("echo \"a \\\"q\\\" \\\\ \\$ \\n b\"") << QStringLiteral("echo")
        << QStringList{QStringLiteral("a \"q\" \\ $ \\n b")};
    QTest::newRow("backslash") << QStringLiteral("echo a\\ b \\'c") << QStringLiteral("echo")
                               << QStringList{QStringLiteral("a b"), QStringLiteral("'c")};
    QTest::newRow("line continuation") << QStringLiteral("echo a\\\nb") << QStringLiteral("echo")
                                       << QStringList{QStringLiteral("ab")};
    QTest::newRow("empty arguments") << QStringLiteral("echo '' \"\" x") << QStringLiteral("echo")
                                     << QStringList{QString(), QString(), QStringLiteral("x")};
    QTest::newRow("joined quotes")
        << QStringLiteral("echo 'it'\\''s' a\"b\"'c'") << QStringLiteral("echo")
        << QStringList{QStringLiteral("it's"), QStringLiteral("abc")};
    QTest::newRow("nothing expanded")
        << QStringLiteral("echo $HOME ~ * a|b;c >x `id`") << QStringLiteral("echo")
        << QStringList{QStringLiteral("$HOME"), QStringLiteral("~"),  QStringLiteral("*"),
                       QStringLiteral("a|b;c"), QStringLiteral(">x"), QStringLiteral("`id`")};
    QTest::newRow("quoted program")
        << QStringLiteral("'/opt/my tools/run' -v") << QStringLiteral("/opt/my tools/run")
        << QStringList{QStringLiteral("-v")};
    QTest::newRow("unicode") << QStringLiteral("echo héllo 'wörld €'") << QStringLiteral("echo")
                             << QStringList{QStringLiteral("héllo"), QStringLiteral("wörld €")};
    QTest::newRow("trailing backslash") << QStringLiteral("echo a\\") << QStringLiteral("echo")
                                        << QStringList{QStringLiteral("a\\")};
}

void tst_CommandSpec::fromLine()
{
    QFETCH(QString, line);
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);

    QString error = QStringLiteral("untouched");
    const CommandSpec spec = CommandSpec::fromLine(line, false, &error);
    QVERIFY(spec.isValid());
    QCOMPARE(error, QStringLiteral("untouched"));
    QCOMPARE(spec.program, program);
    QCOMPARE(spec.arguments, arguments);
    QCOMPARE(spec.line, line);
    QVERIFY(!spec.useShell);
    QVERIFY(spec.workingDirectory.isEmpty());
}

void tst_CommandSpec::fromLineErrors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("useShell");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QString() << false << QStringLiteral("the command is empty");
    QTest::newRow("blank") << QStringLiteral(" \t\n") << false
                           << QStringLiteral("the command is empty");
    QTest::newRow("empty shell") << QStringLiteral("  ") << true
                                 << QStringLiteral("the command is empty");
    QTest::newRow("single quote") << QStringLiteral("echo 'unclosed") << false
                                  << QStringLiteral(
                                         "unbalanced quotes: the ' at column 6 is never closed");
    QTest::newRow("double quote") << QStringLiteral("echo \"a\" \"b") << false
                                  << QStringLiteral(
                                         "unbalanced quotes: the \" at column 10 is never closed");
    QTest::newRow("escaped closing quote")
        << QStringLiteral("echo \"a\\\"") << false
        << QStringLiteral("unbalanced quotes: the \" at column 6 is never closed");
    QTest::newRow("empty program")
        << QStringLiteral("'' -x") << false << QStringLiteral("the command names no program");
}

void tst_CommandSpec::fromLineErrors()
{
    QFETCH(QString, line);
    QFETCH(bool, useShell);
    QFETCH(QString, error);

    QString message;
    const CommandSpec spec = CommandSpec::fromLine(line, useShell, &message);
    QVERIFY(!spec.isValid());
    QCOMPARE(spec, CommandSpec());
    QCOMPARE(message, error);
    QVERIFY(!CommandSpec::fromLine(line, useShell).isValid()); // no error pointer: no crash
}

// Where QProcess::splitCommand() and a shell agree (blanks and double quotes), so do we.
void tst_CommandSpec::agreesWithSplitCommandOnDoubleQuotes()
{
    const QString lines[] = {QStringLiteral("a b c"), QStringLiteral("  a\t\"b c\"  d "),
                             QStringLiteral("\"/usr/bin/x y\" -f \"1 2\" 3"),
                             QStringLiteral("a\"b c\"d")};
    for (const QString &line : lines) {
        const CommandSpec spec = CommandSpec::fromLine(line);
        const QStringList words = QStringList{spec.program} + spec.arguments;
        QCOMPARE(words, QProcess::splitCommand(line));
    }
}

void tst_CommandSpec::shellLine()
{
    const QString line = QStringLiteral("echo $HOME | wc -c; 'unbalanced");
    QString error;
    const CommandSpec spec = CommandSpec::fromLine(line, true, &error);
    QVERIFY(spec.isValid()); // the shell reports its own syntax errors
    QVERIFY(spec.useShell);
    QCOMPARE(spec.program, QStringLiteral("/bin/sh"));
    QCOMPARE(spec.arguments, (QStringList{QStringLiteral("-c"), line}));
    QCOMPARE(spec.line, line);
    QCOMPARE(spec.displayText(), line);
}

void tst_CommandSpec::displayText()
{
    QCOMPARE(CommandSpec::fromLine(QStringLiteral("  ls   -l ")).displayText(),
             QStringLiteral("  ls   -l ")); // as typed
    CommandSpec spec;
    QCOMPARE(spec.displayText(), QString());
    spec.program = QStringLiteral("/opt/my tools/run");
    spec.arguments = {QStringLiteral("-v"), QString(), QStringLiteral("it's"),
                      QStringLiteral("$HOME"), QStringLiteral("--name=a,b")};
    QCOMPARE(spec.displayText(),
             QStringLiteral("'/opt/my tools/run' -v '' 'it'\\''s' '$HOME' --name=a,b"));
}

void tst_CommandSpec::quotedRoundTrip_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << QStringList{QStringLiteral("ls"), QStringLiteral("-la")};
    QTest::newRow("special") << QStringList{QStringLiteral("my prog"),
                                            QStringLiteral("it's"),
                                            QStringLiteral("\"q\""),
                                            QStringLiteral("a\\b"),
                                            QStringLiteral("*?[]"),
                                            QStringLiteral("$(id)"),
                                            QString(),
                                            QStringLiteral("tab\tnl\n"),
                                            QStringLiteral("héllo €")};
}

void tst_CommandSpec::quotedRoundTrip()
{
    QFETCH(QStringList, words);
    CommandSpec spec;
    spec.program = words.first();
    spec.arguments = words.mid(1);
    const CommandSpec back = CommandSpec::fromLine(spec.displayText());
    QCOMPARE(back.program, spec.program);
    QCOMPARE(back.arguments, spec.arguments);
}

void tst_CommandSpec::travelsInQVariant()
{
    CommandSpec spec = CommandSpec::fromLine(QStringLiteral("echo hi"));
    spec.workingDirectory = QStringLiteral("/tmp");
    const QVariant value = QVariant::fromValue(spec);
    QCOMPARE(value.metaType(), QMetaType::fromType<CommandSpec>());
    QVERIFY(value.canConvert<CommandSpec>());
    QCOMPARE(value.value<CommandSpec>(), spec);
    QCOMPARE(value, QVariant::fromValue(spec)); // compared with operator==
    QVERIFY(value != QVariant::fromValue(CommandSpec::fromLine(QStringLiteral("echo ho"))));
}

void tst_CommandSpec::variantMapRoundTrip()
{
    const CommandSpec specs[] = {
        CommandSpec::fromLine(QStringLiteral("grep -r 'a b' .")),
        CommandSpec::fromLine(QStringLiteral("ls | wc -l"), true),
        [] {
            CommandSpec spec;
            spec.program = QStringLiteral("/usr/bin/env");
            spec.arguments = {QString(), QStringLiteral("x y")};
            spec.workingDirectory = QStringLiteral("/var/tmp");
            return spec;
        }(),
    };
    for (const CommandSpec &spec : specs) {
        const QVariantMap map = spec.toVariantMap();
        QString error;
        QCOMPARE(CommandSpec::fromVariantMap(map, &error), spec);
        QVERIFY(error.isEmpty());

        // Through QDataStream, as QSettings stores a map.
        QByteArray bytes;
        {
            QDataStream out(&bytes, QIODevice::WriteOnly);
            out << map;
        }
        QVariantMap read;
        QDataStream in(bytes);
        in >> read;
        QCOMPARE(CommandSpec::fromVariantMap(read), spec);
    }
}

void tst_CommandSpec::variantMapFromTextFormats()
{
    // A text format (QSettings' INI, JSON) gives back strings and lists of variants.
    QVariantMap map{{QStringLiteral("version"), QStringLiteral("1")},
                    {QStringLiteral("program"), QStringLiteral("ls")},
                    {QStringLiteral("arguments"), QStringLiteral("-l")}, // a list of one
                    {QStringLiteral("shell"), QStringLiteral("false")}};
    QString error;
    CommandSpec spec = CommandSpec::fromVariantMap(map, &error);
    QVERIFY2(spec.isValid(), qPrintable(error));
    QCOMPARE(spec.program, QStringLiteral("ls"));
    QCOMPARE(spec.arguments, QStringList{QStringLiteral("-l")});

    map[QStringLiteral("arguments")] = QVariantList{QStringLiteral("-l"), QStringLiteral("/")};
    spec = CommandSpec::fromVariantMap(map, &error);
    QCOMPARE(spec.arguments, (QStringList{QStringLiteral("-l"), QStringLiteral("/")}));

    // A line without a program is split.
    spec = CommandSpec::fromVariantMap({{QStringLiteral("line"), QStringLiteral("echo 'a b'")}});
    QCOMPARE(spec.program, QStringLiteral("echo"));
    QCOMPARE(spec.arguments, QStringList{QStringLiteral("a b")});
}

void tst_CommandSpec::shellMapRunsItsLine()
{
    // A shell spec runs its line: what the map says of the program cannot change that.
    const QVariantMap map{{QStringLiteral("shell"), true},
                          {QStringLiteral("line"), QStringLiteral("echo hi")},
                          {QStringLiteral("program"), QStringLiteral("/usr/bin/other")},
                          {QStringLiteral("arguments"), QStringList{QStringLiteral("x")}}};
    const CommandSpec spec = CommandSpec::fromVariantMap(map);
    QCOMPARE(spec.program, QStringLiteral("/bin/sh"));
    QCOMPARE(spec.arguments, (QStringList{QStringLiteral("-c"), QStringLiteral("echo hi")}));
}

void tst_CommandSpec::garbageMaps_data()
{
    QTest::addColumn<QVariantMap>("map");
    QTest::addColumn<QString>("error");

    const QString program = QStringLiteral("program");
    QTest::newRow("empty") << QVariantMap() << QStringLiteral("it is empty");
    QTest::newRow("foreign keys") << QVariantMap{{QStringLiteral("foo"), 1}}
                                  << QStringLiteral("there is nothing to run");
    QTest::newRow("program a number")
        << QVariantMap{{program, 5}} << QStringLiteral("'program' is not text");
    QTest::newRow("program a list") << QVariantMap{{program, QStringList{QStringLiteral("ls")}}}
                                    << QStringLiteral("'program' is not text");
    QTest::newRow("arguments a number")
        << QVariantMap{{program, QStringLiteral("ls")}, {QStringLiteral("arguments"), 3}}
        << QStringLiteral("'arguments' is not a list of text");
    QTest::newRow("arguments of numbers")
        << QVariantMap{{program, QStringLiteral("ls")},
                       {QStringLiteral("arguments"), QVariantList{1, 2}}}
        << QStringLiteral("'arguments' is not a list of text");
    QTest::newRow("folder a map") << QVariantMap{{program, QStringLiteral("ls")},
                                                 {QStringLiteral("workingDirectory"),
                                                  QVariantMap{{program, 1}}}}
                                  << QStringLiteral("'workingDirectory' is not text");
    QTest::newRow("shell maybe") << QVariantMap{{program, QStringLiteral("ls")},
                                                {QStringLiteral("shell"), QStringLiteral("maybe")}}
                                 << QStringLiteral("'shell' is not true or false");
    QTest::newRow("line a number")
        << QVariantMap{{QStringLiteral("line"), 7}} << QStringLiteral("'line' is not text");
    QTest::newRow("newer version")
        << QVariantMap{{QStringLiteral("version"), 99}, {program, QStringLiteral("ls")}}
        << QStringLiteral("it was saved by a newer version (format 99)");
    QTest::newRow("version garbage")
        << QVariantMap{{QStringLiteral("version"), QStringLiteral("x")},
                       {program, QStringLiteral("ls")}}
        << QStringLiteral("its version is not a number");
    QTest::newRow("empty shell line")
        << QVariantMap{{QStringLiteral("shell"), true}, {QStringLiteral("line"), QString()}}
        << QStringLiteral("there is nothing to run");
    QTest::newRow("unbalanced line")
        << QVariantMap{{QStringLiteral("line"), QStringLiteral("echo 'x")}}
        << QStringLiteral("unbalanced quotes: the ' at column 6 is never closed");
}

void tst_CommandSpec::garbageMaps()
{
    QFETCH(QVariantMap, map);
    QFETCH(QString, error);
    QString message;
    const CommandSpec spec = CommandSpec::fromVariantMap(map, &message);
    QVERIFY(!spec.isValid());
    QCOMPARE(message, QStringLiteral("not a saved command: ") + error);
    QVERIFY(!CommandSpec::fromVariantMap(map).isValid());
}

void tst_CommandSpec::randomMapsNeverCrash()
{
    // Maps of our keys with values of any type, as a damaged or foreign file would give them.
    QRandomGenerator random(20240601);
    const QString keys[] = {
        QStringLiteral("version"), QStringLiteral("program"),          QStringLiteral("arguments"),
        QStringLiteral("shell"),   QStringLiteral("workingDirectory"), QStringLiteral("line"),
        QStringLiteral("other")};
    const auto randomText = [&random] {
        QString text;
        const int size = int(random.bounded(12));
        for (int i = 0; i < size; ++i)
            text += QChar(char16_t(random.bounded(0x20, 0x7f)));
        return text;
    };
    const auto randomValue = [&]() -> QVariant {
        switch (random.bounded(7)) {
        case 0:
            return int(random.generate());
        case 1:
            return randomText();
        case 2:
            return QStringList{randomText(), randomText()};
        case 3:
            return QVariantList{randomText(), int(random.bounded(9))};
        case 4:
            return random.bounded(2) == 1;
        case 5:
            return QVariant();
        default:
            return QVariantMap{{randomText(), randomText()}};
        }
    };
    int valid = 0;
    for (int i = 0; i < 3000; ++i) {
        QVariantMap map;
        const int size = int(random.bounded(7));
        for (int k = 0; k < size; ++k)
            map.insert(keys[random.bounded(7)], randomValue());
        QString error;
        const CommandSpec spec = CommandSpec::fromVariantMap(map, &error);
        QCOMPARE(spec.isValid(), error.isEmpty());
        valid += spec.isValid() ? 1 : 0;
    }
    qInfo("%d of 3000 random maps were commands", valid);
}

QTEST_GUILESS_MAIN(tst_CommandSpec)
#include "tst_commandspec.moc"
