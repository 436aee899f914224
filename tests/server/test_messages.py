"""Messages for follow-ups, sent by the server: a draft from the template and the profile, a
manager's approval, delivery to a real local SMTP server (Japanese subject, text and HTML,
unsubscribe link), consent checked at send time, exactly once with two dispatchers at once or
one that dies mid-send, retries while the mail server is down (real server over HTTP; SQLite
and PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine

from sync.protocol import new_id
from sync.server.config import Settings
from sync.server.db import read_session, write_session
from sync.server.dispatch import (
    LEASE,
    Dispatcher,
    Outgoing,
    Provider,
    RecordingProvider,
    SmtpEmail,
)
from sync.server.models import Consent, CustomerIdentity, Message
from sync.server.runner import ServerThread
from tests.server.chain import SHIBUYA, UMEDA, tid
from tests.server.conftest import Terminal, mutation, open_terminal
from tests.server.mail import Inbox, free_port

CONSENTING = tid("customer:0")  # marketing by email granted (c0@example.jp)


def _followup(t: Terminal, customer: str = CONSENTING) -> str:
    fid = new_id()
    due = (datetime.now(UTC) + timedelta(days=2)).date().isoformat()
    [r] = t.push(
        mutation(
            "followup.create",
            {
                "id": fid,
                "customer_id": customer,
                "due_date": due,
                "channel": "email",
                "skus": ["HELMET-1"],
            },
        )
    )
    assert r["status"] == "applied", r
    return fid


def _approved(server: ServerThread) -> tuple[Terminal, Terminal, dict[str, Any]]:
    associate = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    fid = _followup(associate)
    r = associate.http.post(f"/v1/followups/{fid}/messages", json={}, headers=associate.auth)
    assert r.status_code == 201, r.text
    draft = r.json()
    r = associate.http.post(f"/v1/messages/{draft['id']}/approve", headers=associate.auth)
    assert r.status_code == 403
    r = manager.http.post(f"/v1/messages/{draft['id']}/approve", headers=manager.auth)
    assert r.status_code == 200 and r.json()["status"] == "approved", r.text
    return associate, manager, r.json()


def _status(engine: Engine, message_id: str) -> Message:
    with read_session(engine) as session:
        row = session.get(Message, message_id)
        assert row is not None
        return row


def _smtp(port: int) -> SmtpEmail:
    return SmtpEmail("127.0.0.1", port, "shop@example.jp", timeout_s=5)


def test_an_approved_message_reaches_the_mail_server_once_when_it_is_due(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    _, _, message = _approved(server)
    assert "渋谷店" in message["subject"] and "山田様" in message["body"]
    assert "ヘルメット" in message["body"]
    dispatcher = Dispatcher(
        engine, {"email": _smtp(port)}, Settings(public_base_url="https://shop.example.jp")
    )
    assert dispatcher.run().sent == 0  # its follow-up is due in two days
    due = datetime.fromisoformat(message["send_after"].replace("Z", "+00:00"))
    assert dispatcher.run(now=due + timedelta(minutes=1)).sent == 1
    assert dispatcher.run(now=due + timedelta(minutes=2)).sent == 0
    [mail] = box.messages
    assert mail["Subject"] == message["subject"]  # decoded from its RFC 2047 words
    assert mail["To"] == "c0@example.jp"
    row = _status(engine, message["id"])
    assert row.status == "sent" and row.key in mail["Message-ID"]
    assert mail["List-Unsubscribe"].strip() == f"<https://shop.example.jp/u/{row.key}>"
    text = mail.get_body(("plain",))
    page = mail.get_body(("html",))
    assert text is not None and page is not None
    assert "山田様" in text.get_content() and f"/u/{row.key}" in text.get_content()
    assert f'href="https://shop.example.jp/u/{row.key}"' in page.get_content()
    raw = mail.as_bytes()
    assert b"=?utf-8?" in raw.lower()  # the Japanese subject travels encoded


def test_consent_withdrawn_after_approval_blocks_the_send(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    associate, _, message = _approved(server)
    [r] = associate.push(
        mutation(
            "consent.record",
            {
                "id": new_id(),
                "customer_id": CONSENTING,
                "purpose": "marketing",
                "channel": "email",
                "state": "withdrawn",
                "wording_version": "counter-2026-12",
            },
        )
    )
    assert r["status"] == "applied", r
    report = Dispatcher(engine, {"email": _smtp(port)}).run(
        now=datetime.now(UTC) + timedelta(days=3)
    )
    assert report.blocked == 1 and report.sent == 0
    row = _status(engine, message["id"])
    assert (row.status, row.blocked_reason) == ("blocked", "no_consent")
    assert box.messages == []
    listed = associate.http.get("/v1/messages?status=blocked", headers=associate.auth).json()
    assert [m["id"] for m in listed["messages"]] == [message["id"]]


def test_a_withdrawal_made_offline_before_the_approval_still_blocks_the_send(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    """A counter terminal offline since the morning took the customer's withdrawal; the
    manager approved the message meanwhile on another terminal; the offline one comes back
    and pushes it: the send, checked at send time, is blocked and recorded."""
    box, port = inbox
    offline = open_terminal(server.base_url, SHIBUYA, "A001", "M001")  # before the approval
    made_at = (datetime.now(UTC) - timedelta(hours=3)).isoformat()
    _, _, message = _approved(server)
    withdrawal = mutation(
        "consent.record",
        {
            "id": new_id(),
            "customer_id": CONSENTING,
            "purpose": "marketing",
            "channel": "email",
            "state": "withdrawn",
            "wording_version": "counter-2026-12",
        },
        client_time=made_at,
    )
    [r] = offline.push(withdrawal)
    assert r["status"] == "applied", r
    report = Dispatcher(engine, {"email": _smtp(port)}).run(
        now=datetime.now(UTC) + timedelta(days=3)
    )
    assert (report.blocked, report.sent) == (1, 0)
    assert _status(engine, message["id"]).blocked_reason == "no_consent"
    assert box.messages == []


def test_the_unsubscribe_link_withdraws_consent(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    _, _, message = _approved(server)
    key = _status(engine, message["id"]).key
    page = httpx.get(f"{server.base_url}/u/{key}")
    assert page.status_code == 200 and "<form" in page.text
    assert httpx.get(f"{server.base_url}/u/{new_id()}").status_code == 404
    assert httpx.get(f"{server.base_url}/u/not%20a%20key").status_code == 422
    done = httpx.post(f"{server.base_url}/u/{key}")
    assert done.status_code == 200
    with read_session(engine) as session:
        latest = (
            session.query(Consent)
            .filter(Consent.customer_id == CONSENTING, Consent.channel == "email")
            .order_by(Consent.recorded_at.desc())  # type: ignore[attr-defined]
            .first()
        )
        assert latest is not None
        assert (latest.state, latest.source) == ("withdrawn", "unsubscribe_link")
    Dispatcher(engine, {"email": _smtp(port)}).run(now=datetime.now(UTC) + timedelta(days=3))
    assert _status(engine, message["id"]).status == "blocked" and box.messages == []
    # The store's terminals see the withdrawal on the profile.
    other = open_terminal(server.base_url, SHIBUYA, "M001")
    other.pull_all()
    consents = other.entities("customer")[CONSENTING]["consents"]
    [email] = [c for c in consents if (c["purpose"], c["channel"]) == ("marketing", "email")]
    assert (email["state"], email["source"]) == ("withdrawn", "unsubscribe_link")


def test_two_dispatchers_at_once_send_every_message_exactly_once(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    box.delay_s = 0.02
    associate = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    ids = []
    for _ in range(12):
        fid = _followup(associate)
        draft = associate.http.post(
            f"/v1/followups/{fid}/messages", json={}, headers=associate.auth
        )
        mid = draft.json()["id"]
        assert manager.http.post(f"/v1/messages/{mid}/approve", headers=manager.auth).is_success
        ids.append(mid)
    later = datetime.now(UTC) + timedelta(days=3)
    barrier = threading.Barrier(2)
    reports: list[Any] = []

    def run() -> None:
        barrier.wait()
        reports.append(Dispatcher(engine, {"email": _smtp(port)}).run(now=later))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.sent for r in reports) == 12
    assert len(box.messages) == 12
    assert len({m["Message-ID"] for m in box.messages}) == 12
    assert {_status(engine, m).status for m in ids} == {"sent"}


class Dies(BaseException):
    """The process dying mid-send (not an error the dispatcher could catch)."""


class DiesAfterSending:
    """`provider` takes the message, then the dispatcher's process dies before it hears so."""

    def __init__(self, provider: Provider) -> None:
        self.provider = provider
        self.name, self.confirms_by_key = provider.name, provider.confirms_by_key

    def send(self, outgoing: Outgoing) -> str:
        self.provider.send(outgoing)
        raise Dies

    def close(self) -> None:
        self.provider.close()


