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
    using CheckCallback = std::function<void(QString problem)>; // empty problem: tokens can be stored

    explicit SecretStore(QObject *parent = nullptr) : QObject(parent) {}

    virtual void readSecret(const QString &name, ReadCallback done) = 0;
    virtual void writeSecret(const QString &name, const QString &secret, WriteCallback done) = 0;
    virtual void removeSecret(const QString &name, WriteCallback done) = 0;
    // Whether a token could be stored at all, asked before a person types one in; the problem says
    // what to install or unlock. A store that is always there (memory, files) answers at once.
    virtual void checkAvailable(CheckCallback done) { done({}); }
};
