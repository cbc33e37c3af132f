#include <TaskRunner/commandspec.h>

#include <QCoreApplication>

#include <algorithm>
#include <optional>

namespace TaskRunner {

namespace {

constexpr int formatVersion = 1;
constexpr QStringView shellProgram = u"/bin/sh";

// The blanks that separate words in a shell (its default IFS, plus CR and the other ASCII
// spaces, which a pasted line may carry).
bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\v' || c == u'\f';
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// POSIX word splitting and quote removal, with nothing expanded: '…' keeps everything as it
// is, "…" lets a backslash escape only $ ` " \ and a newline, and outside quotes a backslash
// escapes any character (and a backslash-newline joins lines). QProcess::splitCommand() is not
// used: it knows only double quotes, so `grep 'a b'` would pass 'a and b', and it cannot report
// an unclosed quote.
std::optional<QStringList> splitWords(QStringView line, QString *error)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    qsizetype quoteAt = -1;
    const qsizetype size = line.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = line[i];
        if (quote == u'\'') {
            if (c == u'\'')
                quote = QChar();
            else
                word += c;
        } else if (quote == u'"') {
            if (c == u'"') {
                quote = QChar();
            } else if (c == u'\\' && i + 1 < size &&
                       QStringView(u"$`\"\\\n").contains(line[i + 1])) {
                if (line[++i] != u'\n')
                    word += line[i];
            } else {
                word += c;
            }
        } else if (isBlank(c)) {
            if (inWord)
                words.append(std::exchange(word, QString()));
            inWord = false;
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            quoteAt = i;
            inWord = true;
        } else if (c == u'\\' && i + 1 < size) {
            if (line[++i] != u'\n') {
                word += line[i];
                inWord = true;
            }
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull()) {
        setError(error, QCoreApplication::translate(
                            "TaskRunner::CommandSpec",
                            "unbalanced quotes: the %1 at column %2 is never closed")
                            .arg(quote)
                            .arg(quoteAt + 1));
        return std::nullopt;
    }
    if (inWord)
        words.append(word);
    return words;
}

bool isShellSpecial(QChar c)
{
    return isBlank(c) || QStringView(u"'\"\\$`*?[]{}()<>|&;#~").contains(c) ||
           c.category() == QChar::Other_Control;
}

// A string-list field as QSettings, JSON and QDataStream give it back.
std::optional<QStringList> toStringList(const QVariant &value)
{
    if (!value.isValid())
        return QStringList();
    switch (value.typeId()) {
    case QMetaType::QStringList:
        return value.toStringList();
    case QMetaType::QString: // QSettings reads a list of one back as its string
        return QStringList{value.toString()};
    case QMetaType::QVariantList: {
        QStringList list;
        for (const QVariant &item : value.toList()) {
            if (item.typeId() != QMetaType::QString)
                return std::nullopt;
            list.append(item.toString());
        }
        return list;
    }
    default:
        return std::nullopt;
    }
}

std::optional<QString> toString(const QVariant &value)
{
    if (!value.isValid())
        return QString();
    if (value.typeId() != QMetaType::QString)
        return std::nullopt;
    return value.toString();
}

// A bool, or the "true"/"false" that a text format stores.
std::optional<bool> toBool(const QVariant &value)
{
    if (!value.isValid())
        return false;
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString();
        if (text == u"true")
            return true;
        if (text == u"false")
            return false;
    }
    return std::nullopt;
}

} // namespace

CommandSpec CommandSpec::fromLine(const QString &line, bool useShell, QString *error)
{
    if (line.trimmed().isEmpty()) {
        setError(error,
                 QCoreApplication::translate("TaskRunner::CommandSpec", "the command is empty"));
        return {};
    }
    CommandSpec spec;
    spec.line = line;
    spec.useShell = useShell;
    if (useShell) {
        spec.program = shellProgram.toString();
        spec.arguments = QStringList{QStringLiteral("-c"), line};
        return spec;
    }
    std::optional<QStringList> words = splitWords(line, error);
    if (!words)
        return {};
    if (words->isEmpty() || words->constFirst().isEmpty()) { // only '' or ""
        setError(error, QCoreApplication::translate("TaskRunner::CommandSpec",
                                                    "the command names no program"));
        return {};
    }
    spec.program = words->takeFirst();
    spec.arguments = std::move(*words);
    return spec;
}

