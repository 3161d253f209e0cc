"""Every SQL statement is a constant with placeholders; request data only ever travels as parameters."""

from __future__ import annotations

import ast
import inspect
import re

from app.adapters import sqlserver
from app.adapters.sqlserver import Endpoint, SqlServerStore
from app.core.resilience import DependencyCaller, RetryPolicy
from tests.support.sqlserver_standin import InMemorySqlServerStandIn

SOURCE = inspect.getsource(sqlserver)
TREE = ast.parse(SOURCE)


def test_every_execute_call_passes_a_module_level_statement_constant() -> None:
    calls = [n for n in ast.walk(TREE) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "execute"]
    assert len(calls) >= 9
    for call in calls:
        first = call.args[0]
        assert isinstance(first, ast.Name) and first.id in sqlserver.STATEMENTS, \
            f"line {call.lineno}: execute() must get one of the statement constants, not {ast.unparse(first)}"
        assert len(call.args) <= 2 and not call.keywords


def test_statement_constants_are_plain_literals_never_formatted() -> None:
    assigned = {t.id: node.value for node in TREE.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name) and t.id in sqlserver.STATEMENTS}
    assert set(assigned) == set(sqlserver.STATEMENTS)
    for name, value in assigned.items():
        assert isinstance(value, ast.Constant) and isinstance(value.value, str), f"{name} is not a literal"
    sql_word = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|EXEC)\b", re.IGNORECASE)
    built = [ast.unparse(n) for n in ast.walk(TREE)
             if isinstance(n, ast.JoinedStr) or (isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Mod, ast.Add)))
             or (isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "format")]
    assert not [b for b in built if sql_word.search(b)], "SQL must not be assembled at run time"


def test_statements_use_only_pyformat_placeholders_and_no_literal_percent() -> None:
    for name, sql in sqlserver.STATEMENTS.items():
        stripped = sql.replace("%s", "")
        assert "%" not in stripped, f"{name} has a literal % or a named placeholder"
        if not name.startswith("CREATE_"):  # DDL names its own table; nothing else has literals
            assert "'" not in sql, f"{name} carries a string literal; values must be parameters"


def test_hostile_input_reaches_the_driver_only_as_a_parameter() -> None:
    standin = InMemorySqlServerStandIn()
    store = SqlServerStore(Endpoint("p", 1433, False), None, DependencyCaller("sqlserver", RetryPolicy()),
                           connect=standin.connect)
    hostile = "x'); DROP TABLE dbo.gateway_records; --"
    record = store.add_record("note", hostile, {"q": hostile})
    store.list_records("note", 10, 0)
    insert, select = standin.calls
    assert insert.statement == "INSERT_RECORD" and insert.params[1] == hostile
    assert hostile not in sqlserver.INSERT_RECORD
    assert select.statement == "SELECT_RECORDS_OF_KIND" and select.params == ("note", 0, 10)
    assert record.name == hostile and record.payload == {"q": hostile}
