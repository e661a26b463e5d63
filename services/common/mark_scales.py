"""The mark scales a school may keep (J2) and their values, best first: one list for the journal, which checks marks
against it, and reporting, which classifies them. Plain Python, no I/O."""
FIVE_POINT, TEN_POINT, PASS_FAIL = "five_point", "ten_point", "pass_fail"
VALUES: dict[str, tuple[str, ...]] = {  # best first, as the journal offers them (JournalPolicy.mark_values)
    FIVE_POINT: ("5", "4", "3", "2", "1"),
    TEN_POINT: tuple(str(n) for n in range(10, 0, -1)),
    PASS_FAIL: ("зачёт", "незачёт"),
}
