"""Seeds the bench indices through the gateway's own adapter and writes the wrk Lua script that
sends Elasticsearch the very same search body the gateway sends. Loopback only."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from app.adapters.base import IndexedDocument
from app.adapters.elasticsearch import ElasticsearchIndex, search_request
from app.core.resilience import DependencyCaller, RetryPolicy

WORDS = ("kubernetes upgrade etcd quorum backup snapshot ingress certificate renewal failover replica "
         "shard allocation flannel vxlan windows node drain cordon haproxy keepalived gitlab runner "
         "pipeline sqlserver availability group listener secondary primary readiness probe").split()


def main(es_url: str, prefix: str, docs: int, query: str, lua_path: str) -> None:
    rng = random.Random(7)  # the same corpus on every run
    index = ElasticsearchIndex(es_url, DependencyCaller("elasticsearch", RetryPolicy()), index_prefix=prefix,
                               timeout=30, replicas=0)
    # Topic words are rare among filler words, so a two-word AND query matches a few percent.
    vocabulary = WORDS + [f"term{n}" for n in range(2000)]
    batch = [IndexedDocument(id=f"bench-{n}", kind="document", title=" ".join(rng.sample(vocabulary, 4)),
                             body=" ".join(rng.choices(vocabulary, k=60)), tags=rng.sample(WORDS, 2))
             for n in range(docs)]
    index.bulk_put(batch)
    index.refresh()
    index.close()
    body = search_request(query, [], 10, 0)
    body["from"] = body.pop("from_")
    Path(lua_path).write_text(
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = {json.dumps(json.dumps(body))}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
