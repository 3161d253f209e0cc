"""Authentication for every /api route (ADR 34).

``BearerGate``, a plain ASGI middleware, answers 401 with ``WWW-Authenticate: Bearer`` to any /api
request without a token the gateway knows, before routing: no body is parsed and no validation error
can come first. Each /api route then depends on ``can_read``, ``can_write`` or ``can_sync``, which
answer 403 (``error="insufficient_scope"``) when the token lacks that scope; they also put the bearer
scheme into the OpenAPI document. Cost per request: one SHA-256 and a compare_digest per known client,
on the event loop. The token is never logged or echoed: the texts below are all a refusal carries."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import HTTPException, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.api.models import ErrorOut
from app.core.auth import Client, TokenTable

_bearer = HTTPBearer(auto_error=False, description="a token from the Secret platform-gateway-api-tokens")
Bearer = Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)]

REFUSALS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "no bearer token, or one the gateway does not know"},
    403: {"model": ErrorOut, "description": "the token lacks the scope this route needs"}}
_UNAUTHORIZED_BODY = json.dumps({"detail": "a valid bearer token is required"}).encode()
_UNAUTHORIZED_HEADERS = [(b"content-type", b"application/json"), (b"www-authenticate", b'Bearer realm="gateway"'),
                         (b"content-length", str(len(_UNAUTHORIZED_BODY)).encode())]


class BearerGate:
    def __init__(self, app: Any, tokens: TokenTable, prefix: str = "/api"):
        self.app = app
        self.tokens = tokens
        self.prefix = prefix

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not (path == self.prefix or path.startswith(self.prefix + "/")):
            await self.app(scope, receive, send)
            return
        client = self.tokens.client(token) if (token := _token(scope)) else None
        if client is None:
            await send({"type": "http.response.start", "status": 401, "headers": _UNAUTHORIZED_HEADERS})
            await send({"type": "http.response.body", "body": _UNAUTHORIZED_BODY})
            return
        scope.setdefault("state", {})["client"] = client
        await self.app(scope, receive, send)


def _token(scope: dict) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            return token.strip() or None if scheme.lower() == "bearer" else None
    return None


def _require(request: Request, scope: str) -> Client:
    client: Client | None = getattr(request.state, "client", None)
    if client is None:  # only when the gate is not in front (it always is in create_app)
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": 'Bearer realm="gateway"'})
    if scope not in client.scopes:
        raise HTTPException(403, f"the token lacks the scope '{scope}'",
                            headers={"WWW-Authenticate": f'Bearer realm="gateway", error="insufficient_scope", '
                                                         f'scope="{scope}"'})
    return client


async def can_read(request: Request, credentials: Bearer) -> Client:
    return _require(request, "read")


async def can_write(request: Request, credentials: Bearer) -> Client:
    return _require(request, "write")


async def can_sync(request: Request, credentials: Bearer) -> Client:
    return _require(request, "sync")
