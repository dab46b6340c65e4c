#pragma once

#include "../core/proposal.h"
#include "flagstore.h"

struct FlagHealth;

// A proposal about a flag as the store holds it now — its revision and state — with the
// guardrail verdicts as its evidence, and the risk its action carries. Made by FlagDeck itself
// (the sandbox's agent, a guard), never by an outside agent, which goes through `flagdeck mcp`.
// controlId names the variation the candidates were measured against, so a reviewer reads each
// difference against it.
Proposal evidencedProposal(const FlagStore::Entry &row, FlagAction action, const QString &reason,
                           const FlagHealth &health, const Proposer &proposer, const QString &controlId = {});
