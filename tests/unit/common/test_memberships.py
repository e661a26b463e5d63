"""The dated class membership rule (services/common/memberships.py): both ends inclusive, "" open, a transfer on D
ends the old class on D - 1 and starts the new one on D."""
import datetime as dt

from proto.identity.v1.identity_pb2 import ClassMembership
from services.common import memberships

OLD, NEW = "class-5a", "class-5b"
# transferred on 14 January: 5А until the 13th, 5Б from the 14th, still there
TRANSFERRED = [ClassMembership(class_group_id=OLD, date_to="2027-01-13"),
               ClassMembership(class_group_id=NEW, date_from="2027-01-14")]


def test_a_transfer_day_belongs_to_the_new_class_and_the_day_before_to_the_old():
    assert memberships.in_class(TRANSFERRED, OLD, "2027-01-13")
    assert not memberships.in_class(TRANSFERRED, OLD, "2027-01-14")
    assert memberships.in_class(TRANSFERRED, NEW, "2027-01-14")
    assert not memberships.in_class(TRANSFERRED, NEW, "2027-01-13")
    assert memberships.class_on(TRANSFERRED, "2026-09-01") == OLD
    assert memberships.class_on(TRANSFERRED, dt.date(2027, 5, 31)) == NEW


def test_open_ends_cover_every_day_and_a_leaver_is_in_no_class_after_leaving():
    left = [ClassMembership(class_group_id=OLD, date_to="2027-03-01")]
    assert memberships.in_class(left, OLD, "1990-01-01")
    assert memberships.in_class(left, OLD, "2027-03-01")
    assert memberships.class_on(left, "2027-03-02") == ""
    assert memberships.class_on([], "2027-03-02") == ""


def test_the_memberships_during_a_period_oldest_first():
    assert [m.class_group_id for m in memberships.during(reversed(TRANSFERRED), "2027-01-01", "2027-01-31")] == [OLD, NEW]
    assert [m.class_group_id for m in memberships.during(TRANSFERRED, "2027-01-14", "2027-01-31")] == [NEW]
    assert [m.class_group_id for m in memberships.during(TRANSFERRED, "", "2026-12-31")] == [OLD]
    assert [m.class_group_id for m in memberships.during(TRANSFERRED, "", "")] == [OLD, NEW]
    assert memberships.in_class_during(TRANSFERRED, NEW, "2027-01-01", "2027-01-14")
    assert not memberships.in_class_during(TRANSFERRED, NEW, "2027-01-01", "2027-01-13")
    assert memberships.in_class_during(TRANSFERRED, OLD, "", "")


def test_a_membership_clipped_to_a_period_and_the_span_of_a_class():
    assert memberships.clipped(TRANSFERRED[0], "2027-01-01", "2027-01-31") == ("2027-01-01", "2027-01-13")
    assert memberships.clipped(TRANSFERRED[1], "2027-01-01", "2027-01-31") == ("2027-01-14", "2027-01-31")
    assert memberships.clipped(TRANSFERRED[1]) == ("2027-01-14", "")
    assert memberships.span(TRANSFERRED, NEW) == ("2027-01-14", "")
    assert memberships.span(TRANSFERRED, OLD) == ("", "2027-01-13")
    back = [*TRANSFERRED, ClassMembership(class_group_id=OLD, date_from="2027-02-01", date_to="2027-02-20")]
    assert memberships.span(back, OLD) == ("", "2027-02-20")
    assert memberships.span(TRANSFERRED, "other") == ("", "")


def test_read_model_rows_with_dates_and_none_follow_the_same_rule():
    class Row:
        def __init__(self, class_group_id, date_from, date_to):
            self.class_group_id, self.date_from, self.date_to = class_group_id, date_from, date_to
    rows = [Row(OLD, None, dt.date(2027, 1, 13)), Row(NEW, dt.date(2027, 1, 14), None)]
    assert memberships.in_class(rows, OLD, "2027-01-13") and not memberships.in_class(rows, OLD, dt.date(2027, 1, 14))
    assert memberships.span(rows, NEW) == ("2027-01-14", "")
