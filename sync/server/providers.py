"""What the dispatcher hands a message to: a provider per channel, behind one interface. Email
over SMTP (one connection per run, checked before each message); LINE and SMS in development
and the tests by a provider that records what it would send. A provider that deduplicates by
the message's key (`confirms_by_key`) may be asked again after a crash; SMTP cannot be."""

from __future__ import annotations

import html
import smtplib
import threading
import time
from dataclasses import dataclass, field
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formatdate
from typing import Protocol, cast

from sync.server.config import Settings

FRESH_S = 2.0  # a connection used this recently is sent on without a NOOP first


class DeliveryError(Exception):
    """The provider did not take the message; `permanent`: trying again will not help."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


@dataclass(frozen=True)
class Outgoing:
    key: str  # the idempotency key
    channel: str
    to: str
    subject: str
    body: str
    language: str
    unsubscribe_url: str | None
    cart_url: str | None = None  # the cart of the follow-up's items (sync.server.cart_links)
    blocks: tuple[tuple[str, str], ...] = ()  # recommended categories: (label, link)
    pixel_url: str | None = None  # an email's open is seen when its HTML loads this

    def text(self) -> str:
        """The body as plain text, with the cart, the category blocks and the unsubscribe
        link (an SMS, a LINE message, an email's text part)."""
        ja = self.language == "ja"
        parts = [self.body]
        if self.cart_url:
            parts.append(f"{'カートを見る' if ja else 'Your cart'}: {self.cart_url}")
        if self.blocks:
            parts.append("\n".join(f"・{label}: {url}" for label, url in self.blocks))
        if self.unsubscribe_url:
            parts.append(f"{'配信停止' if ja else 'Unsubscribe'}: {self.unsubscribe_url}")
        return "\n\n".join(parts)

    def html(self) -> str:
        ja = self.language == "ja"
        page = "".join(f"<p>{html.escape(p)}</p>" for p in self.body.split("\n\n"))
        if self.cart_url:
            label = "カートを見る" if ja else "See your cart"
            page += f'<p><a class="cart" href="{html.escape(self.cart_url, quote=True)}">'
            page += f"{html.escape(label)}</a></p>"
        if self.blocks:
            page += (
                "<ul>"
                + "".join(
                    f'<li><a href="{html.escape(url, quote=True)}">{html.escape(label)}</a></li>'
                    for label, url in self.blocks
                )
                + "</ul>"
            )
        if self.unsubscribe_url:
            stop = "配信停止" if ja else "Unsubscribe"
            page += f'<p><a href="{html.escape(self.unsubscribe_url, quote=True)}">'
            page += f"{html.escape(stop)}</a></p>"
        if self.pixel_url:
            page += (
                f'<img src="{html.escape(self.pixel_url, quote=True)}" width="1" height="1" alt="">'
            )
        return f'<!doctype html><html lang="{self.language}"><body>{page}</body></html>'


class Provider(Protocol):
    name: str
    confirms_by_key: bool  # a second send with the same key is not a second message

    def send(self, message: Outgoing) -> str:
        """Hand the message over; returns the provider's id for it. Raises DeliveryError."""
        ...

    def close(self) -> None:
        """The end of a run: let go of connections (sending again opens them again)."""
        ...


class SmtpEmail:
    """Email over SMTP: a Japanese subject encoded as RFC 2047 words, a text and an HTML part,
    an unsubscribe link (and List-Unsubscribe headers), the key as the Message-ID."""

    name = "smtp"
    confirms_by_key = False

    def __init__(self, host: str, port: int, sender: str, timeout_s: float = 15.0) -> None:
        self.host, self.port, self.sender, self.timeout_s = host, port, sender, timeout_s
        # One connection for a run of the dispatcher (a connection per message cost three
        # quarters of the time), checked with NOOP before a message when it was idle for a
        # moment (a server closes idle connections), closed after the run.
        self._smtp: smtplib.SMTP | None = None
        self._used = 0.0
        self._lock = threading.Lock()

    def build(self, message: Outgoing) -> Message:
        """The mail as sent. Built with the classic MIME classes (a third of the CPU of
        `EmailMessage`'s header folding, which was a quarter of the dispatcher's time)."""
        mail = MIMEMultipart("alternative")
        mail["From"] = self.sender
        mail["To"] = message.to
        # A Header (folded as RFC 2047 words); the stubs only know strings.
        mail["Subject"] = cast(str, Header(message.subject, "utf-8", header_name="Subject"))
        mail["Date"] = formatdate(localtime=False)
        domain = self.sender.rsplit("@", 1)[-1] or "clienteling.invalid"
        mail["Message-ID"] = f"<{message.key}@{domain}>"
        if message.unsubscribe_url:
            mail["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
            mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        mail.attach(MIMEText(message.text(), "plain", "utf-8"))
        mail.attach(MIMEText(message.html(), "html", "utf-8"))
        return mail

    def send(self, message: Outgoing) -> str:
        mail = self.build(message)
        with self._lock:
            try:
                self._connection().send_message(mail)
            except smtplib.SMTPRecipientsRefused as exc:
                raise DeliveryError("recipient_refused", permanent=True) from exc
            except smtplib.SMTPResponseException as exc:
                self._drop()
                raise DeliveryError(
                    f"smtp_{exc.smtp_code}", permanent=exc.smtp_code >= 500
                ) from exc
            except (TimeoutError, OSError, smtplib.SMTPException) as exc:
                self._drop()
                raise DeliveryError(type(exc).__name__) from exc
        return str(mail["Message-ID"])

    def _connection(self) -> smtplib.SMTP:
        """The open connection if the server still answers on it (a message is never sent
        on a connection that may be dead), else a new one."""
        if self._smtp is not None:
            if time.monotonic() - self._used < FRESH_S:
                self._used = time.monotonic()
                return self._smtp
            try:
                if self._smtp.noop()[0] == 250:
                    self._used = time.monotonic()
                    return self._smtp
            except (OSError, smtplib.SMTPException):
                pass
            self._drop()
        self._smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout_s)
        self._used = time.monotonic()
        return self._smtp

    def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()

    def close(self) -> None:
        with self._lock:
            self._drop()


@dataclass
class RecordingProvider:
    """LINE and SMS in development and tests: records what it would send, once per key."""

    name: str
    confirms_by_key: bool = True
    sent: dict[str, Outgoing] = field(default_factory=dict)

    def send(self, message: Outgoing) -> str:
        self.sent.setdefault(message.key, message)
        return f"{self.name}:{message.key}"

    def close(self) -> None:
        return None


def providers_for(settings: Settings) -> dict[str, Provider]:
    """Email over SMTP when a host is set (else email waits); LINE and SMS recorded."""
    found: dict[str, Provider] = {
        "line": RecordingProvider("line"),
        "sms": RecordingProvider("sms"),
    }
    if settings.smtp_host:
        found["email"] = SmtpEmail(settings.smtp_host, settings.smtp_port, settings.mail_from)
    return found
