"""Dated class membership: which class a student is in on a day, how an order splits the memberships and how a
cancellation undoes it."""
import datetime as dt

from services.common.memberships import class_on
from services.identity.domain.class_membership import Membership, later_than, moved, undone

D = dt.date(2026, 1, 14)
PLACED = [Membership("5А")]


def test_a_student_placed_without_an_order_is_in_the_class_every_day():
    assert class_on(PLACED, dt.date(2000, 1, 1)) == "5А" and class_on(PLACED, dt.date(2100, 1, 1)) == "5А"
    assert class_on([], D) == ""


def test_a_transfer_ends_the_old_membership_the_day_before_and_starts_the_new_one_on_the_day():
    after = moved(PLACED, D, "5Б", "order-1")
    assert after == [Membership("5А", None, dt.date(2026, 1, 13)), Membership("5Б", D, None, "order-1")]
    assert class_on(after, dt.date(2026, 1, 13)) == "5А" and class_on(after, D) == "5Б"


def test_a_leaver_is_in_no_class_from_the_day():
    after = moved(PLACED, D, None, "order-1")
    assert after == [Membership("5А", None, dt.date(2026, 1, 13))] and class_on(after, D) == ""


def test_a_later_movement_is_seen_from_an_earlier_day():
    after = moved(PLACED, D, "5Б", "order-1")
    assert later_than(after, dt.date(2026, 1, 10)) and later_than(after, D)
    assert not later_than(after, D + dt.timedelta(days=1)) and not later_than(PLACED, D)


def test_a_leaver_cannot_leave_again_on_the_same_day_nor_move_from_the_class_left():
    left = moved(PLACED, D, None, "order-1")
    assert later_than(left, D) and later_than(left, dt.date(2026, 1, 10))
    assert not later_than(left, D + dt.timedelta(days=1))  # from the next day on the student is in no class


def test_undoing_an_order_restores_the_memberships_before_it():
    after = moved(PLACED, D, "5Б", "order-1")
    assert undone(after, "order-1", D, "5А") == PLACED
    assert undone(moved([], D, "1А", "order-2"), "order-2", D, None) == []