def test_a_dispatcher_that_dies_mid_send_never_sends_twice(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    _, _, message = _approved(server)
    later = datetime.now(UTC) + timedelta(days=3)
    smtp = _smtp(port)

    with pytest.raises(Dies):
        Dispatcher(engine, {"email": DiesAfterSending(smtp)}).run(now=later)
    assert _status(engine, message["id"]).status == "sending"
    # Another dispatcher while the lease holds leaves it alone; after it, the mail server may
    # have it (it does): it is not sent again, and a person decides.
    assert Dispatcher(engine, {"email": smtp}).run(now=later).sent == 0
    report = Dispatcher(engine, {"email": smtp}).run(now=later + LEASE + timedelta(seconds=1))
    assert report.unknown == 1
    assert len(box.messages) == 1
    assert _status(engine, message["id"]).status == "unknown"

    # A provider that deduplicates by key is asked again: still one message, and sent.
    line = RecordingProvider("line")
    associate = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    manager = open_terminal(server.base_url, SHIBUYA, "M001")
    [r] = associate.push(
        mutation(
            "consent.record",
            {
                "id": new_id(),
                "customer_id": CONSENTING,
                "purpose": "marketing",
                "channel": "line",
                "state": "granted",
                "wording_version": "counter-2026-12",
            },
        )
    )
    assert r["status"] == "applied"
    with write_session(engine) as session:  # the customer's LINE id, as an ingestion brings it
        session.add(
            CustomerIdentity(customer_id=CONSENTING, kind="line_user", value="U" + "0" * 32)
        )
    fid = new_id()
    [r] = associate.push(
        mutation(
            "followup.create",
            {
                "id": fid,
                "customer_id": CONSENTING,
                "due_date": datetime.now(UTC).date().isoformat(),
                "channel": "line",
            },
        )
    )
    assert r["status"] == "applied", r
    mid = associate.http.post(
        f"/v1/followups/{fid}/messages", json={}, headers=associate.auth
    ).json()["id"]
    assert manager.http.post(f"/v1/messages/{mid}/approve", headers=manager.auth).is_success

    with pytest.raises(Dies):
        Dispatcher(engine, {"line": DiesAfterSending(line)}).run(now=later)
    report = Dispatcher(engine, {"line": line}).run(now=later + LEASE + timedelta(seconds=1))
    assert report.sent == 1 and len(line.sent) == 1
    assert _status(engine, mid).status == "sent"


def test_a_mail_server_that_is_down_is_tried_again_later(
    server: ServerThread, engine: Engine, inbox: tuple[Inbox, int]
) -> None:
    box, port = inbox
    _, _, message = _approved(server)
    later = datetime.now(UTC) + timedelta(days=3)
    down = SmtpEmail("127.0.0.1", free_port(), "shop@example.jp", timeout_s=2)
    assert Dispatcher(engine, {"email": down}).run(now=later).retried == 1
    row = _status(engine, message["id"])
    assert row.status == "approved" and row.last_error and row.send_after is not None
    retry_at = (
        row.send_after.replace(tzinfo=UTC) if row.send_after.tzinfo is None else row.send_after
    )
    assert retry_at > later
    assert Dispatcher(engine, {"email": _smtp(port)}).run(now=later).sent == 0  # not yet
    assert Dispatcher(engine, {"email": _smtp(port)}).run(now=retry_at).sent == 1
    assert len(box.messages) == 1


def test_drafts_are_checked_and_kept_to_their_store(server: ServerThread) -> None:
    associate = open_terminal(server.base_url, SHIBUYA, "A001", "M001")
    fid = _followup(associate)
    post = associate.http.post
    assert (
        post(f"/v1/followups/{new_id()}/messages", json={}, headers=associate.auth).status_code
        == 404
    )
    for bad in ({"body": "x" * 6000}, {"language": "fr"}, {"subject": 5}, {"extra": 1}):
        assert (
            post(f"/v1/followups/{fid}/messages", json=bad, headers=associate.auth).status_code
            == 422
        )
    r = post(
        f"/v1/followups/{fid}/messages",
        json={"subject": "件名", "body": "本文 {customer}"},
        headers=associate.auth,
    )
    assert r.status_code == 201 and r.json()["body"] == "本文 {customer}"
    mid = r.json()["id"]
    edited = associate.http.put(
        f"/v1/messages/{mid}", json={"body": "新しい本文"}, headers=associate.auth
    )
    assert edited.status_code == 200 and edited.json()["body"] == "新しい本文"
    osaka = open_terminal(server.base_url, UMEDA, "M003")
    assert osaka.http.post(f"/v1/messages/{mid}/approve", headers=osaka.auth).status_code == 404
    assert osaka.http.get("/v1/messages", headers=osaka.auth).json()["messages"] == []
