"""Messages for follow-ups: drafts filled from a template (the chain's `message_template` rows,
else the built-in ones below) and the profile, edited, approved or rejected by a manager of the
store. Sending is the dispatcher's (sync.server.dispatch).

Templates are chosen by the follow-up's rule (e.g. `visit_month`), else by its kind, for its
channel and the language. Placeholders: `{customer}` (family name), `{store}`, `{staff}`,
`{items}` (the follow-up's products by name), `{categories}`, `{suggestions}` (both, or words
for them), `{offers}` (the rule's partner offers), `{purchase}` (what the customer bought);
anything else in braces stays as written. The cart link, the category blocks and the
unsubscribe link are added when it is sent (sync.server.dispatch).
"""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from sqlmodel import col, select

from sync.protocol import new_id
from sync.protocol.messages import MessageCompose, MessageEdit, MessageList, MessagePublic
from sync.server import delivery, followup_rules
from sync.server.auth import AuthContext
from sync.server.cart_links import link_key, new_token
from sync.server.db import read_session, write_session
from sync.server.errors import ApiError
from sync.server.models import (
    Category,
    Customer,
    FollowUp,
    Message,
    MessageTemplate,
    Order,
    OrderLine,
    Product,
    Staff,
    Store,
)
from sync.server.timeutil import as_utc, utcnow

MESSAGE_CHANNELS = ("email", "sms", "line")
RECENT_PURCHASE = timedelta(days=14)
OPENING = time(10, 0)  # a follow-up planned for a day (no time) is sent as the store opens
_DEFAULTS: dict[tuple[str, str], tuple[str, str]] = {
    ("after_visit", "ja"): (
        "{store}より：先日はご来店ありがとうございました",
        "{customer}様\n\n先日は{store}にご来店いただきありがとうございました。"
        "ご覧いただいた{items}について、ご不明な点があればお気軽にご相談ください。\n\n{staff}",
    ),
    ("after_visit", "en"): (
        "From {store}: thank you for your visit",
        "Dear {customer},\n\nThank you for visiting {store}. If you have any questions about "
        "the {items} you looked at, we are happy to help.\n\n{staff}",
    ),
    # The bike: a few days after the visit, how the purchase is going and where to ride; a
    # month later, how to use the accessories looked at (by rule, before the kind's text).
    ("visit_few_days", "ja"): (
        "{store}より：{purchase}の調子はいかがですか",
        "{customer}様\n\n先日は{store}にご来店いただきありがとうございました。"
        "{purchase}の調子はいかがでしょうか。週末は店舗周辺のおすすめのコースを走ってみてください。"
        "コースのご案内はスタッフまでお気軽にどうぞ。\n\n"
        "ご覧いただいた{items}はカートにご用意しました。\n\n{staff}",
    ),
    ("visit_few_days", "en"): (
        "From {store}: how is your {purchase}?",
        "Dear {customer},\n\nThank you for visiting {store}. How is your {purchase} going? "
        "This weekend, try one of the rides near the store: ask us for a route.\n\n"
        "The {items} you looked at are waiting in your cart.\n\n{staff}",
    ),
    ("visit_month", "ja"): (
        "{store}より：{items}の使い方のご紹介",
        "{customer}様\n\nご来店から一か月、{purchase}には慣れましたか。"
        "ご覧いただいた{items}の使い方と選び方をご紹介します。"
        "カートからそのままご注文いただき、{store}でお受け取りいただけます。\n\n{staff}",
    ),
    ("visit_month", "en"): (
        "From {store}: getting the most from {items}",
        "Dear {customer},\n\nA month on, how are you getting on with your {purchase}? Here is "
        "how to choose and use the {items} you looked at. Order from your cart and pick it up "
        "at {store}.\n\n{staff}",
    ),
    ("check_in", "ja"): (
        "{store}より：お買い上げ商品のご様子はいかがですか",
        "{customer}様\n\nお買い上げいただいた商品の調子はいかがでしょうか。"
        "気になる点があればいつでも{store}へお越しください。\n\n{staff}",
    ),
    ("check_in", "en"): (
        "From {store}: how is your purchase?",
        "Dear {customer},\n\nWe hope you are enjoying your purchase. Do drop in at {store} "
        "if anything needs a look.\n\n{staff}",
    ),
    ("occasion", "ja"): (
        "{store}より：特別な日のご提案",
        "{customer}様\n\nもうすぐ特別な日ですね。{suggestions}など、"
        "{store}でご用意しております。{offers}ギフト包装・配送は無料で承ります。\n\n{staff}",
    ),
    ("occasion", "en"): (
        "From {store}: ideas for a special day",
        "Dear {customer},\n\nA special day is coming up. {store} has ideas ready: "
        "{suggestions}. {offers} Gift wrapping and shipping are on us.\n\n{staff}",
    ),
    ("service", "ja"): (
        "{store}より：ご予約商品のお知らせ",
        "{customer}様\n\nご予約の{items}についてのお知らせです。{store}でお待ちしております。"
        "\n\n{staff}",
    ),
    ("service", "en"): (
        "From {store}: about your reservation",
        "Dear {customer},\n\nA note about your reserved {items}: we are waiting for you at "
        "{store}.\n\n{staff}",
    ),
    ("back_in_stock", "ja"): (
        "{store}より：{items}が入荷しました",
        "{customer}様\n\nお探しの{items}が{store}に入荷しました。\n\n{staff}",
    ),
    ("back_in_stock", "en"): (
        "From {store}: {items} is back in stock",
        "Dear {customer},\n\nThe {items} you asked about is back in stock at {store}.\n\n{staff}",
    ),
}


