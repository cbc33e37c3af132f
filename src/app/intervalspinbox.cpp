#include "intervalspinbox.h"

#include <TaskRunner/globalrunner.h>

#include <QLineEdit>

#include <cmath>
#include <utility>

IntervalSpinBox::IntervalSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    // Typed text (the spin box holds back the field's signals when it sets the text itself),
    // and values set by the program.
    connect(lineEdit(), &QLineEdit::textChanged, this, &IntervalSpinBox::updateHint);
    connect(this, &QDoubleSpinBox::valueChanged, this, &IntervalSpinBox::updateHint);
    // Enter or focus out has put the last interval back into the field if the text was none.
    // The next time editing finishes (the focus leaves the field, or Enter again) the note
    // has been read: it goes, rather than stay beside a field that shows a valid interval.
    connect(this, &QAbstractSpinBox::editingFinished, this, [this] {
        if (m_refused.isEmpty()) {
            if (std::exchange(m_stays, false))
                updateHint();
            return;
        }
        setHint(tr("%1 The interval stays %2.")
                    .arg(std::exchange(m_refused, QString()), textFromValue(value()) + suffix()),
                true);
        m_stays = true;
    });
}

QValidator::State IntervalSpinBox::validate(QString &text, int &pos) const
{
    const QString decimalPoint = locale().decimalPoint();
    if (decimalPoint.size() == 1) { // no other locale is known; else leave it to QDoubleSpinBox
        const QChar point = decimalPoint.front();
        // Only the number between the prefix and the suffix: those may hold points of their own.
        const qsizetype start = text.startsWith(prefix()) ? prefix().size() : 0;
        const qsizetype end = text.endsWith(suffix()) ? text.size() - suffix().size() : text.size();
        for (qsizetype i = start; i < end; ++i) {
            const QChar c = text.at(i);
            if (c == QLatin1Char(',') || c == QLatin1Char('.'))
                text[i] = point; // one character for one: the cursor stays where it is
        }
    }
    // What QDoubleSpinBox would refuse as it is typed stays in the field, said to be wrong; what
    // it would take but problemOf() does not ("1e3") is not taken either.
    const QValidator::State state = QDoubleSpinBox::validate(text, pos);
    if (state == QValidator::Invalid ||
        (state == QValidator::Acceptable && !problemOf(text).isEmpty()))
        return QValidator::Intermediate;
    return state;
}

void IntervalSpinBox::refreshHint()
{
    m_refused.clear();
    updateHint();
}

void IntervalSpinBox::stepBy(int steps)
{
    m_refused.clear(); // the arrows replace what was typed
    QDoubleSpinBox::stepBy(steps);
}

QString IntervalSpinBox::rangeText() const
{
    return tr("from %1 s to %2 s (%3)")
        .arg(textFromValue(minimum()), locale().toString(maximum(), 'f', 0),
             intervalInWords(maximum()));
}

QString IntervalSpinBox::problemOf(const QString &shownText) const
{
    QString number = shownText;
    if (!prefix().isEmpty() && number.startsWith(prefix()))
        number.remove(0, prefix().size());
    if (!suffix().isEmpty() && number.endsWith(suffix()))
        number.chop(suffix().size());
    number = number.trimmed();
    if (number.isEmpty())
        return tr("Type a number of seconds, %1.").arg(rangeText());
    const QString point = locale().decimalPoint();
    bool ok = false;
    const double seconds = locale().toDouble(number, &ok);
    // Digits and one decimal point only: no exponent, sign, group separator or second point.
    bool digitsOnly = number.count(point) <= 1;
    for (const QChar c : std::as_const(number))
        digitsOnly = digitsOnly && (c.isDigit() || QString(c) == point);
    if (!ok || !digitsOnly || !std::isfinite(seconds))
        return tr("“%1” is not a number of seconds: use digits and at most one decimal point, "
                  "%2.")
            .arg(number, rangeText());
    const qsizetype pointAt = number.indexOf(point);
    if (pointAt >= 0 && number.size() - pointAt - 1 > decimals())
        return tr("At most %n decimal(s): the shortest interval is %1 s.", nullptr, decimals())
            .arg(textFromValue(minimum()));
    if (seconds < minimum())
        return tr("%1 s is shorter than the shortest interval, %2 s.")
            .arg(number, textFromValue(minimum()));
    if (seconds > maximum())
        return tr("%1 s is longer than the longest interval, %2 s (%3).")
            .arg(number, locale().toString(maximum(), 'f', 0), intervalInWords(maximum()));
    return {};
}

void IntervalSpinBox::updateHint()
{
    m_stays = false;
    const QString text = lineEdit()->text();
    const QString problem = problemOf(text);
    if (!problem.isEmpty()) {
        m_refused = problem;
        return setHint(problem, true);
    }
    if (lineEdit()->isModified()) // typed: the text is what counts, not the refused before
        m_refused.clear();
    const double seconds = valueFromText(text);
    setHint(seconds >= 60 ? tr("= %1").arg(intervalInWords(seconds)) : QString(), false);
}

void IntervalSpinBox::setHint(const QString &hint, bool problem)
{
    if (hint == m_hint && problem == m_problem)
        return;
    m_hint = hint;
    m_problem = problem;
    setAccessibleDescription(hint);
    emit hintChanged(hint, problem);
}

QString intervalInWords(double seconds)
{
    struct Unit
    {
        qint64 seconds;
        const char *text;
    };
    // The units' plural forms, found by lupdate in this list.
    static const Unit units[] = {
        {365 * 86400, QT_TRANSLATE_N_NOOP("IntervalSpinBox", "%n year(s)")},
        {86400, QT_TRANSLATE_N_NOOP("IntervalSpinBox", "%n day(s)")},
        {3600, QT_TRANSLATE_N_NOOP("IntervalSpinBox", "%n hour(s)")},
        {60, QT_TRANSLATE_N_NOOP("IntervalSpinBox", "%n minute(s)")},
        {1, QT_TRANSLATE_N_NOOP("IntervalSpinBox", "%n second(s)")},
    };
    qint64 left = std::llround(seconds);
    QStringList parts;
    for (const Unit &unit : units) {
        const qint64 count = left / unit.seconds;
        if (count > 0)
            parts << IntervalSpinBox::tr(unit.text, nullptr, int(count));
        else if (!parts.isEmpty())
            break; // "1 year" rather than "1 year 0 days"; the two largest that follow
        left %= unit.seconds;
        if (parts.size() == 2)
            break;
    }
    if (parts.isEmpty())
        return IntervalSpinBox::tr("%n second(s)", nullptr, 0);
    return parts.size() == 1 ? parts.front()
                             : IntervalSpinBox::tr("%1 %2", "two units of an interval")
                                   .arg(parts.front(), parts.back());
}
