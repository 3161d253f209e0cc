"""The API's routers. Each carries its full path prefix, so a route's template (the metrics label)
is its public path."""

from app.api.routes import documents, gitlab, health, records, search, sync

routers = [health.router, search.router, documents.router, records.router, gitlab.router, sync.router]
