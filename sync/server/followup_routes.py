"""The routes of the follow-up loop: the chain's rules (managers and admins read and replace
them), a run of the planner on demand (it also runs in the background), and the manager's
dashboard (JSON and CSV)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Annotated

from fastapi import FastAPI, Query
from fastapi.responses import Response
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from sync.protocol.dashboard import DashboardReport
from sync.protocol.followups import FollowupRules, FollowupRulesVersion, PlannerReport
from sync.server import dashboard as dashboard_figures
from sync.server import followup_rules
from sync.server.auth import AuthContext, CurrentStaff, EngineDep
from sync.server.db import read_session, write_session
from sync.server.errors import ApiError
from sync.server.openapi import CONFLICT
from sync.server.planner import plan


def _require_manager(auth: AuthContext, what: str) -> None:
    if auth.role not in ("manager", "admin"):
        raise ApiError(403, "forbidden", f"Only a manager can {what}.")


def get_rules(engine: Engine, auth: AuthContext) -> FollowupRulesVersion:
    _require_manager(auth, "read the follow-up rules")
    with read_session(engine) as session:
        return followup_rules.current_version(session)


def put_rules(engine: Engine, auth: AuthContext, rules: FollowupRules) -> FollowupRulesVersion:
    _require_manager(auth, "change the follow-up rules")
    try:
        with write_session(engine) as session:
            followup_rules.replace(session, rules, auth.staff_id)
    except IntegrityError:
        raise ApiError(
            409, "conflict", "The rules were changed at the same moment; try again."
        ) from None
    with read_session(engine) as session:
        return followup_rules.current_version(session)


def install_followup_routes(app: FastAPI, publish: Callable[[Iterable[str]], None]) -> None:
    @app.get("/v1/followups/rules", tags=["followups"])
    def get_followup_rules(staff: CurrentStaff, engine: EngineDep) -> FollowupRulesVersion:
        """The chain's follow-up rules in force (version 0: the built-in defaults)."""
        return get_rules(engine, staff)

    @app.put("/v1/followups/rules", tags=["followups"], responses=CONFLICT)
    def put_followup_rules(
        staff: CurrentStaff, engine: EngineDep, body: FollowupRules
    ) -> FollowupRulesVersion:
        """Replace the chain's follow-up rules (a new version): managers and admins. What is
        already planned stays; the next run of the planner follows the new rules."""
        return put_rules(engine, staff, body)

    @app.post("/v1/followups/plan", tags=["followups"])
    async def run_planner(staff: CurrentStaff, engine: EngineDep) -> PlannerReport:
        """Run the planner now, by the server's clock (it also runs every few minutes):
        managers and admins."""
        _require_manager(staff, "run the follow-up planner")
        return await run_in_threadpool(plan, engine, None, publish)

    @app.get("/v1/dashboard", tags=["followups"])
    def dashboard(
        staff: CurrentStaff,
        engine: EngineDep,
        since: Annotated[date, Query()],
        until: Annotated[date, Query()],
        store_id: Annotated[str | None, Query(max_length=36)] = None,
    ) -> DashboardReport:
        """The store's follow-up loop from `since` to `until` (days of the store, inclusive):
        follow-ups due, done, overdue; messages sent, blocked, opened, clicked; follow-ups
        credited with a sale and the attributed revenue; in total, per staff member, per day.
        Managers (their store) and admins (any store)."""
        return dashboard_figures.report(engine, staff, store_id, since, until)

    @app.get(
        "/v1/dashboard/export.csv",
        tags=["followups"],
        response_class=Response,
        responses={200: {"content": {"text/csv": {}}}},
    )
    def dashboard_csv(
        staff: CurrentStaff,
        engine: EngineDep,
        since: Annotated[date, Query()],
        until: Annotated[date, Query()],
        store_id: Annotated[str | None, Query(max_length=36)] = None,
    ) -> Response:
        """The dashboard's figures per staff member as CSV (UTF-8 with a BOM, for
        spreadsheets); no cell starts like a formula."""
        found = dashboard_figures.report(engine, staff, store_id, since, until)
        name = f"followups-{found.since.isoformat()}-{found.until.isoformat()}.csv"
        return Response(
            ("\ufeff" + dashboard_figures.as_csv(found)).encode("utf-8"),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
