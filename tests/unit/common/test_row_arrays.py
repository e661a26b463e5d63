"""Rows as one array per column (common/row_arrays.py): the statement's text does not depend on the number of rows, JSON and
array columns travel as JSON text, columns equal in every row as one value."""
import datetime as dt

from services.common import row_arrays
from services.journal.adapters.tables import ledger, marks

NOW = dt.datetime(2025, 9, 1, 8, 30, tzinfo=dt.UTC)


def test_the_rows_become_one_array_per_column():
    rows = [dict(id=f"id-{n}", value=str(n), comment="") for n in (3, 4, 5)]
    assert row_arrays.parameters(marks, rows, ("id", "value", "comment")) == {
        "id": ["id-3", "id-4", "id-5"], "value": ["3", "4", "5"], "comment": ["", "", ""]}
    assert row_arrays.given(marks, ("id", "value")) == (
        "unnest(CAST(:id AS UUID[]), CAST(:value AS TEXT[])) AS given(id, value)")


def test_json_and_array_columns_travel_as_json_text_and_equal_columns_as_one_value():
    rows = [dict(actor_roles=["subject_teacher"], old_value={"value": "5"}, occurred_at=NOW),
            dict(actor_roles=["subject_teacher"], old_value=None, occurred_at=NOW)]
    names = ("actor_roles", "old_value", "occurred_at")
    assert row_arrays.parameters(ledger, rows, names, same={"actor_roles", "occurred_at"}) == {
        "actor_roles": '["subject_teacher"]', "old_value": ['{"value": "5"}', 'null'], "occurred_at": NOW}
    sql = row_arrays.select_given(ledger, names, same={"actor_roles", "occurred_at"})
    assert sql == ("SELECT CASE WHEN CAST(:actor_roles AS TEXT) IS NULL THEN NULL ELSE CAST(ARRAY(SELECT "
                   "jsonb_array_elements_text(CAST(CAST(:actor_roles AS TEXT) AS JSONB))) AS TEXT[]) END, "
                   "CAST(old_value AS JSONB), CAST(:occurred_at AS TIMESTAMP WITH TIME ZONE) "
                   "FROM unnest(CAST(:old_value AS TEXT[])) AS given(old_value)")


def test_values_equal_in_python_but_not_as_stored_are_not_collapsed_into_one():
    sent = []

    class Session:
        def execute(self, statement, params):
            sent.append(params)

    rows = [dict(old_value=None, new_value=value, late=flag) for value, flag in
            (({"v": 1}, True), ({"v": True}, 1), ({"v": 1.0}, 1))]
    row_arrays.insert(Session(), ledger, rows)
    [params] = sent
    assert params["new_value"] == ['{"v": 1}', '{"v": true}', '{"v": 1.0}']
    assert params["late"] == [True, 1, 1]
    assert params["old_value"] == "null"  # JSON null in every row, as SQLAlchemy's JSONB binding sends None
