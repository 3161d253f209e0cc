"""FastAPI dependencies: routes ask for an interface, never for a driver or a settings field."""

from __future__ import annotations

from fastapi import Request

from app.adapters.base import CodeHost, DependencyNotConfigured, RecordStore, SearchIndex
from app.core.config import Settings
from app.core.metrics import Metrics
from app.core.wiring import Dependencies
from app.services.sync import SyncJob


def get_dependencies(request: Request) -> Dependencies:
    return request.app.state.dependencies


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_metrics(request: Request) -> Metrics:
    return request.app.state.metrics


def get_search_index(request: Request) -> SearchIndex:
    search = get_dependencies(request).search
    if search is None:
        raise DependencyNotConfigured("elasticsearch")
    return search


def get_record_store(request: Request) -> RecordStore:
    records = get_dependencies(request).records
    if records is None:
        raise DependencyNotConfigured("sqlserver")
    return records


def get_code_host(request: Request) -> CodeHost:
    code_host = get_dependencies(request).code_host
    if code_host is None:
        raise DependencyNotConfigured("gitlab")
    return code_host


def get_sync_job(request: Request) -> SyncJob:
    job = getattr(request.app.state, "sync_job", None)
    if job is None:
        settings = get_settings(request)
        job = SyncJob(get_code_host(request), get_search_index(request), get_record_store(request),
                      max_projects=settings.sync_max_projects,
                      max_issues_per_project=settings.sync_max_issues_per_project,
                      metrics=get_metrics(request))
        request.app.state.sync_job = job
    return job
