"""checkov judges every Kubernetes manifest Kubeyard renders, on both lines.

The manifests are the golden files: the Java build fails when they differ from what the renderer
writes, so scanning them is scanning the renderer's output. Open-source checkov has no severities
offline, so every failed check counts: it is fixed, or answered in docs/security/scanner-findings.yaml
with the reason it stays. An answer that no longer matches a finding fails too, so the list stays true.
"""
import fnmatch
import json
import os
import subprocess

import pytest
import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GOLDEN = os.path.join(REPO, "installer-engine", "src", "test", "golden")
ANSWERS = os.path.join(REPO, "docs", "security", "scanner-findings.yaml")
LINES = ("1.14", "1.35")


def line_of(path):
    for line in LINES:
        if "/%s/" % line in path:
            return line
    raise AssertionError("a rendered manifest outside both lines: %s" % path)


@pytest.fixture(scope="module")
def report():
    out = subprocess.run(
        [os.environ.get("CHECKOV", "checkov"), "--directory", GOLDEN, "--framework", "kubernetes",
         "--output", "json", "--compact", "--skip-download"],
        capture_output=True, text=True, cwd=REPO)
    # exit 1 means "some check failed", which the answers below deal with; anything else is a crash
    assert out.returncode in (0, 1), out.stderr[-2000:]
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def findings(report):
    """(check id, '<line>:<Kind>.<namespace>.<name>') -> check name, one per resource and line."""
    found = {}
    for f in report["results"]["failed_checks"]:
        found[(f["check_id"], "%s:%s" % (line_of(f["file_path"]), f["resource"]))] = f["check_name"]
    return found


@pytest.fixture(scope="module")
def answers():
    with open(ANSWERS, encoding="utf-8") as f:
        entries = yaml.safe_load(f)["findings"]
    for e in entries:
        assert e.get("why", "").strip(), "an answer without a reason: %s" % e
    return entries


def matches(answer, check, key):
    return answer["check"] == check and any(fnmatch.fnmatchcase(key, p) for p in answer["resources"])


def test_checkov_reads_the_rendered_manifests_of_both_lines(report):
    summary = report["summary"]
    assert summary["parsing_errors"] == 0
    scanned = {line_of(r["file_path"]) for key in ("passed_checks", "failed_checks")
               for r in report["results"][key]}
    assert scanned == set(LINES)
    # addons, the ingress controller, MetalLB, Elasticsearch and the gateway, per line
    assert summary["resource_count"] >= 100, summary
    assert summary["passed"] >= 1000, summary


def test_every_finding_is_fixed_or_answered_with_its_reason(findings, answers):
    unanswered = sorted("%s %s (%s)" % (check, key, name) for (check, key), name in findings.items()
                        if not any(matches(a, check, key) for a in answers))
    assert not unanswered, "checkov findings with no answer in %s:\n  %s" % (
        os.path.relpath(ANSWERS, REPO), "\n  ".join(unanswered))


def test_every_answer_still_matches_a_finding(findings, answers):
    stale = ["%s %s" % (a["check"], p) for a in answers for p in a["resources"]
             if not any(a["check"] == check and fnmatch.fnmatchcase(key, p) for check, key in findings)]
    assert not stale, "answers that no longer match a finding (remove them):\n  " + "\n  ".join(stale)
