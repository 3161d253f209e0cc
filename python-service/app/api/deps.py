"""FastAPI dependencies: routes ask for an interface, never for a driver or a settings field.

They are ``async def`` on purpose: FastAPI runs a plain ``def`` dependency in a worker thread, and
these only read app.state, so a thread hop would cost more than the lookup (bench/README.md)."""

from __future__ import annotations

from fastapi import Request

from app.adapters.base import CodeHost, DependencyNotConfigured, RecordStore, SearchIndex
from app.core.config import Settings
from app.core.metrics import Metrics
from app.core.wiring import Dependencies
from app.services.sync import SyncJob


async def get_dependencies(request: Request) -> Dependencies:
    return request.app.state.dependencies


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_metrics(request: Request) -> Metrics:
    return request.app.state.metrics


async def get_search_index(request: Request) -> SearchIndex:
    return _search_index(request)


async def get_record_store(request: Request) -> RecordStore:
    return _record_store(request)


async def get_code_host(request: Request) -> CodeHost:
    return _code_host(request)


async def get_sync_job(request: Request) -> SyncJob:
    job = getattr(request.app.state, "sync_job", None)
    if job is None:
        settings: Settings = request.app.state.settings
        job = SyncJob(_code_host(request), _search_index(request), _record_store(request),
                      max_projects=settings.sync_max_projects,
                      max_issues_per_project=settings.sync_max_issues_per_project,
                      metrics=request.app.state.metrics)
        request.app.state.sync_job = job
    return job


def _search_index(request: Request) -> SearchIndex:
    search = request.app.state.dependencies.search
    if search is None:
        raise DependencyNotConfigured("elasticsearch")
    return search


def _record_store(request: Request) -> RecordStore:
    records = request.app.state.dependencies.records
    if records is None:
        raise DependencyNotConfigured("sqlserver")
    return records


def _code_host(request: Request) -> CodeHost:
    code_host = request.app.state.dependencies.code_host
    if code_host is None:
        raise DependencyNotConfigured("gitlab")
    return code_host
