"""The follow-up planner: the chain's rules (sync.protocol.followups) applied to what happened,
making follow-ups with an owner, a store, a due moment, a reason, and what they are about.

A run finds candidates (sync.server.planner_triggers), drops those already planned (the unique
`plan_key`: running twice, or on two API workers at once, plans each thing once), then per
batch of customers, in one transaction each:

- the channel: the first of the rule's channels the customer agreed to (marketing), or can be
  reached on and did not refuse (service);
- the moment: from the customer's own history (sync.server.timing), outside the quiet hours,
  and for marketing under the frequency cap counted over every follow-up the customer has,
  whoever planned it;
- the owner: the staff member of the visit, sale or hold; else the customer's preferred staff
  member; else a manager of the store.

On PostgreSQL a run's batches take one advisory lock, so two planners never count the cap at
the same moment; SQLite's writers queue anyway. A batch is written in a few statements; if it
fails, row by row, so one bad row is logged and skipped and the rest are planned.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import new_id
from sync.protocol.followups import SERVICE_TRIGGERS, FollowupRules, PlannerReport
from sync.server import followup_rules
from sync.server.buckets import customers_bucket
from sync.server.bulk_sql import chunk_size, chunks, insert_many, one_of
from sync.server.changes import record_changes, touched_buckets
from sync.server.db import write_session
from sync.server.documents import followup_data, publish_customer_child
from sync.server.middleware import where_it_failed
from sync.server.models import (
    Activity,
    Consent,
    Customer,
    CustomerIdentity,
    FollowUp,
    Interest,
    Order,
    Staff,
    table_of,
)
from sync.server.pgnotify import notify_buckets
from sync.server.planner_triggers import FINDERS, Candidate, Context, store_zones
from sync.server.timeutil import as_utc, utcnow
from sync.server.timing import (
    Signal,
    candidate_days,
    choose_time,
    fits_cap,
    late_days,
    service_time,
)

log = logging.getLogger(__name__)

PLANNER_LOCK_KEY = 734_211_905  # any fixed number: the advisory lock of planner batches
BATCH_CUSTOMERS = 500
HISTORY = timedelta(days=730)  # the history timing is read from
COUNTED = ("planned", "sent", "done")  # follow-ups that count against the frequency cap
ENGAGED = ("open", "opened", "click", "clicked")
ONLINE = ("online", "app")


def plan(
    engine: Engine,
    now: datetime | None = None,
    publish: Callable[[Iterable[str]], None] | None = None,
) -> PlannerReport:
    now = as_utc(now or utcnow())
    report = PlannerReport(
        created={}, skipped_no_channel=0, skipped_cap=0, skipped_no_owner=0, already_planned=0
    )
    with write_session(engine) as session:  # back-in-stock watches are written as found
        rules = followup_rules.current(session)
        ctx = Context(session, rules, now, store_zones(session))
        found: list[Candidate] = []
        for rule in rules.rules:
            if rule.enabled:
                found.extend(FINDERS[rule.trigger](ctx, rule))
    fresh = _not_planned(engine, found, report)
    by_customer: dict[str, list[Candidate]] = {}
    for candidate in fresh:
        by_customer.setdefault(candidate.customer_id, []).append(candidate)
    for part in chunks(list(by_customer), BATCH_CUSTOMERS):
        with write_session(engine) as session:
            if session.get_bind().dialect.name == "postgresql":
                session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PLANNER_LOCK_KEY})
            batch = _Batch(session, rules, now, ctx.zones, part)
            for customer_id in part:
                for candidate in by_customer[customer_id]:
                    batch.place(candidate, report)
            batch.write(report)
            touched = touched_buckets(session)
            notify_buckets(session, touched)
        if publish is not None and touched:
            publish(touched)
    return report


def _not_planned(engine: Engine, found: list[Candidate], report: PlannerReport) -> list[Candidate]:
    unique = {c.key: c for c in found}
    if not unique:
        return []
    taken: set[str] = set()
    with write_session(engine) as session:
        for part in chunks(list(unique), chunk_size(session)):
            rows = session.execute(
                select(FollowUp).where(one_of(session, col(FollowUp.plan_key), part))
            ).scalars()
            for row in rows:
                assert row.plan_key is not None
                taken.add(row.plan_key)
                _add_interests(session, row, unique[row.plan_key])
    report.already_planned += len(taken)
    return [c for key, c in unique.items() if key not in taken]


def _add_interests(session: Session, row: FollowUp, candidate: Candidate) -> None:
    """Interests logged later at the same visit join the follow-up still planned for it."""
    have: list[str] = json.loads(row.interest_ids_json)
    new = [i for i in candidate.interest_ids if i not in have]
    if not new or row.status != "planned":
        return
    row.interest_ids_json = json.dumps(have + new)
    skus: list[str] = json.loads(row.skus_json)
    row.skus_json = json.dumps(skus + [s for s in candidate.skus if s not in skus])
    cats: list[str] = json.loads(row.categories_json)
    row.categories_json = json.dumps(cats + [c for c in candidate.categories if c not in cats])
    row.updated_at = utcnow()
    session.flush()
    customer = session.get(Customer, row.customer_id)
    if customer is not None:
        publish_customer_child(session, customer.region, "followup", row.id, followup_data(row))


class _Row(SimpleNamespace):
    """A follow-up row to insert (its columns as attributes; a table model's constructor
    costs most of a millisecond, a thousandth of a second per follow-up at chain scale)."""

    id: str
    plan_key: str
    rule_code: str
    due_date: date


class _Batch:
    """What planning needs to know of a batch of customers, loaded in a few queries."""

    def __init__(
        self,
        session: Session,
        rules: FollowupRules,
        now: datetime,
        zones: dict[str, ZoneInfo],
        customer_ids: list[str],
    ) -> None:
        self.session, self.rules, self.now, self.zones = session, rules, now, zones
        wanted: list[Any] = [
            Customer.id,
            Customer.email,
            Customer.phone,
            Customer.preferred_staff_id,
            Customer.merged_into,
            Customer.region,
        ]
        self.customers = {
            c.id: c
            for c in session.execute(
                select(*wanted).where(one_of(session, col(Customer.id), customer_ids))
            ).all()
        }
        self.consents = self._consents(customer_ids)
        self.lines = self._line_users(customer_ids)
        self.signals = self._signals(customer_ids)
        self.planned = self._planned(customer_ids)
        self.managers: dict[str, str | None] = {}
        self.rows: list[tuple[_Row, str]] = []  # planned in this batch, with the region

    def _consents(self, ids: list[str]) -> dict[str, dict[tuple[str, str], str]]:
        """The ledger's latest state per (purpose, channel) of each customer."""
        rows = self.session.execute(
            select(
                col(Consent.customer_id),
                col(Consent.purpose),
                col(Consent.channel),
                col(Consent.state),
            )
            .where(one_of(self.session, col(Consent.customer_id), ids))
            .order_by(col(Consent.recorded_at), col(Consent.id))
        ).all()
        latest: dict[str, dict[tuple[str, str], str]] = {}
        for cid, purpose, channel, state in rows:
            latest.setdefault(cid, {})[(purpose, channel)] = state
        return latest

    def _line_users(self, ids: list[str]) -> set[str]:
        rows = self.session.execute(
            select(CustomerIdentity.customer_id).where(
                one_of(self.session, col(CustomerIdentity.customer_id), ids),
                col(CustomerIdentity.kind) == "line_user",
            )
        ).scalars()
        return set(rows)

    def _signals(self, ids: list[str]) -> dict[str, list[Signal]]:
        since = self.now - HISTORY
        found: dict[str, list[Signal]] = {cid: [] for cid in ids}
        visit_days: dict[str, dict[date, datetime]] = {cid: {} for cid in ids}
        orders = self.session.execute(
            select(Order.customer_id, Order.channel, Order.ordered_at).where(
                one_of(self.session, col(Order.customer_id), ids),
                col(Order.ordered_at) >= since,
            )
        ).all()
        for cid, channel, at in orders:
            at = as_utc(at)
            if channel == "store":
                visit_days[cid].setdefault(at.date(), at)
            elif channel in ONLINE:
                found[cid].append(Signal("online_orders", at))
        interests = self.session.execute(
            select(Interest.customer_id, Interest.created_at).where(
                one_of(self.session, col(Interest.customer_id), ids),
                col(Interest.created_at) >= since,
            )
        ).all()
        for cid, at in interests:
            at = as_utc(at)
            day = visit_days[cid]
            day[at.date()] = min(day.get(at.date(), at), at)
        engaged = self.session.execute(
            select(Activity.customer_id, Activity.occurred_at).where(
                one_of(self.session, col(Activity.customer_id), ids),
                col(Activity.channel) == "email",
                col(Activity.kind).in_(ENGAGED),
                col(Activity.occurred_at) >= since,
            )
        ).all()
        for cid, at in engaged:
            found[cid].append(Signal("email_engagement", as_utc(at)))
        for cid, days in visit_days.items():
            found[cid].extend(Signal("store_visits", at) for at in days.values())
        return found

    def _planned(self, ids: list[str]) -> dict[str, list[date]]:
        rows = self.session.execute(
            select(col(FollowUp.customer_id), col(FollowUp.due_date)).where(
                one_of(self.session, col(FollowUp.customer_id), ids),
                col(FollowUp.status).in_(COUNTED),
                col(FollowUp.purpose) == "marketing",
                col(FollowUp.due_date) >= self.now.date() - timedelta(days=90),
            )
        ).all()
        planned: dict[str, list[date]] = {cid: [] for cid in ids}
        for cid, due in rows:
            planned[cid].append(due)
        return planned

    def _channel(self, candidate: Candidate, customer: Any) -> str | None:
        """The rule's first channel the customer can be reached on and allows: a grant for
        marketing, no withdrawal for service."""
        latest = self.consents.get(customer.id, {})
        reachable = {
            "email": bool(customer.email),
            "sms": bool(customer.phone),
            "phone": bool(customer.phone),
            "line": customer.id in self.lines,
        }
        if candidate.rule.trigger not in SERVICE_TRIGGERS:
            return next(
                (
                    ch
                    for ch in candidate.rule.channels
                    if reachable.get(ch, True) and latest.get(("marketing", ch)) == "granted"
                ),
                None,
            )
        return next(
            (
                ch
                for ch in candidate.rule.channels
                if reachable.get(ch) and latest.get(("service", ch)) != "withdrawn"
            ),
            None,
        )

    def _owner(self, candidate: Candidate, customer: Any) -> str | None:
        if candidate.staff_id:
            return candidate.staff_id
        if customer.preferred_staff_id:
            return str(customer.preferred_staff_id)
        store = candidate.store_id
        if store not in self.managers:
            self.managers[store] = self.session.execute(
                select(Staff.id)
                .where(col(Staff.store_id) == store, col(Staff.active).is_(True))
                .order_by((col(Staff.role) == "manager").desc(), col(Staff.code))
                .limit(1)
            ).scalar_one_or_none()
        return self.managers[store]

    def place(self, candidate: Candidate, report: PlannerReport) -> None:
        customer = self.customers.get(candidate.customer_id)
        if customer is None or customer.merged_into is not None:
            return
        channel = self._channel(candidate, customer)
        if channel is None:
            report.skipped_no_channel += 1
            return
        owner = self._owner(candidate, customer)
        if owner is None:
            report.skipped_no_owner += 1
            return
        zone = self.zones.get(candidate.store_id, ZoneInfo("Asia/Tokyo"))
        service = candidate.rule.trigger in SERVICE_TRIGGERS
        timing_json: str | None = None
        if candidate.target is not None:
            due = service_time(candidate.target, zone, self.rules.quiet_hours, candidate.latest)
        else:
            assert candidate.anchor is not None
            rule = candidate.rule
            today = self.now.astimezone(zone).date()
            days = candidate_days(
                candidate.anchor, rule.offset_days, rule.window_days, rule.before_weekend, today
            )
            if not days and candidate.occasion is not None:
                days = late_days(candidate.occasion, rule.offset_days, rule.window_days, today)
            cap = self.rules.frequency_cap
            planned = self.planned[customer.id]
            chosen = choose_time(
                days,
                self.signals[customer.id],
                zone,
                self.rules.quiet_hours,
                self.rules.default_hour,
                lambda d: fits_cap(planned, d, cap.max_contacts, cap.per_days),
            )
            if chosen is None:
                if days:
                    report.skipped_cap += 1
                return
            due, timing = chosen
            timing_json = timing.model_dump_json()
        row = _Row(
            id=new_id(),
            customer_id=customer.id,
            store_id=candidate.store_id,
            staff_id=owner,
            due_date=due.astimezone(zone).date(),
            due_at=as_utc(due),
            channel=channel,
            kind=candidate.kind,
            status="planned",
            skus_json=json.dumps(candidate.skus),
            note="",
            created_at=self.now,
            rule_code=candidate.rule.code,
            plan_key=candidate.key,
            purpose="service" if service else "marketing",
            timing_json=timing_json,
            interest_ids_json=json.dumps(candidate.interest_ids),
            order_ids_json=json.dumps(candidate.order_ids),
            categories_json=json.dumps(candidate.categories),
            reservation_id=candidate.reservation_id,
            updated_at=self.now,
            outcome="",
            result=None,
            message_status=None,
            message_at=None,
            credited_order_id=None,
            credited_jpy=None,
        )
        if not service:
            self.planned[customer.id].append(row.due_date)
        self.rows.append((row, customer.region))

    def write(self, report: PlannerReport) -> None:
        """Insert what was planned in one statement and publish it in one more per region;
        keys another planner took meanwhile are left out. Should the batch fail as a whole,
        each row is tried on its own, so one bad row leaves the rest planned."""
        taken = set(
            self.session.execute(
                select(FollowUp.plan_key).where(
                    one_of(self.session, col(FollowUp.plan_key), [r.plan_key for r, _ in self.rows])
                )
            ).scalars()
        )
        fresh = [(r, region) for r, region in self.rows if r.plan_key not in taken]
        report.already_planned += len(self.rows) - len(fresh)
        try:
            with self.session.begin_nested():
                self._insert(fresh)
        except Exception as exc:
            log.warning("planning a batch failed (%s): row by row", where_it_failed(exc))
            kept = []
            for one in fresh:
                try:
                    with self.session.begin_nested():
                        self._insert([one])
                    kept.append(one)
                except Exception as row_exc:
                    log.warning("could not plan %s: %s", one[0].rule_code, where_it_failed(row_exc))
            fresh = kept
        for row, _ in fresh:
            code = row.rule_code or ""
            report.created[code] = report.created.get(code, 0) + 1

    def _insert(self, rows: list[tuple[_Row, str]]) -> None:
        insert_many(self.session, table_of(FollowUp), [vars(r) for r, _ in rows])
        by_region: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
        for row, region in rows:
            data = cast(dict[str, Any], followup_data(cast(FollowUp, row)))
            by_region.setdefault(region, []).append(("followup", row.id, data))
        for region, changes in by_region.items():
            record_changes(self.session, customers_bucket(region), changes)