QString CommandSpec::quoted(const QString &word)
{
    if (!word.isEmpty() && std::none_of(word.begin(), word.end(), isShellSpecial))
        return word;
    QString result = QStringLiteral("'");
    for (QChar c : word) {
        if (c == u'\'')
            result += QStringLiteral("'\\''");
        else
            result += c;
    }
    result += u'\'';
    return result;
}

QString CommandSpec::displayText() const
{
    if (!line.isEmpty())
        return line;
    if (program.isEmpty())
        return {};
    QStringList words{quoted(program)};
    for (const QString &argument : arguments)
        words.append(quoted(argument));
    return words.join(u' ');
}

QVariantMap CommandSpec::toVariantMap() const
{
    QVariantMap map;
    map.insert(QStringLiteral("version"), formatVersion);
    map.insert(QStringLiteral("program"), program);
    map.insert(QStringLiteral("arguments"), arguments);
    map.insert(QStringLiteral("workingDirectory"), workingDirectory);
    map.insert(QStringLiteral("shell"), useShell);
    map.insert(QStringLiteral("line"), line);
    return map;
}

CommandSpec CommandSpec::fromVariantMap(const QVariantMap &map, QString *error)
{
    const auto fail = [error](const QString &reason) {
        setError(error,
                 QCoreApplication::translate("TaskRunner::CommandSpec", "not a saved command: %1")
                     .arg(reason));
        return CommandSpec();
    };
    if (map.isEmpty())
        return fail(QCoreApplication::translate("TaskRunner::CommandSpec", "it is empty"));

    const QVariant version = map.value(QStringLiteral("version"));
    if (version.isValid()) {
        bool ok = false;
        const int number = version.toInt(&ok);
        if (!ok || number < 1)
            return fail(QCoreApplication::translate("TaskRunner::CommandSpec",
                                                    "its version is not a number"));
        if (number > formatVersion)
            return fail(QCoreApplication::translate("TaskRunner::CommandSpec",
                                                    "it was saved by a newer version (format %1)")
                            .arg(number));
    }

    const std::optional<QString> program = toString(map.value(QStringLiteral("program")));
    const std::optional<QStringList> arguments =
        toStringList(map.value(QStringLiteral("arguments")));
    const std::optional<QString> folder = toString(map.value(QStringLiteral("workingDirectory")));
    const std::optional<bool> shell = toBool(map.value(QStringLiteral("shell")));
    const std::optional<QString> line = toString(map.value(QStringLiteral("line")));
    if (!program)
        return fail(
            QCoreApplication::translate("TaskRunner::CommandSpec", "'program' is not text"));
    if (!arguments)
        return fail(QCoreApplication::translate("TaskRunner::CommandSpec",
                                                "'arguments' is not a list of text"));
    if (!folder)
        return fail(QCoreApplication::translate("TaskRunner::CommandSpec",
                                                "'workingDirectory' is not text"));
    if (!shell)
        return fail(
            QCoreApplication::translate("TaskRunner::CommandSpec", "'shell' is not true or false"));
    if (!line)
        return fail(QCoreApplication::translate("TaskRunner::CommandSpec", "'line' is not text"));

    CommandSpec spec;
    if (*shell || program->isEmpty()) {
        // What runs follows from the line: the stored program and arguments cannot make a
        // shell line run something else.
        QString reason;
        spec = fromLine(*line, *shell, &reason);
        if (!spec.isValid())
            return fail(line->trimmed().isEmpty()
                            ? QCoreApplication::translate("TaskRunner::CommandSpec",
                                                          "there is nothing to run")
                            : reason);
    } else {
        spec.program = *program;
        spec.arguments = *arguments;
        spec.line = *line;
    }
    spec.workingDirectory = *folder;
    return spec;
}

} // namespace TaskRunner
