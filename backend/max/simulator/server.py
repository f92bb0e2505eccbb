"""`esh-max-sim`: the simulated MAX platform as an HTTP server speaking exactly what
`MaxHttpGateway` speaks, plus a control API under `/_sim/` (MAX's users' own actions, faults)
and the page behind each call's join link at `/call/{call_id}` (for a browser: no token).

    esh-max-sim --database sqlite:///max-sim.sqlite3 [--host 127.0.0.1] [--port 8100]
                [--token TOKEN] [--call-base-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from backend.max.gateway import (
    AdminPermission,
    ChatAdmin,
    LinkRequest,
    LinkSubject,
    MaxCall,
    MaxChat,
    MaxConflict,
    MaxError,
    MaxNotFound,
    from_millis,
    to_millis,
)
from backend.max.simulator.call_page import CALL_PATH, call_page
from backend.max.simulator.faults import FaultKind, FaultPlan
from backend.max.simulator.state import SimulatedMax

CONTROL = "/_sim/"
DEFAULT_TOKEN = "sim-token"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SubjectBody(_Strict):
    esh_account_id: int
    full_name: str = Field(max_length=300)
    organisation_name: str = Field(max_length=300)
    role: str = Field(max_length=40)


class LinkRequestBody(_Strict):
    phone: str = Field(pattern=r"^\+7\d{10}$")
    subject: SubjectBody


class CreateChatBody(_Strict):
    title: str
    organisation_key: str = Field(max_length=100)


class ChatPatchBody(BaseModel):  # MAX's ChatPatch: other fields (icon, pin, notify) are ignored
    title: str | None = None


class UserIdsBody(_Strict):
    user_ids: list[int]


class AdminBody(BaseModel):
    user_id: int
    permissions: list[AdminPermission]
    alias: str | None = None


class AdminsBody(_Strict):
    admins: list[AdminBody]


class CallBody(_Strict):
    title: str = Field(max_length=300)
    starts_at: int
    chat_id: int | None = None


class SimUserBody(_Strict):
    phone: str = Field(pattern=r"^\+7\d{10}$")
    first_name: str
    last_name: str
    closed_to_invites: bool = False


class AnswerBody(_Strict):
    accept: bool


class FaultBody(_Strict):
    kind: FaultKind
    count: int = Field(default=1, ge=1, le=1000)
    delay_ms: int | None = Field(default=None, ge=0, le=600_000)
    retry_after_s: int = Field(default=1, ge=0, le=3600)


def _link_json(request: LinkRequest) -> dict[str, Any]:
    return {
        "request_id": request.request_id,
        "phone": request.phone,
        "status": request.status.value,
        "user_id": request.user_id,
    }


def _chat_json(chat: MaxChat) -> dict[str, Any]:
    # The Bot API's Chat object, with what the simulator knows.
    return {
        "chat_id": chat.chat_id,
        "type": "chat",
        "status": "active",
        "title": chat.title,
        "icon": None,
        "last_event_time": to_millis(dt.datetime.now(dt.UTC)),
        "participants_count": chat.participants_count,
        "is_public": False,
        "link": chat.link,
        "description": None,
    }


def _call_json(call: MaxCall) -> dict[str, Any]:
    return {
        "call_id": call.call_id,
        "chat_id": call.chat_id,
        "title": call.title,
        "starts_at": to_millis(call.starts_at),
        "status": call.status.value,
        "join_link": call.join_link,
    }


SUCCESS = {"success": True}


def create_sim_app(
    simulator: SimulatedMax, *, token: str = DEFAULT_TOKEN, faults: FaultPlan | None = None
) -> FastAPI:
    app = FastAPI(title="MAX simulator", docs_url=None, redoc_url=None, openapi_url=None)
    plan = faults or FaultPlan()
    app.state.faults = plan
    app.state.simulator = simulator

    @app.middleware("http")
    async def check_token_and_faults(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.url.path.startswith(CALL_PATH):
            return await call_next(request)  # a participant's browser: no token, no faults
        if request.headers.get("Authorization") != token:
            return JSONResponse(
                {"code": "verify.token", "message": "Invalid access_token"}, status_code=401
            )
        if request.url.path.startswith(CONTROL):
            return await call_next(request)
        fault = plan.next()
        if fault is None:
            return await call_next(request)
        await asyncio.sleep(fault.delay_ms / 1000)
        if fault.kind is FaultKind.LATENCY:
            return await call_next(request)
        if fault.kind is FaultKind.TIMEOUT:
            return JSONResponse({"code": "timeout", "message": "Gateway Timeout"}, 504)
        if fault.kind is FaultKind.SERVER_ERROR:
            return JSONResponse(
                {"code": "service.unavailable", "message": "Service unavailable"}, 503
            )
        return JSONResponse(
            {"code": "too.many.requests", "message": "Too many requests"},
            429,
            headers={"Retry-After": str(fault.retry_after_s)},
        )

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid')}" if where else "Invalid request"
        return JSONResponse({"code": "bad.request", "message": message}, status_code=400)

    @app.exception_handler(MaxError)
    async def max_error(_request: Request, error: MaxError) -> JSONResponse:
        status = (
            404
            if isinstance(error, MaxNotFound)
            else 409
            if isinstance(error, MaxConflict)
            else 400
        )
        return JSONResponse({"code": error.code, "message": error.message}, status_code=status)

    def once(request: Request, produce: Callable[[], dict[str, Any]]) -> Response:
        """A POST with an Idempotency-Key answers a retry with the first answer."""
        key = request.headers.get("Idempotency-Key")
        if not key:
            return JSONResponse(produce())
        stored = simulator.remembered_answer(key)
        if stored is not None:
            return Response(stored, 200, media_type="application/json")
        body = produce()
        simulator.remember_answer(key, json.dumps(body))
        return JSONResponse(body)

    # --- linking (Sferum partner API) -------------------------------------------------------
    @app.post("/sferum/link-requests")
    def request_link(body: LinkRequestBody, request: Request) -> Response:
        subject = LinkSubject(**body.subject.model_dump())
        return once(request, lambda: _link_json(simulator.request_link(body.phone, subject)))

    @app.get("/sferum/link-requests/{request_id}")
    def link_request(request_id: str) -> dict[str, Any]:
        return _link_json(simulator.link_request(request_id))

    @app.delete("/sferum/link-requests/{request_id}")
    def cancel_link_request(request_id: str) -> dict[str, Any]:
        simulator.cancel_link_request(request_id)
        return SUCCESS

    @app.delete("/sferum/links/{request_id}")
    def unlink(request_id: str) -> dict[str, Any]:
        simulator.unlink(request_id)
        return SUCCESS

    # --- chats ------------------------------------------------------------------------------
    @app.post("/sferum/chats")
    def create_chat(body: CreateChatBody, request: Request) -> Response:
        return once(
            request,
            lambda: _chat_json(
                simulator.create_chat(body.title, organisation_key=body.organisation_key)
            ),
        )

    @app.patch("/chats/{chat_id}")
    def edit_chat(chat_id: int, body: ChatPatchBody) -> dict[str, Any]:
        if body.title is None:
            return _chat_json(simulator.chat(chat_id))
        return _chat_json(simulator.rename_chat(chat_id, body.title))

    @app.delete("/chats/{chat_id}")
    def delete_chat(chat_id: int) -> dict[str, Any]:
        simulator.delete_chat(chat_id)
        return SUCCESS

    @app.post("/chats/{chat_id}/members")
    def add_members(chat_id: int, body: UserIdsBody, request: Request) -> Response:
        def produce() -> dict[str, Any]:
            result = simulator.add_members(chat_id, body.user_ids)
            answer: dict[str, Any] = {"success": result.success}
            if result.failed_user_ids:
                answer["failed_user_ids"] = list(result.failed_user_ids)
                answer["failed_user_details"] = [
                    {"error_code": item.error_code, "user_ids": list(item.user_ids)}
                    for item in result.failed_user_details
                ]
            if not result.success:
                answer["message"] = "Не удалось добавить ни одного участника"
            return answer

        return once(request, produce)

    @app.delete("/chats/{chat_id}/members")
    def remove_member(chat_id: int, user_id: int, block: bool = False) -> dict[str, Any]:
        simulator.remove_member(chat_id, user_id, block=block)
        return SUCCESS

    @app.post("/chats/{chat_id}/members/admins")
    def set_admins(chat_id: int, body: AdminsBody, request: Request) -> Response:
        admins = [ChatAdmin(a.user_id, tuple(a.permissions)) for a in body.admins]

        def produce() -> dict[str, Any]:
            simulator.set_admins(chat_id, admins)
            return SUCCESS

        return once(request, produce)

    @app.delete("/chats/{chat_id}/members/admins/{user_id}")
    def revoke_admin(chat_id: int, user_id: int) -> dict[str, Any]:
        simulator.revoke_admin(chat_id, user_id)
        return SUCCESS

    # --- calls (Sferum partner API) ---------------------------------------------------------
    @app.post("/sferum/calls")
    def schedule_call(body: CallBody, request: Request) -> Response:
        starts_at = from_millis(body.starts_at)
        return once(
            request,
            lambda: _call_json(
                simulator.schedule_call(body.title, starts_at, chat_id=body.chat_id)
            ),
        )

    @app.post("/sferum/calls/{call_id}/start")
    def start_call(call_id: str) -> dict[str, Any]:
        return _call_json(simulator.start_call(call_id))

    @app.post("/sferum/calls/{call_id}/finish")
    def finish_call(call_id: str) -> dict[str, Any]:
        return _call_json(simulator.finish_call(call_id))

    @app.get("/sferum/calls/{call_id}")
    def get_call(call_id: str) -> dict[str, Any]:
        return _call_json(simulator.call(call_id))

    # --- the page behind a join link ---------------------------------------------------------
    @app.get(CALL_PATH + "{call_id}", response_class=HTMLResponse)
    def call_page_of(call_id: str) -> HTMLResponse:
        status, page = call_page(simulator, call_id)
        return HTMLResponse(page, status_code=status, headers={"Cache-Control": "no-store"})

    # --- control: what MAX's users do, and faults -------------------------------------------
    @app.post(CONTROL + "users")
    def add_user(body: SimUserBody) -> dict[str, Any]:
        user_id = simulator.add_user(
            body.phone, body.first_name, body.last_name, closed_to_invites=body.closed_to_invites
        )
        return {"user_id": user_id}

    @app.get(CONTROL + "users/{phone}/messages")
    def messages(phone: str) -> list[dict[str, Any]]:
        return [
            {
                "id": message.id,
                "sender": message.sender,
                "text": message.text,
                "request_id": message.request_id,
                "request_status": message.request_status.value if message.request_status else None,
            }
            for message in simulator.messages_for(phone)
        ]

    @app.post(CONTROL + "link-requests/{request_id}/answer")
    def answer(request_id: str, body: AnswerBody) -> dict[str, Any]:
        return _link_json(simulator.answer_link(request_id, accept=body.accept))

    @app.get(CONTROL + "chats/{chat_id}/members")
    def members(chat_id: int) -> list[dict[str, Any]]:
        return [
            {"user_id": m.user_id, "is_admin": m.is_admin, "blocked": m.blocked}
            for m in simulator.members(chat_id)
        ]

    @app.post(CONTROL + "faults")
    def inject(body: FaultBody) -> dict[str, Any]:
        plan.inject(
            body.kind,
            count=body.count,
            delay_ms=body.delay_ms,
            retry_after_s=body.retry_after_s,
        )
        return {"pending": plan.pending}

    @app.delete(CONTROL + "faults")
    def clear() -> dict[str, Any]:
        plan.clear()
        return {"pending": 0}

    return app


def own_call_base_url(host: str, port: int) -> str:
    """This server's call pages, as a browser on the same computer reaches them."""
    if host in ("", "0.0.0.0", "::"):
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}{CALL_PATH}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="esh-max-sim",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--database", required=True, help="SQLAlchemy URL of its own state")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="the access token it accepts")
    parser.add_argument(
        "--call-base-url",
        default=None,
        help="what call ids are appended to in join links; by default this server's own "
        f"call pages, http://HOST:PORT{CALL_PATH}",
    )
    args = parser.parse_args(argv)

    import uvicorn

    call_base_url = args.call_base_url or own_call_base_url(args.host, args.port)
    simulator = SimulatedMax(args.database, call_base_url=call_base_url)
    uvicorn.run(create_sim_app(simulator, token=args.token), host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
