"""Double bookings: a class group (or a subgroup of it), a teacher or a room in two lessons at the same time.
Two subgroups of one class may have lessons at once; a subgroup and its whole class may not. Plain Python:
the callers query the other lessons of the slot and ask here whether one of them clashes (SlotBook: for many new
lessons at once, each checked against the stored ones and the others taken before it). A refusal names every
clashing lesson, in a stated order, so that it reads the same whatever order the database returned them in."""
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass

from services.common.errors import Conflict


@dataclass(frozen=True)
class Booking:
    """What a lesson holds: its class group (or one subgroup), the teacher who gives it and its room."""

    class_group_id: str
    subgroup_id: str | None
    teacher_id: str
    room: str
    label: str  # how the lesson is named in messages: «Математика», 5А


def label(subject: str, class_group: str, subgroup: str | None = None) -> str:
    return f"«{subject}», {class_group}" + (f" ({subgroup})" if subgroup else "")


def reason(new: Booking, other: Booking) -> tuple[str, str] | None:
    """(field, why) when the other lesson holds the class group, the teacher or the room the new one needs."""
    if other.class_group_id == new.class_group_id and (
            new.subgroup_id is None or other.subgroup_id is None or new.subgroup_id == other.subgroup_id):
        return "lesson_number", "у класса в это время уже есть урок"
    if other.teacher_id == new.teacher_id:
        return "teacher_id", "учитель в это время уже ведёт урок"
    if new.room and other.room.casefold() == new.room.casefold():
        return "room", f"кабинет {new.room} в это время занят"
    return None


def reject(new: Booking, others: Iterable[Booking], when: str) -> None:
    """Raises Conflict naming the new lesson and every other lesson it clashes with, in the order of their names
    (subject, class group, subgroup), with why; `fields` holds each clashing field once."""
    found = sorted({(other.label, *why) for other in others if (why := reason(new, other))})
    if not found:
        return
    fields: dict[str, str] = {}
    for _, field, why in found:
        fields.setdefault(field, why)
    names = ", ".join(other for other, _, _ in found)
    if len(found) == 1:
        message = f"с уроком {names} ({when}): {found[0][2]}"
    elif len({why for _, _, why in found}) == 1:
        message = f"с уроками {names} ({when}): {found[0][2]}"
    else:
        message = f"с уроками ({when}): " + "; ".join(f"{other} — {why}" for other, _, why in found)
    raise Conflict(f"Урок {new.label} пересекается {message}", fields)


def booking_of(row: Mapping, teacher_id: str | None = None) -> Booking:
    """A booking from a row with class_group_id, subgroup_id, teacher_id, room, subject, class_group, subgroup
    (teacher_id overrides who gives the lesson: a substitute)."""
    return Booking(row["class_group_id"], row["subgroup_id"], teacher_id or row["teacher_id"], row["room"] or "",
                   label(row["subject"], row["class_group"], row["subgroup"]))


class SlotBook:
    """The bookings of time slots while many new lessons are taken one by one: each new one is checked against the
    slot's stored bookings (loaded once per slot by `stored(slot)`) and the new ones taken before it."""

    def __init__(self, stored: Callable[[Hashable], Iterable[Booking]]):
        self.stored = stored
        self.slots: dict[Hashable, list[Booking]] = {}

    def take(self, slot: Hashable, new: Booking, when: str) -> None:
        """Raises Conflict (as reject) when the slot's bookings clash with the new one, else books it."""
        if slot not in self.slots:
            self.slots[slot] = list(self.stored(slot))
        reject(new, self.slots[slot], when)
        self.slots[slot].append(new)
