#include <TaskRunner/taskcontext.h>

#include "runnercore.h"
#include "taskcontrol.h"

#include <algorithm>
#include <limits>

namespace TaskRunner {

namespace {
thread_local TaskContext *t_current = nullptr;
}

TaskContext::TaskContext(detail::TaskControl *control, TaskId id, qint64 outputLimit)
    : m_control(control)
    , m_id(id)
    , m_outputLimit(outputLimit)
{
    t_current = this;
}

TaskContext::~TaskContext()
{
    if (t_current == this)
        t_current = nullptr;
}

TaskContext *TaskContext::current()
{
    return t_current;
}

bool TaskContext::isCancelled() const noexcept
{
    return m_control->isCancelled(m_id);
}

bool TaskContext::waitFor(std::chrono::nanoseconds duration) const
{
    return m_control->waitFor(m_id, duration);
}

namespace {
// QFuture's progress is an int: a larger range is scaled down to fit. The range is given again
// only when it changed (each call takes the future's mutex and tells its watchers).
void reportFutureProgress(detail::TaskControl &control, QFutureInterfaceBase &future, qint64 value,
                          qint64 maximum)
{
    constexpr qint64 limit = std::numeric_limits<int>::max();
    const qint64 divisor = maximum > limit ? maximum / limit + 1 : 1;
    if (control.futureMaximum.exchange(maximum, std::memory_order_relaxed) != maximum)
        future.setProgressRange(0, int(std::clamp<qint64>(maximum / divisor, 0, limit)));
    future.setProgressValue(int(std::clamp<qint64>(value / divisor, 0, limit)));
}
} // namespace

void TaskContext::setProgress(qint64 value, qint64 maximum)
{
    m_control->progressValue.store(value, std::memory_order_relaxed);
    m_control->progressMaximum.store(maximum, std::memory_order_relaxed);
    if (QFutureInterfaceBase *future = m_control->future.load(std::memory_order_relaxed))
        reportFutureProgress(*m_control, *future, value, maximum);
    m_control->core->reportChange();
}

void TaskContext::setProgressText(const QString &text)
{
    m_control->setProgressText(text);
    m_control->core->reportChange();
}

void TaskContext::appendOutput(QByteArrayView data, OutputChannel channel)
{
    if (data.isEmpty())
        return;
    if (!m_output) {
        m_output = std::make_shared<TaskOutput>(m_outputLimit);
        m_output->append(data, channel);
        m_control->setOutput(m_output);
    } else {
        m_output->append(data, channel);
    }
    m_control->core->reportChange();
}

void TaskContext::setExitCode(int code)
{
    m_exitCode = code;
}

TaskContext::CancelCallback TaskContext::onCancelled(std::function<void()> callback)
{
    if (!callback)
        return {};
    // The control outlives the callback object: the runner keeps it, and so does the object.
    auto control = m_control->core->control;
    const quint64 token = control->addCallback(m_id, std::move(callback));
    return CancelCallback(std::move(control), token);
}

TaskContext::CancelCallback::CancelCallback(std::shared_ptr<detail::TaskControl> control,
                                            quint64 token)
    : m_control(std::move(control))
    , m_token(token)
{}

TaskContext::CancelCallback::CancelCallback(CancelCallback &&other) noexcept
    : m_control(std::move(other.m_control))
    , m_token(std::exchange(other.m_token, 0))
{}

TaskContext::CancelCallback &TaskContext::CancelCallback::operator=(CancelCallback &&other) noexcept
{
    if (this != &other) {
        if (m_control)
            m_control->removeCallback(m_token);
        m_control = std::move(other.m_control);
        m_token = std::exchange(other.m_token, 0);
    }
    return *this;
}

TaskContext::CancelCallback::~CancelCallback()
{
    if (m_control)
        m_control->removeCallback(m_token);
}

} // namespace TaskRunner
