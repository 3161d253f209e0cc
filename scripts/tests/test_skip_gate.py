"""scripts/skip-gate on made-up reports: what passes the gate and what fails it (python3 -m unittest)."""
import contextlib
import importlib.machinery
import io
import importlib.util
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

GATE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "skip-gate")


def load_gate(root):
    loader = importlib.machinery.SourceFileLoader("skip_gate", GATE)
    spec = importlib.util.spec_from_loader("skip_gate", loader)
    gate = importlib.util.module_from_spec(spec)
    loader.exec_module(gate)
    gate.ROOT = root
    gate.LEDGER_DIR = os.path.join(root, "target", "ci-ledger")
    gate.LEDGER = os.path.join(gate.LEDGER_DIR, "tests.jsonl")
    gate.ALLOWED = os.path.join(root, "allowed.txt")
    return gate


def report(root, module, cls, cases):
    d = os.path.join(root, module, "target", "surefire-reports")
    os.makedirs(d, exist_ok=True)
    body = "".join('<testcase name="%s" classname="%s">%s</testcase>' % (n, cls, inner) for n, inner in cases)
    with open(os.path.join(d, "TEST-%s.xml" % cls), "w") as f:
        f.write('<testsuite name="%s">%s</testsuite>' % (cls, body))


class SkipGateTest(unittest.TestCase):
    def setUp(self):
        # the gate's own report lines would read like the CI run's verdict; keep them out of the log
        quiet = contextlib.redirect_stdout(io.StringIO())
        quiet.__enter__()
        self.addCleanup(quiet.__exit__, None, None, None)
        self.root = tempfile.mkdtemp()
        self.gate = load_gate(self.root)
        with open(self.gate.ALLOWED, "w") as f:
            f.write(textwrap.dedent("""\
                # comment
                a.RealNodes#* | runs-in later | needs real nodes
                b.Sql#* | cannot-run-here | no SQL Server here
                """))

    def test_an_allowed_skip_that_passed_in_its_pass_and_a_cannot_run_here_skip_pass_the_gate(self):
        report(self.root, "m", "a.RealNodes", [("upgrades", '<skipped message="disabled"/>')])
        report(self.root, "m", "b.Sql", [("reads", '<skipped message="MSSQL_URL"/>')])
        self.gate.record("first", 0)
        report(self.root, "m", "a.RealNodes", [("upgrades", "")])
        self.gate.record("later", 0)
        self.assertEqual(self.gate.check(), 0)

    def test_a_skip_missing_from_the_allow_list_fails_the_gate(self):
        report(self.root, "m", "c.Other", [("runs", '<skipped message="needs sshd"/>')])
        self.gate.record("first", 0)
        self.assertEqual(self.gate.check(), 1)

    def test_an_allowed_skip_that_never_ran_in_the_pass_it_names_fails_the_gate(self):
        report(self.root, "m", "a.RealNodes", [("upgrades", '<skipped message="disabled"/>')])
        self.gate.record("first", 0)
        self.assertEqual(self.gate.check(), 1)

    def test_a_failed_test_fails_the_gate(self):
        report(self.root, "m", "d.Broken", [("works", '<failure message="no"/>')])
        self.gate.record("first", 0)
        self.assertEqual(self.gate.check(), 1)

    def test_run_returns_the_commands_exit_code(self):
        code = subprocess.call([sys.executable, GATE, "run", "probe", "--", "false"],
                               stdout=subprocess.DEVNULL, cwd=self.root)
        self.assertEqual(code, 1)


if __name__ == "__main__":
    unittest.main()
