#pragma once

#include <QString>

#include <optional>
#include <utility>

// A value or a sentence saying why there is none. Used wherever input from a server, a file or an
// agent is read, so that every failure carries a message a person can act on.
template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    static Result failure(QString error) { return Result(std::move(error), FailureTag{}); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    const QString &error() const { return m_error; }

private:
    struct FailureTag {};
    Result(QString error, FailureTag) : m_error(std::move(error)) {}

    std::optional<T> m_value;
    QString m_error;
};

// Success, or a sentence saying why an operation that gives nothing back failed. Default-constructed
// is success, so `return {};` reads as "done"; a failure always carries a non-empty sentence.
template<>
class Result<void>
{
public:
    Result() = default;
    static Result failure(QString error)
    {
        Q_ASSERT_X(!error.isEmpty(), "Result<void>::failure", "a failure must say why");
        Result result;
        result.m_failed = true;
        result.m_error = std::move(error);
        return result;
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_error; }

private:
    bool m_failed = false;
    QString m_error;
};
