"""Which MAX an organisation talks to: the platform at the address in its settings, or —
with no address set — the default gateway (the simulator in the embedded backend)."""

from __future__ import annotations

import threading

from backend.max.gateway import MaxGateway, MaxUnavailable
from backend.schema import models as m
from backend.services.outbox import UnitOfWork


class GatewayForOrganisation:
    def __init__(self, unit_of_work: UnitOfWork, default: MaxGateway | None) -> None:
        self._unit_of_work = unit_of_work
        self._default = default
        self._clients: dict[tuple[str, str], MaxGateway] = {}
        self._lock = threading.Lock()

    def __call__(self, organisation_id: int) -> MaxGateway:
        with self._unit_of_work() as session:
            settings = session.get(m.OrganisationSettings, organisation_id)
            address = settings.max_api_url if settings is not None else ""
            token = (settings.max_token if settings is not None else None) or ""
        if not address:
            if self._default is None:
                raise MaxUnavailable(
                    "not.configured",
                    "Платформа МАХ не настроена: укажите ее адрес в «Настройках организации»",
                )
            return self._default
        with self._lock:
            client = self._clients.get((address, token))
            if client is None:
                from backend.max.http_client import MaxHttpGateway  # loads httpx when needed

                client = self._clients[(address, token)] = MaxHttpGateway(address, token)
            return client

    def close(self) -> None:
        with self._lock:
            for client in self._clients.values():
                client.close()
            self._clients.clear()
