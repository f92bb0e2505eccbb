"""The page behind a simulated call's join link: what a participant would see on opening it —
the call's name and status, since when it goes on, its participants. No video: a demo.

`render_call_page` is shared by `esh-max-sim` (GET /call/{call_id}) and by `CallPageServer`, a
tiny loopback HTTP server the embedded backend runs beside its simulator, so that «Перейти» in
`make demo` opens something real in the browser.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from backend.max.gateway import CallStatus

if TYPE_CHECKING:
    from backend.max.simulator.state import SimCallView, SimulatedMax

log = logging.getLogger(__name__)
CALL_PATH = "/call/"
REFRESH_SECONDS = 30  # the page follows the call's status by itself
SHOWN_NAMES = 200
STATUS_WORDS = {
    CallStatus.STARTED: "идет",
    CallStatus.SCHEDULED: "запланирован",
    CallStatus.FINISHED: "завершен",
}

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; background: #eef2f7; color: #1d2433; }
main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff;
       border-radius: 12px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
.brand { color: #5b6b84; font-size: .9rem; margin: 0; }
h1 { font-size: 1.6rem; margin: .3rem 0 1rem; }
h2 { font-size: 1.1rem; margin-top: 1.5rem; }
.status { display: inline-block; padding: .2rem .7rem; border-radius: 1rem; font-weight: 600; }
.started { background: #d8f5dd; color: #17652a; }
.scheduled { background: #e3ecfb; color: #1d4f9c; }
.finished { background: #eceef2; color: #525b6b; }
ul { columns: 2; padding-left: 1.2rem; }
.note { color: #5b6b84; font-size: .85rem; margin-top: 2rem; }
"""


def _document(title: str, body: str, *, refresh: bool) -> str:
    meta = f'<meta http-equiv="refresh" content="{REFRESH_SECONDS}">\n' if refresh else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="ru">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{meta}<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f'<body>\n<main>\n<p class="brand">МАХ · Сферум — симулятор</p>\n{body}'
        '<p class="note">Это страница симулятора платформы МАХ для демонстрации: видео здесь '
        "нет, а статус звонка обновляется на странице сам.</p>\n</main>\n</body>\n</html>\n"
    )


def _minutes(delta: dt.timedelta) -> str:
    minutes = max(0, int(delta.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    return f"{hours} ч {minutes} мин" if hours else f"{minutes} мин"


def render_call_page(view: SimCallView, now: dt.datetime | None = None) -> str:
    """The page of a call; `now` (aware) gives the current moment and the time zone shown."""
    now = now or dt.datetime.now().astimezone()
    call = view.call
    starts = call.starts_at.astimezone(now.tzinfo)
    when = f"{starts:%H:%M}" if starts.date() == now.date() else f"{starts:%d.%m.%Y %H:%M}"
    word = STATUS_WORDS.get(call.status, call.status.value)
    parts = [
        f"<h1>{html.escape(call.title)}</h1>\n",
        f'<p>Статус: <span class="status {html.escape(call.status.value)}">'
        f"{html.escape(word)}</span></p>\n",
    ]
    if call.status is CallStatus.STARTED:
        parts.append(f"<p>Звонок идет с {when} (уже {_minutes(now - starts)}).</p>\n")
        parts.append(
            "<p>Время окончания платформе МАХ не сообщают: звонок закончится, когда его "
            "завершит школа — в назначенное время или кнопкой «Закончить видеоконференцию».</p>\n"
        )
    elif call.status is CallStatus.SCHEDULED:
        soon = f", через {_minutes(starts - now)}" if starts > now else ""
        parts.append(f"<p>Звонок запланирован на {when}{soon}.</p>\n")
    else:
        parts.append("<p>Звонок завершен. Подключиться к нему уже нельзя.</p>\n")
    parts.append(_participants(view))
    return _document(f"{call.title} — звонок", "".join(parts), refresh=True)


def _participants(view: SimCallView) -> str:
    if view.chat_title is None:
        return "<h2>Участники</h2>\n<p>Звонок без чата: участники подключаются по ссылке.</p>\n"
    names = view.participants
    text = (
        f"<h2>Участники: {len(names)}</h2>\n"
        f"<p>Участники чата «{html.escape(view.chat_title)}» в МАХ.</p>\n"
    )
    if not names:
        return text + "<p>В чате пока нет участников.</p>\n"
    items = "".join(f"<li>{html.escape(name)}</li>\n" for name in names[:SHOWN_NAMES])
    more = f"<p>…и еще {len(names) - SHOWN_NAMES}.</p>\n" if len(names) > SHOWN_NAMES else ""
    return f"{text}<ul>\n{items}</ul>\n{more}"


def render_unknown_call(call_id: str) -> str:
    body = (
        "<h1>Звонок не найден</h1>\n"
        f"<p>Звонка «{html.escape(call_id[:100])}» в МАХ нет. Возможно, ссылка неполная "
        "или осталась от другой базы данных.</p>\n"
    )
    return _document("Звонок не найден", body, refresh=False)


def call_page(
    simulator: SimulatedMax, call_id: str, now: dt.datetime | None = None
) -> tuple[int, str]:
    """(HTTP status, HTML) for GET /call/{call_id}."""
    view = simulator.call_details(call_id) if call_id else None
    if view is None:
        return HTTPStatus.NOT_FOUND, render_unknown_call(call_id)
    return HTTPStatus.OK, render_call_page(view, now)


# --- the embedded backend's loopback server -------------------------------------------------
class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # On Windows SO_REUSEADDR would let two servers share the remembered port.
    allow_reuse_address = sys.platform != "win32"


class CallPageServer:
    """Serves `/call/{call_id}` of `simulator` on 127.0.0.1 in a daemon thread.

    Join links are stored by the ЭШ when a conference starts, so the port is kept in
    `port_file` and tried first next time: links of an earlier run stay valid while that port
    is free. When it is taken, any free port is used (and remembered).
    """

    def __init__(
        self,
        simulator: SimulatedMax,
        *,
        port_file: Path | None = None,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self._simulator = simulator
        self._port_file = port_file
        self._now = now or (lambda: dt.datetime.now().astimezone())
        self._server = self._bind(self._remembered_port())
        self._remember(self.port)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="esh-max-call-pages",
            daemon=True,
        )
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """What a call id is appended to: the simulator's `call_base_url`."""
        return f"http://127.0.0.1:{self.port}{CALL_PATH}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        pages = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "esh-max-sim"

            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                if not path.startswith(CALL_PATH):
                    status, text = HTTPStatus.NOT_FOUND, render_unknown_call("")
                else:
                    call_id = unquote(path[len(CALL_PATH) :]).strip("/")
                    try:
                        status, text = call_page(pages._simulator, call_id, pages._now())
                    except Exception:
                        log.exception("cannot show the call %r", call_id)
                        self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR)
                        return
                body = text.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                log.debug("call page: " + format, *args)

        return Handler

    def _bind(self, port: int | None) -> _Server:
        if port:
            try:
                return _Server(("127.0.0.1", port), self._handler())
            except OSError:
                log.info("port %s for the call pages is taken; using another", port)
        return _Server(("127.0.0.1", 0), self._handler())

    def _remembered_port(self) -> int | None:
        if self._port_file is None:
            return None
        try:
            port = int(self._port_file.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None
        return port if 1024 <= port <= 65535 else None

    def _remember(self, port: int) -> None:
        if self._port_file is None:
            return
        try:
            self._port_file.write_text(f"{port}\n", encoding="ascii")
        except OSError:
            log.warning("cannot remember the call pages' port in %s", self._port_file)