class _Fill(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(text: str, values: dict[str, str]) -> str:
    """Fill the known placeholders; text that is not a placeholder stays as written."""
    try:
        return text.format_map(_Fill(values))
    except (ValueError, IndexError, AttributeError):  # a stray brace: leave the text alone
        return text


def _template(session: Session, f: FollowUp, language: str) -> tuple[str, str]:
    """The chain's template for the follow-up's rule, else for its kind (channel and
    language); else the built-in one, by rule then kind."""
    names = [n for n in (f.rule_code, f.kind) if n]
    rows = {
        row.kind: row
        for row in session.execute(
            select(MessageTemplate).where(
                col(MessageTemplate.kind).in_(names),
                col(MessageTemplate.channel) == f.channel,
                col(MessageTemplate.language) == language,
            )
        ).scalars()
    }
    for name in names:
        if name in rows:
            return rows[name].title, rows[name].body
    for name in names:
        if (name, language) in _DEFAULTS:
            return _DEFAULTS[(name, language)]
    return _DEFAULTS[("after_visit", language)]


def _purchase(session: Session, f: FollowUp, language: str) -> str:
    """What the follow-up is about having bought: its orders' products, else the customer's
    latest purchase in the fortnight before it was planned (else a word for "your purchase")."""
    order_ids: list[str] = json.loads(f.order_ids_json)
    if not order_ids:
        latest = session.execute(
            select(Order.id)
            .where(
                col(Order.customer_id) == f.customer_id,
                col(Order.ordered_at) <= f.created_at,
                col(Order.ordered_at) >= f.created_at - RECENT_PURCHASE,
            )
            .order_by(col(Order.ordered_at).desc())
            .limit(1)
        ).scalar_one_or_none()
        order_ids = [latest] if latest else []
    names = list(
        session.execute(
            select(OrderLine.name).where(col(OrderLine.order_id).in_(order_ids)).limit(3)
        ).scalars()
    )
    if not names:
        return "お買い上げの商品" if language == "ja" else "purchase"
    return ("、" if language == "ja" else ", ").join(dict.fromkeys(names))


def _values(session: Session, f: FollowUp, language: str) -> dict[str, str]:
    customer = session.get(Customer, f.customer_id)
    store = session.get(Store, f.store_id)
    staff = session.get(Staff, f.staff_id)
    skus: list[str] = json.loads(f.skus_json)
    names = [
        p.name for p in session.execute(select(Product).where(col(Product.sku).in_(skus))).scalars()
    ]
    codes: list[str] = json.loads(f.categories_json)
    cats = session.execute(select(Category).where(col(Category.code).in_(codes))).scalars()
    labels = [c.label_ja if language == "ja" else c.label_en for c in cats]
    joiner = "、" if language == "ja" else ", "
    return {
        "customer": customer.family_name if customer else "",
        "store": store.name if store else "",
        "staff": staff.name if staff else "",
        "items": joiner.join(names),
        "categories": joiner.join(labels),
        "purchase": _purchase(session, f, language),
        # The products and categories suggested, or words for them when there are none.
        "suggestions": joiner.join([*names, *labels])
        or ("ギフトにおすすめの品" if language == "ja" else "gift ideas"),
        "offers": _offers(session, f, language),
    }


def _offers(session: Session, f: FollowUp, language: str) -> str:
    """The rule's partner offers as a sentence ("" when it has none)."""
    rule = next((r for r in followup_rules.current(session).rules if r.code == f.rule_code), None)
    if rule is None or not rule.offers:
        return ""
    if language == "ja":
        items = "、".join(f"{o.partner}の{o.title_ja}" for o in rule.offers)
        return f"パートナー店からは{items}もご用意しています。"
    items = ", ".join(f"{o.title_en} from {o.partner}" for o in rule.offers)
    return f"Our partners offer {items}."


def _due(session: Session, f: FollowUp) -> datetime:
    """When its follow-up is due: the planned moment, or a day a colleague chose, at the
    start of business in the store's zone."""
    if f.due_at is not None:
        return as_utc(f.due_at)
    store = session.get(Store, f.store_id)
    zone = ZoneInfo(store.timezone if store else "Asia/Tokyo")
    return as_utc(datetime.combine(f.due_date, OPENING, zone))


def _is_manager(auth: AuthContext) -> bool:
    return auth.role in ("manager", "admin")


def _followup(session: Session, auth: AuthContext, followup_id: str) -> FollowUp:
    row = session.get(FollowUp, followup_id)
    if row is None or (not auth.is_admin and row.store_id != auth.device_store_id):
        raise ApiError(404, "not_found", "No follow-up with this id at this store.")
    if not _is_manager(auth) and row.staff_id != auth.staff_id:
        raise ApiError(403, "forbidden", "This follow-up belongs to a colleague.")
    return row


def _message(session: Session, auth: AuthContext, message_id: str) -> Message:
    row = session.get(Message, message_id)
    if row is None or (not auth.is_admin and row.store_id != auth.device_store_id):
        raise ApiError(404, "not_found", "No message with this id at this store.")
    return row


def _public(session: Session, row: Message) -> MessagePublic:
    def name(staff_id: str | None) -> str | None:
        staff = session.get(Staff, staff_id) if staff_id else None
        return staff.name if staff else None

    return MessagePublic(
        id=row.id,
        followup_id=row.followup_id,
        customer_id=row.customer_id,
        store_id=row.store_id,
        channel=row.channel,
        language=row.language,
        subject=row.subject,
        body=row.body,
        status=row.status,
        created_by=name(row.created_by),
        approved_by=name(row.approved_by),
        send_after=as_utc(row.send_after) if row.send_after else None,
        sent_at=as_utc(row.sent_at) if row.sent_at else None,
        attempts=row.attempts,
        blocked_reason=row.blocked_reason,
        last_error=row.last_error,
        has_cart_link=row.link_token is not None,
        category_blocks=_blocks(session, row),
        opened_at=as_utc(row.opened_at) if row.opened_at else None,
        clicked_at=as_utc(row.clicked_at) if row.clicked_at else None,
    )


def _blocks(session: Session, row: Message) -> list[str]:
    f = session.get(FollowUp, row.followup_id)
    if f is None or row.link_token is None:
        return []
    codes: list[str] = json.loads(f.categories_json)
    found = {
        c.code: c
        for c in session.execute(select(Category).where(col(Category.code).in_(codes))).scalars()
    }
    return [
        found[c].label_ja if row.language == "ja" else found[c].label_en
        for c in codes
        if c in found
    ]


def draft_text(session: Session, f: FollowUp, language: str) -> tuple[str, str]:
    """The subject and text the server drafts for `f`: its template, placeholders filled."""
    subject, text = _template(session, f, language)
    values = _values(session, f, language)
    return render(subject, values), render(text, values)


def compose(
    engine: Engine, auth: AuthContext, followup_id: str, body: MessageCompose
) -> MessagePublic:
    with write_session(engine) as session:
        f = _followup(session, auth, followup_id)
        if f.status != "planned":
            raise ApiError(409, "conflict", f"The follow-up is already {f.status}.")
        if f.channel not in MESSAGE_CHANNELS:
            raise ApiError(409, "conflict", f"A follow-up by {f.channel} is not a message.")
        subject, text = draft_text(session, f, body.language)
        row = Message(
            id=new_id(),
            followup_id=f.id,
            customer_id=f.customer_id,
            store_id=f.store_id,
            channel=f.channel,
            purpose=f.purpose,
            language=body.language,
            subject=body.subject if body.subject is not None else subject,
            body=body.body if body.body is not None else text,
            status="draft",
            key=new_id(),
            created_by=auth.staff_id,
            created_at=utcnow(),
            # A cart link when there is something to put in the cart or a category to show.
            link_token=(
                new_token(link_key(session))
                if json.loads(f.skus_json) or json.loads(f.categories_json)
                else None
            ),
        )
        session.add(row)
        session.flush()
        delivery.note(session, row, "draft", row.created_at)
        return _public(session, row)


def edit(engine: Engine, auth: AuthContext, message_id: str, body: MessageEdit) -> MessagePublic:
    with write_session(engine) as session:
        row = _message(session, auth, message_id)
        _followup(session, auth, row.followup_id)  # the owner or a manager
        if row.status != "draft":
            raise ApiError(409, "conflict", f"The message is already {row.status}.")
        if body.subject is not None:
            row.subject = body.subject
        if body.body is not None:
            row.body = body.body
        session.flush()
        return _public(session, row)


def decide(engine: Engine, auth: AuthContext, message_id: str, approve: bool) -> MessagePublic:
    """A manager of the store approves (it is sent when its follow-up is due) or rejects."""
    if not _is_manager(auth):
        raise ApiError(403, "forbidden", "Only a manager approves or rejects messages.")
    with write_session(engine) as session:
        row = _message(session, auth, message_id)
        if row.status != "draft":
            raise ApiError(409, "conflict", f"The message is already {row.status}.")
        now = utcnow()
        row.approved_by = auth.staff_id
        row.approved_at = now
        if approve:
            f = session.get(FollowUp, row.followup_id)
            due = _due(session, f) if f is not None else now
            row.status = "approved"
            row.send_after = max(due, now)
        else:
            row.status = "rejected"
        session.flush()
        delivery.note(session, row, row.status, now)
        return _public(session, row)


def listed(
    engine: Engine, auth: AuthContext, status: str | None, followup_id: str | None
) -> MessageList:
    with read_session(engine) as session:
        query = select(Message).order_by(col(Message.created_at).desc()).limit(500)
        if not auth.is_admin:
            query = query.where(col(Message.store_id) == auth.device_store_id)
        if status:
            query = query.where(col(Message.status) == status)
        if followup_id:
            query = query.where(col(Message.followup_id) == followup_id)
        rows: list[Any] = list(session.execute(query).scalars())
        if not _is_manager(auth):
            mine = {
                f.id
                for f in session.execute(
                    select(FollowUp).where(col(FollowUp.staff_id) == auth.staff_id)
                ).scalars()
            }
            rows = [r for r in rows if r.followup_id in mine]
        return MessageList(messages=[_public(session, r) for r in rows])
