from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query

from app.adapters.base import CodeHost
from app.api.deps import get_code_host
from app.api.models import (DEPENDENCY_DOWN, NOT_FOUND, GitLabProject, IssuesOut, PipelinesOut,
                            ProjectsOut)
from app.api.security import REFUSALS, can_read

router = APIRouter(prefix="/api/gitlab", tags=["gitlab"], dependencies=[Depends(can_read)], responses=REFUSALS)
ProjectId = Annotated[int, Path(ge=1, le=2**31 - 1)]
PageNo = Annotated[int, Query(ge=1, le=10_000)]
PerPage = Annotated[int, Query(ge=1, le=100)]
PipelineStatus = Literal["created", "waiting_for_resource", "preparing", "pending", "running", "success",
                         "failed", "canceled", "skipped", "manual", "scheduled"]


@router.get("/projects", response_model=ProjectsOut, responses=DEPENDENCY_DOWN)
def list_projects(gitlab: Annotated[CodeHost, Depends(get_code_host)], page: PageNo = 1, per_page: PerPage = 20,
                  search: Annotated[str | None, Query(min_length=1, max_length=100)] = None) -> ProjectsOut:
    p = gitlab.list_projects(page, per_page, search)
    return ProjectsOut(items=p.items, page=p.page, per_page=p.per_page, next_page=p.next_page, total=p.total)


@router.get("/projects/{project_id}", response_model=GitLabProject, responses={**NOT_FOUND, **DEPENDENCY_DOWN})
def get_project(project_id: ProjectId, gitlab: Annotated[CodeHost, Depends(get_code_host)]) -> GitLabProject:
    return GitLabProject(**gitlab.get_project(project_id))


@router.get("/projects/{project_id}/issues", response_model=IssuesOut, responses={**NOT_FOUND, **DEPENDENCY_DOWN})
def list_issues(project_id: ProjectId, gitlab: Annotated[CodeHost, Depends(get_code_host)],
                state: Literal["opened", "closed", "all"] | None = None,
                page: PageNo = 1, per_page: PerPage = 20) -> IssuesOut:
    p = gitlab.list_issues(project_id, state, page, per_page)
    return IssuesOut(items=p.items, page=p.page, per_page=p.per_page, next_page=p.next_page, total=p.total)


@router.get("/projects/{project_id}/pipelines", response_model=PipelinesOut,
            responses={**NOT_FOUND, **DEPENDENCY_DOWN})
def list_pipelines(project_id: ProjectId, gitlab: Annotated[CodeHost, Depends(get_code_host)],
                   status: PipelineStatus | None = None,
                   ref: Annotated[str | None, Query(min_length=1, max_length=255)] = None,
                   page: PageNo = 1, per_page: PerPage = 20) -> PipelinesOut:
    p = gitlab.list_pipelines(project_id, status, ref, page, per_page)
    return PipelinesOut(items=p.items, page=p.page, per_page=p.per_page, next_page=p.next_page, total=p.total)
