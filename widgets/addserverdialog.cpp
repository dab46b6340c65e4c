#include "addserverdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

AddServerDialog::AddServerDialog(QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_evaluationUrl(new QLineEdit(this))
    , m_form(new QFormLayout)
    , m_token(new QLineEdit(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_result(new QLabel(this))
    , m_secretStoreNotice(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add server connection"));
    setObjectName(QStringLiteral("addServerDialog"));
    m_kind->setObjectName(QStringLiteral("serverKind"));
    m_kind->addItem(tr("FeatBit"), QVariant::fromValue(int(ConnectionConfig::Kind::FeatBit)));
    m_kind->addItem(tr("Unleash"), QVariant::fromValue(int(ConnectionConfig::Kind::Unleash)));
    m_name->setObjectName(QStringLiteral("serverName"));
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_evaluationUrl->setObjectName(QStringLiteral("evaluationUrl"));
    m_evaluationUrl->setPlaceholderText(QStringLiteral("https://featbit-eval.example.com"));
    m_token->setObjectName(QStringLiteral("serverToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    m_secretStoreNotice->setObjectName(QStringLiteral("secretStoreNotice"));
    m_secretStoreNotice->setWordWrap(true);
    m_secretStoreNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_secretStoreNotice->hide();

    m_form->addRow(tr("&Kind:"), m_kind);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&URL:"), m_url);
    m_form->addRow(tr("&Evaluation server:"), m_evaluationUrl);
    m_form->addRow(tr("&Token:"), m_token);
    auto *note = new QLabel(tr("The token is kept in the operating system's keychain, never in FlagDeck's settings. "
                               "Kills and rollout changes run with it, so it needs write access."),
                            this);
    note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_secretStoreNotice);
    layout->addLayout(m_form);
    layout->addWidget(note);
    layout->addWidget(m_test, 0, Qt::AlignLeft);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &AddServerDialog::showKind);
    connect(m_url, &QLineEdit::textChanged, this, &AddServerDialog::updateButtons);
    connect(m_evaluationUrl, &QLineEdit::textChanged, this, &AddServerDialog::updateButtons);
    connect(m_token, &QLineEdit::textChanged, this, &AddServerDialog::updateButtons);
    connect(m_name, &QLineEdit::textChanged, this, &AddServerDialog::updateButtons);
    connect(m_test, &QPushButton::clicked, this, &AddServerDialog::test);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    showKind();
}

void AddServerDialog::showKind()
{
    const bool featBit = connection().kind == ConnectionConfig::Kind::FeatBit;
    const QString previousDefault = featBit ? tr("Unleash") : tr("FeatBit");
    if (m_name->text().isEmpty() || m_name->text() == previousDefault)
        m_name->setText(featBit ? tr("FeatBit") : tr("Unleash"));
    m_form->setRowVisible(m_evaluationUrl, featBit);
    static_cast<QLabel *>(m_form->labelForField(m_url))->setText(featBit ? tr("API &URL:") : tr("&URL:"));
    static_cast<QLabel *>(m_form->labelForField(m_token))->setText(featBit ? tr("Access &token:") : tr("Admin &token:"));
    m_url->setPlaceholderText(featBit ? QStringLiteral("https://featbit-api.example.com") : QStringLiteral("https://unleash.example.com"));
    m_token->setPlaceholderText(featBit ? tr("api-…, an access token with permission to toggle and edit flags")
                                        : tr("an admin token, or a personal access token"));
    m_result->clear();
    updateButtons();
}

void AddServerDialog::setKind(ConnectionConfig::Kind kind)
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(QVariant::fromValue(int(kind)))));
}

ConnectionConfig AddServerDialog::connection() const
{
    ConnectionConfig config;
    config.kind = ConnectionConfig::Kind(m_kind->currentData().toInt());
    config.displayName = m_name->text().trimmed();
    config.url = QUrl(m_url->text().trimmed());
    if (config.kind == ConnectionConfig::Kind::FeatBit)
        config.evaluationUrl = QUrl(m_evaluationUrl->text().trimmed());
    return config;
}

QString AddServerDialog::token() const
{
    return m_token->text().trimmed();
}

QString AddServerDialog::problem() const
{
    const auto badUrl = [](const QLineEdit *field, QStringList schemes) {
        const QUrl url(field->text().trimmed(), QUrl::StrictMode);
        return field->text().trimmed().isEmpty() || !url.isValid() || !schemes.contains(url.scheme()) || url.host().isEmpty();
    };
    if (badUrl(m_url, {QStringLiteral("https"), QStringLiteral("http")}))
        return tr("Enter the server's URL: https:// (or http://) and a host.");
    if (connection().kind == ConnectionConfig::Kind::FeatBit
        && badUrl(m_evaluationUrl, {QStringLiteral("https"), QStringLiteral("http"), QStringLiteral("wss"), QStringLiteral("ws")}))
        return tr("Enter the evaluation server's URL: https:// or wss:// (http:// or ws:// on your own machine) and a host.");
    if (token().isEmpty())
        return tr("Enter the token.");
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the connection a name.");
    return {};
}

void AddServerDialog::updateButtons()
{
    const QString problem = this->problem();
    const bool ready = problem.isEmpty() && !m_testing;
    m_test->setEnabled(ready);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready && !m_secretStoreAnswerPending && !m_secretStoreUnavailable);
    if (!problem.isEmpty()) {
        m_result->setText(problem);
        m_showingProblem = true;
    } else if (m_showingProblem) {
        // Filled in since: "Enter the token." must not stay under complete fields.
        m_result->clear();
        m_showingProblem = false;
    }
}

void AddServerDialog::test()
{
    m_result->setText(tr("Testing…"));
    m_showingProblem = false;
    m_result->setStyleSheet({});
    // Set before asking: the answer may come before the signal returns.
    m_testing = true;
    Q_EMIT testRequested(connection(), token());
    updateButtons();
}

void AddServerDialog::showTestResult(bool ok, const QString &summary)
{
    m_testing = false;
    m_showingProblem = false;
    m_result->setText(ok ? summary : tr("Failed: %1").arg(summary));
    m_result->setProperty("ok", ok);
    m_result->setStyleSheet(ok ? QStringLiteral("color: #1b6e2a;") : QStringLiteral("color: #b3261e;"));
    updateButtons();
}

void AddServerDialog::expectSecretStoreAnswer()
{
    m_secretStoreAnswerPending = true;
    m_secretStoreNotice->setText(tr("Checking the OS keychain…"));
    m_secretStoreNotice->setStyleSheet({});
    m_secretStoreNotice->show();
    updateButtons();
}

void AddServerDialog::showSecretStoreAnswer(const QString &problem)
{
    m_secretStoreAnswerPending = false;
    m_secretStoreUnavailable = !problem.isEmpty();
    m_secretStoreNotice->setText(problem);
    m_secretStoreNotice->setStyleSheet(m_secretStoreUnavailable ? QStringLiteral("color: #b3261e;") : QString());
    m_secretStoreNotice->setVisible(m_secretStoreUnavailable);
    updateButtons();
}
