"""Russian nouns after a number."""


def plural(n: int, one: str, few: str, many: str) -> str:
    """`n` and the Russian form of the noun for it: 1 оценка, 3 оценки, 5 оценок, 21 оценка, 12 оценок."""
    if n % 10 == 1 and n % 100 != 11:
        word = one
    elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        word = few
    else:
        word = many
    return f"{n} {word}"
