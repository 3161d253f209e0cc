"""What the app's lifespan does once it has started."""

from __future__ import annotations

import gc

from fastapi.testclient import TestClient


def test_the_started_app_keeps_its_startup_objects_out_of_the_garbage_collector(client: TestClient) -> None:
    assert gc.get_freeze_count() > 10_000  # else each full collection walks them all, mid-request
