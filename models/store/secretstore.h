#pragma once

#include "../core/result.h"

#include <QObject>
#include <QString>

#include <functional>

// Where tokens live: the OS keychain in the application, memory in tests. Asynchronous because
// keychains are (they may ask the person to unlock).
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using ReadCallback = std::function<void(Result<QString> secret)>;
    using WriteCallback = std::function<void(QString error)>; // empty error: stored

    explicit SecretStore(QObject *parent = nullptr) : QObject(parent) {}

    virtual void readSecret(const QString &name, ReadCallback done) = 0;
    virtual void writeSecret(const QString &name, const QString &secret, WriteCallback done) = 0;
    virtual void removeSecret(const QString &name, WriteCallback done) = 0;
};
