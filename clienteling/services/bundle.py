"""The set of use cases one signed-in terminal offers, built in one place from its parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from clienteling.domain.storetime import StoreClock
from clienteling.services.audit import AuditReader, AuditService
from clienteling.services.consents import ConsentService
from clienteling.services.context import StaffContext
from clienteling.services.customers import CustomerService
from clienteling.services.dashboard import DashboardService
from clienteling.services.devices import DeviceService
from clienteling.services.duplicates import DuplicateService
from clienteling.services.followups import FollowupService
from clienteling.services.interests import InterestService
from clienteling.services.lock import LockService
from clienteling.services.messages import MessageService
from clienteling.services.notes import NoteService
from clienteling.services.ports import (
    AuditSource,
    DashboardSource,
    DeviceAdmin,
    EngineStatusSource,
    IdentityAdmin,
    MessageSource,
    PrivacyAdmin,
    SyncTrigger,
)
from clienteling.services.privacy import PrivacyService
from clienteling.services.products import ProductService
from clienteling.services.profiles import ProfileService
from clienteling.services.reservations import ReservationService
from clienteling.services.search import SearchService
from clienteling.services.sync_status import SyncStatusService
from clienteling.storage.cache import LocalCache


class SyncEngineLike(SyncTrigger, EngineStatusSource, Protocol):
    """What the services need of the sync engine: wake it up, read its status."""


@dataclass(frozen=True)
class AppServices:
    """The use cases the window calls, wired by the composition root."""

    context: StaffContext
    search: SearchService
    profiles: ProfileService
    customers: CustomerService
    consents: ConsentService
    notes: NoteService
    interests: InterestService
    sync_status: SyncStatusService
    products: ProductService
    reservations: ReservationService
    clock: StoreClock
    devices: DeviceService
    audit: AuditService
    audit_trail: AuditReader
    privacy: PrivacyService
    duplicates: DuplicateService
    lock: LockService
    followups: FollowupService
    dashboard: DashboardService
    messages: MessageService

    @classmethod
    def build(
        cls,
        cache: LocalCache,
        context: StaffContext,
        engine: SyncEngineLike,
        *,
        language: str = "ja",
        device_admin: DeviceAdmin | None = None,
        identity_admin: IdentityAdmin | None = None,
        audit_source: AuditSource | None = None,
        privacy_admin: PrivacyAdmin | None = None,
        dashboard_source: DashboardSource | None = None,
        message_source: MessageSource | None = None,
    ) -> AppServices:
        clock = StoreClock(cache.store_time_zone(context.store_id))
        return cls(
            context=context,
            search=SearchService(cache),
            profiles=ProfileService(cache),
            customers=CustomerService(cache, context, engine),
            consents=ConsentService(cache, context, engine),
            notes=NoteService(cache, context, engine),
            interests=InterestService(cache, context, engine),
            sync_status=SyncStatusService(cache, engine, engine),
            products=ProductService(cache, context, language),
            reservations=ReservationService(cache, context, engine),
            clock=clock,
            devices=DeviceService(device_admin, context),
            audit=AuditService(cache, context, engine),
            audit_trail=AuditReader(audit_source, context),
            privacy=PrivacyService(privacy_admin, context, engine),
            duplicates=DuplicateService(identity_admin, context, engine),
            lock=LockService(cache, context.staff_id),
            followups=FollowupService(cache, context, engine, clock),
            dashboard=DashboardService(dashboard_source, context, clock),
            messages=MessageService(message_source, context, language),
        )
