"""The chain's follow-up rules (data, versioned in `chain_rule`; see sync.protocol.followups)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sync.protocol.followups import DEFAULT_FOLLOWUP_RULES, FollowupRules, FollowupRulesVersion
from sync.server import chain_rules

RULES_KIND = "followup"


def current(session: Session) -> FollowupRules:
    return chain_rules.current(session, RULES_KIND, FollowupRules, DEFAULT_FOLLOWUP_RULES)


def current_version(session: Session) -> FollowupRulesVersion:
    version, rules, updated_at, updated_by = chain_rules.versioned(
        session, RULES_KIND, FollowupRules, DEFAULT_FOLLOWUP_RULES
    )
    return FollowupRulesVersion(
        version=version, rules=rules, updated_at=updated_at, updated_by=updated_by
    )


def replace(session: Session, rules: FollowupRules, staff_id: str) -> int:
    return chain_rules.store(session, RULES_KIND, rules.model_dump_json(), staff_id)
